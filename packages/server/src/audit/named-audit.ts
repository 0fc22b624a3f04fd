/** Audit entries as people read them: who by name, the action and thing in Swedish, the thing by its name. */
import type { Kysely } from 'kysely';
import type { Agreement } from '@samverkan/core';
import type { Database } from '../store/schema.js';
import { actorNames } from '../auth/actor-names.js';
import { auditEntityNames } from './audit-entity-names.js';
import { auditActionLabel, auditEntityLabel } from './audit-labels.js';
import type { AuditView } from './list-audit.js';

/** An audit entry with names beside the stored ids and words. */
export interface NamedAuditView extends AuditView {
  readonly actorName: string;
  readonly actionLabel: string;
  readonly entityLabel: string;
  readonly entityName: string;
}

/** Name a batch of entries (one lookup per kind of name). */
export async function nameAuditEntries(
  db: Kysely<Database>,
  agreement: Agreement,
  entries: readonly AuditView[],
): Promise<NamedAuditView[]> {
  const actor = await actorNames(
    db,
    entries.map((e) => e.actor),
  );
  const entity = await auditEntityNames(db, agreement, entries);
  return entries.map((e) => ({
    ...e,
    actorName: actor(e.actor),
    actionLabel: auditActionLabel(e.action),
    entityLabel: auditEntityLabel(e.entity),
    entityName: entity(e.entity, e.entityId),
  }));
}
