/** Audit entries as people read them: who by name, the action and thing in Swedish, the thing by its name. */
import type { Kysely } from 'kysely';
import { describeChanges, type Agreement, type FieldChange, type RecordNames } from '@samverkan/core';
import type { Database } from '../store/schema.js';
import { actorNames } from '../auth/actor-names.js';
import { auditEntityNames } from './audit-entity-names.js';
import { auditActionLabel, auditEntityLabel } from './audit-labels.js';
import type { AuditView } from './list-audit.js';
import { partyName } from '../billing/basis-view.js';
import { flowInfo, isBillingFlow } from '../billing/periods.js';
import { findImportKind } from '../imports/kinds/index.js';

/** An audit entry with names beside the stored ids and words. */
export interface NamedAuditView extends AuditView {
  readonly actorName: string;
  readonly actionLabel: string;
  readonly entityLabel: string;
  readonly entityName: string;
  /** The changed fields with Swedish labels and values as read (glossary, decision 0190). */
  readonly changes: readonly FieldChange[];
}

/** Actor ids among a record's top-level values (who recorded, approved, uploaded it). */
function actorValues(side: unknown): string[] {
  if (side === null || typeof side !== 'object' || Array.isArray(side)) return [];
  return Object.entries(side as Record<string, unknown>).flatMap(([k, v]) =>
    typeof v === 'string' && (/By$/.test(k) || k === 'user_id') ? [v] : [],
  );
}

/** Name a batch of entries (one lookup per kind of name). */
export async function nameAuditEntries(
  db: Kysely<Database>,
  agreement: Agreement,
  entries: readonly AuditView[],
): Promise<NamedAuditView[]> {
  const actor = await actorNames(db, [
    ...entries.map((e) => e.actor),
    ...entries.flatMap((e) => [...actorValues(e.before), ...actorValues(e.after)]),
  ]);
  const names: RecordNames = (kind, id) => {
    switch (kind) {
      case 'actor':
        return actor(id);
      case 'party':
        return partyName(agreement, id);
      case 'document':
        return agreement.documents.find((d) => d.id === id)?.title;
      case 'flow':
        return isBillingFlow(id) ? flowInfo[id].title : undefined;
      case 'import-kind':
        return findImportKind(id)?.title;
      case 'parameter':
        return agreement.parameters.get(id)?.title;
    }
  };
  const entity = await auditEntityNames(db, agreement, entries);
  return entries.map((e) => ({
    ...e,
    actorName: actor(e.actor),
    actionLabel: auditActionLabel(e.action),
    entityLabel: auditEntityLabel(e.entity),
    entityName: entity(e.entity, e.entityId),
    changes: describeChanges(e.before, e.after, names, e.entity),
  }));
}
