/**
 * A basis's own history: `GET /api/v1/invoice-bases/:id/history` — created in which run (or as the
 * credit note of, or the corrected draft after, another basis), edited, approved, sent, exported,
 * credited with its reason and corrected by a new draft, each with who acted (display name) and
 * when. Read from the basis's columns (created, approved, sent, credited) and the audit log of
 * the basis (who sent, credited, edited and exported it), so a basis whose audit entries predate
 * an action's audit still shows the action. Role-checked as the basis itself: `records:read`, and
 * a municipality economist sees only bases where their municipality is seller or buyer (404
 * otherwise, as for the basis).
 */
import type { Kysely } from 'kysely';
import { SamverkanError, type Agreement } from '@samverkan/core';
import type { RegisterRoutes } from '../app/app-context.js';
import { authorize } from '../app/request-user.js';
import { IdParams, readResponses } from '../app/schemas.js';
import { auditEntityNames } from '../audit/audit-entity-names.js';
import { listAudit } from '../audit/list-audit.js';
import { actorNames } from '../auth/actor-names.js';
import type { SessionUser } from '../auth/session-user.js';
import { findBasis } from '../billing/basis-store.js';
import { runLabel } from '../billing/run-label.js';
import { exportFormatIds, exportFormats } from '../exports/export-formats.js';
import type { Database } from '../store/schema.js';

/** What happened to the basis. */
export type BasisEventKind = 'created' | 'edited' | 'approved' | 'sent' | 'exported' | 'credited' | 'corrected';

/** One event of a basis's history. */
export interface BasisEvent {
  readonly at: string;
  readonly kind: BasisEventKind;
  /** The stored actor id (`user:ekonom.region`), null when the store does not know who. */
  readonly actor: string | null;
  /** The actor's display name, null when unknown. */
  readonly actorName: string | null;
  /** What happened, as a Swedish sentence with the things by name. */
  readonly text: string;
  /** Another basis the event concerns (the credit note, the corrected draft, the basis replaced). */
  readonly relatedBasisId?: string;
}

interface RawEvent extends Omit<BasisEvent, 'actorName' | 'text'> {
  readonly text: (name: (basisId: string) => string) => string;
}

const ORDER: Readonly<Record<BasisEventKind, number>> = {
  created: 0,
  edited: 1,
  approved: 2,
  sent: 3,
  exported: 4,
  credited: 5,
  corrected: 6,
};

function formatTitle(format: unknown): string {
  const id = exportFormatIds.find((f) => f === format);
  return id === undefined ? String(format) : exportFormats[id].title;
}

const field = (value: unknown, key: string): unknown =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>)[key] : undefined;

const EDITED_FIELDS: Readonly<Record<string, string>> = { buyerReference: 'köparens referens', note: 'anteckningen' };

/** The events of basis `id`, oldest first (undefined when the user may not see it). */
export async function basisHistory(
  db: Kysely<Database>,
  agreement: Agreement,
  user: SessionUser,
  id: string,
): Promise<BasisEvent[] | undefined> {
  const basis = await findBasis(db, user, id);
  if (!basis) return undefined;
  const raw: RawEvent[] = [];
  const run =
    basis.billing_run_id === null
      ? undefined
      : await db.selectFrom('billing_runs').select(['started_by', 'sequence']).where('id', '=', basis.billing_run_id).executeTakeFirst();
  const inRun = run ? ` i ${runLabel(run.sequence).toLowerCase()}` : '';
  if (basis.credit_of !== null) {
    const of = basis.credit_of;
    raw.push({
      at: basis.created_at,
      kind: 'created',
      actor: basis.approved_by,
      relatedBasisId: of,
      text: (name) => `Kreditnotan skapades när ${name(of)} krediterades${basis.credit_reason ? `. Skäl: ${basis.credit_reason}` : ''}.`,
    });
  } else if (basis.replaces_id !== null) {
    const replaced = basis.replaces_id;
    raw.push({
      at: basis.created_at,
      kind: 'created',
      actor: null,
      relatedBasisId: replaced,
      text: (name) => `Skapades som rättat utkast${inRun} när ${name(replaced)} krediterades.`,
    });
  } else {
    raw.push({ at: basis.created_at, kind: 'created', actor: run?.started_by ?? null, text: () => `Skapades${inRun}.` });
  }
  const audit = await listAudit(db, { entity: 'invoice_bases', entityId: id, limit: 1000 });
  const byAction = (action: string) => audit.filter((e) => e.action === action);
  const number = basis.invoice_number === null ? '' : ` med fakturanummer ${basis.invoice_number}`;
  // A credit note is issued (approved) the moment it is created, by the one who credited.
  if (basis.approved_at !== null && basis.credit_of === null) {
    raw.push({ at: basis.approved_at, kind: 'approved', actor: basis.approved_by, text: () => `Godkändes och låstes${number}.` });
  }
  if (basis.sent_at !== null) {
    raw.push({
      at: basis.sent_at,
      kind: 'sent',
      actor: byAction('send')[0]?.actor ?? null,
      text: () => 'Markerades som skickat till köparen.',
    });
  }
  for (const e of byAction('update')) {
    const changed = Object.keys(EDITED_FIELDS).filter((k) => JSON.stringify(field(e.before, k)) !== JSON.stringify(field(e.after, k)));
    const what = changed.map((k) => EDITED_FIELDS[k] ?? k).join(' och ');
    raw.push({ at: e.at, kind: 'edited', actor: e.actor, text: () => `Utkastet ändrades${what === '' ? '' : `: ${what}`}.` });
  }
  for (const e of byAction('export')) {
    const file = field(e.after, 'fileName');
    raw.push({
      at: e.at,
      kind: 'exported',
      actor: e.actor,
      text: () => `Exporterades som ${formatTitle(field(e.after, 'format'))}${typeof file === 'string' ? ` (${file})` : ''}.`,
    });
  }
  if (basis.credited_at !== null) {
    const note = await db.selectFrom('invoice_bases').select(['id']).where('credit_of', '=', id).executeTakeFirst();
    const reason = basis.credit_reason ? ` Skäl: ${basis.credit_reason}.` : '';
    raw.push({
      at: basis.credited_at,
      kind: 'credited',
      actor: byAction('credit')[0]?.actor ?? null,
      ...(note ? { relatedBasisId: note.id } : {}),
      text: (name) => `Krediterades${note ? ` med ${name(note.id)}` : ''}.${reason}`,
    });
    const replacement = await db.selectFrom('invoice_bases').select(['id', 'created_at']).where('replaces_id', '=', id).executeTakeFirst();
    if (replacement)
      raw.push({
        at: replacement.created_at,
        kind: 'corrected',
        actor: byAction('credit')[0]?.actor ?? null,
        relatedBasisId: replacement.id,
        text: (name) => `Rättades med ett nytt utkast: ${name(replacement.id)}.`,
      });
  }
  const related = raw.flatMap((e) => (e.relatedBasisId === undefined ? [] : [{ entity: 'invoice_bases', entityId: e.relatedBasisId }]));
  const basisName = await auditEntityNames(db, agreement, related);
  const name = (basisId: string): string => `underlaget ${basisName('invoice_bases', basisId)}`;
  const who = await actorNames(
    db,
    raw.map((e) => e.actor),
  );
  return raw
    .sort((a, b) => a.at.localeCompare(b.at) || ORDER[a.kind] - ORDER[b.kind])
    .map((e) => ({ ...e, actorName: e.actor === null ? null : who(e.actor), text: e.text(name) }));
}

/** Register the history route. */
export const registerInvoiceBasisHistory: RegisterRoutes = (app, ctx) => {
  app.get(
    '/api/v1/invoice-bases/:id/history',
    {
      schema: {
        tags: ['fakturering'],
        summary: 'Ett fakturaunderlags historik: skapat, godkänt, skickat, exporterat, krediterat och rättat, med vem och när',
        params: IdParams,
        response: readResponses,
      },
    },
    async (request) => {
      const user = authorize(request, 'records:read');
      const events = await basisHistory(ctx.store.db, ctx.agreement, user, request.params.id);
      if (events === undefined)
        throw new SamverkanError(
          'SAMV_ERR_NOT_FOUND',
          `Fakturaunderlaget ${request.params.id} finns inte (eller din kommun är inte part i det).`,
          {
            field: 'id',
            value: request.params.id,
          },
        );
      return { invoiceBasisId: request.params.id, events };
    },
  );
};
