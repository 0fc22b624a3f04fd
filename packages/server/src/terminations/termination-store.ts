/**
 * Recorded terminations (uppsägningar), agreement.md: "Termination can be of the whole agreement
 * … or of one document; record both cases". PRINC.giltighet: notice via the länsövergripande
 * politisk samverkansarena, preceded by dialogue there. Recording is one audited transaction; the
 * stored terminations feed the lifecycle (status, period end, notice deadline) and the calendar.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import {
  invalidInput,
  parseDate,
  SamverkanError,
  Temporal,
  terminationEffect,
  todayInStockholm,
  type Agreement,
  type Termination,
} from '@samverkan/core';
import type { Store } from '../store/db.js';
import type { Database, TerminationRow } from '../store/schema.js';
import { flag, toFlag } from '../store/flag.js';
import { nowIso } from '../store/clock.js';
import { appendAudit } from '../audit/append-audit.js';
import { actorOf, type SessionUser } from '../auth/session-user.js';

/** What records a termination. */
export interface NewTermination {
  readonly document: string;
  readonly noticeDate: string;
  readonly reference: string;
  readonly dialogueHeld: boolean;
  readonly demo?: boolean;
}

/** What the termination means for one document it ends. */
export interface TerminationEffectView {
  readonly document: string;
  readonly finalEnd: string;
  readonly inTime: boolean;
}

/** A stored termination as the API shows it. */
export interface TerminationView {
  readonly id: string;
  readonly document: string;
  readonly noticeDate: string;
  readonly reference: string;
  readonly dialogueHeld: boolean;
  readonly recordedBy: string;
  readonly recordedAt: string;
  /** For one document: its last valid day and whether notice was given in time. */
  readonly finalEnd?: string;
  readonly inTime?: boolean;
  /** Per document the termination ends (one entry, or every document for `ALL`). */
  readonly effects: readonly TerminationEffectView[];
  readonly clause: 'PRINC.giltighet';
}

function effects(agreement: Agreement, document: string, noticeDate: Temporal.PlainDate): TerminationEffectView[] {
  return agreement.documents
    .filter((d) => document === 'ALL' || d.id === document)
    .map((d) => {
      const e = terminationEffect(d, { document, noticeDate });
      return { document: d.id, finalEnd: e.finalEnd.toString(), inTime: e.inTime };
    });
}

function view(agreement: Agreement, row: TerminationRow): TerminationView {
  const list = effects(agreement, row.document, Temporal.PlainDate.from(row.notice_date));
  const [only] = list;
  return {
    id: row.id,
    document: row.document,
    noticeDate: row.notice_date,
    reference: row.reference,
    dialogueHeld: flag(row.dialogue_held),
    recordedBy: row.recorded_by,
    recordedAt: row.recorded_at,
    ...(row.document !== 'ALL' && only !== undefined ? { finalEnd: only.finalEnd, inTime: only.inTime } : {}),
    effects: list,
    clause: 'PRINC.giltighet',
  };
}

/** Check the document and date: a known document or ALL, a real date not before the document starts. */
function checked(agreement: Agreement, input: NewTermination): { document: string; noticeDate: Temporal.PlainDate; reference: string } {
  const ids = agreement.documents.map((d) => d.id);
  const document = input.document.trim().toUpperCase();
  if (document !== 'ALL' && !ids.includes(document)) {
    throw invalidInput(
      'document',
      `document: dokumentet "${input.document}" finns inte; välj ett av ${ids.join(', ')} eller ALL.`,
      input.document,
    );
  }
  const noticeDate = parseDate(input.noticeDate, 'noticeDate');
  const starts = agreement.documents
    .filter((d) => document === 'ALL' || d.id === document)
    .map((d) => Temporal.PlainDate.from(d.validFrom));
  const start = starts.reduce((a, b) => (Temporal.PlainDate.compare(a, b) <= 0 ? a : b));
  if (Temporal.PlainDate.compare(noticeDate, start) < 0) {
    throw invalidInput(
      'noticeDate',
      `noticeDate: ${noticeDate.toString()} ligger före avtalets start (${start.toString()}); en uppsägning kan inte ges innan ${document === 'ALL' ? 'avtalet' : document} börjar gälla.`,
      input.noticeDate,
    );
  }
  const reference = input.reference.trim();
  if (reference === '')
    throw invalidInput('reference', 'reference: ange beslutets paragraf eller diarienummer, till exempel SVOM § 12.', input.reference);
  return { document, noticeDate, reference };
}

/** Record a termination (administrator; checked, refused as a duplicate, audited in the same transaction). */
export async function recordTermination(
  store: Store,
  agreement: Agreement,
  user: SessionUser,
  input: NewTermination,
): Promise<TerminationView> {
  const { document, noticeDate, reference } = checked(agreement, input);
  return store.transaction(async (trx) => {
    const existing = await trx
      .selectFrom('terminations')
      .select('id')
      .where('document', '=', document)
      .where('notice_date', '=', noticeDate.toString())
      .executeTakeFirst();
    if (existing) {
      throw new SamverkanError(
        'SAMV_ERR_CONFLICT',
        `En uppsägning av ${document === 'ALL' ? 'hela samverkansavtalet' : document} den ${noticeDate.toString()} är redan registrerad.`,
        {
          field: 'noticeDate',
          value: noticeDate.toString(),
        },
      );
    }
    const row = {
      id: randomUUID(),
      document,
      notice_date: noticeDate.toString(),
      reference,
      dialogue_held: toFlag(input.dialogueHeld),
      recorded_by: actorOf(user),
      recorded_at: nowIso(),
      demo: toFlag(input.demo ?? false),
    };
    await trx.insertInto('terminations').values(row).execute();
    const after = view(agreement, row);
    await appendAudit(trx, { actor: row.recorded_by, action: 'create', entity: 'terminations', entityId: row.id, before: null, after });
    return after;
  });
}

/** Every recorded termination, by notice date. */
export async function listTerminations(db: Kysely<Database>, agreement: Agreement): Promise<TerminationView[]> {
  const rows = await db.selectFrom('terminations').selectAll().orderBy('notice_date').orderBy('recorded_at').execute();
  return rows.map((r) => view(agreement, r));
}

/** The stored terminations as the lifecycle takes them (each known from the day it was recorded). */
export async function storedTerminations(db: Kysely<Database>): Promise<Termination[]> {
  const rows = await db.selectFrom('terminations').select(['document', 'notice_date', 'recorded_at']).execute();
  return rows.map((r) => ({
    document: r.document,
    noticeDate: Temporal.PlainDate.from(r.notice_date),
    recordedOn: todayInStockholm(Temporal.Instant.from(r.recorded_at)),
  }));
}
