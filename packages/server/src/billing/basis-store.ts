/**
 * Invoice bases in the store. Every read is scoped in SQL (a municipality economist sees only
 * bases where their municipality is seller or buyer; another's basis is simply not found), and
 * every change of a basis is an UPDATE with `WHERE status = <the state it leaves>`, so an approved
 * basis is never changed by accident; the lock triggers of migration 0006 back that up. Every
 * amount is checked before it is stored (safe integers, the total the exact sum of the lines), so
 * any stored basis can be credited: its negation is always a safe integer too.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { SamverkanError, type CalculationStep, type Trace } from '@samverkan/core';
import { partyScope } from '../auth/scope.js';
import type { SessionUser } from '../auth/session-user.js';
import type { Database } from '../store/schema.js';
import { toFlag } from '../store/flag.js';
import { sequentialUuid } from '../store/sequential-id.js';
import { noteInsertedLines } from '../audit/object-digests.js';
import { insertLines, type NewLineRow } from './line-insert.js';
import { encodeSteps } from './line-steps.js';
import type { BasisDraft, BasisInputs } from './basis-draft.js';
import type { BasisRow, LineRow } from './basis-view.js';

/** The party columns scoping uses. */
export const BASIS_PARTIES = ['seller_code', 'buyer_code'] as const;

/** A line to store. */
export interface NewLine {
  readonly description: string;
  readonly quantity: string;
  readonly unit: string;
  readonly unitPriceOre: number;
  readonly amountOre: number;
  readonly baseQuantity: number;
  readonly category: string | null;
  readonly clause: string | null;
  readonly date: string | null;
  readonly reference: string | null;
  readonly creditsLineId: string | null;
  readonly steps: readonly CalculationStep[];
  /** What the line bills (null on credit notes); unique among non-credited lines. */
  readonly billingKey: string | null;
  readonly recordId: string | null;
}

/** A basis to store (always as a draft). */
export interface NewBasis {
  readonly runId: string | null;
  readonly flow: string;
  readonly period: string;
  readonly seller: { readonly code: string; readonly unit: string | null };
  readonly buyer: { readonly code: string; readonly unit: string | null };
  readonly totalOre: number;
  readonly trace: Trace;
  readonly inputs: BasisInputs | null;
  readonly creditOf: string | null;
  readonly replacesId: string | null;
  readonly demo: boolean;
  readonly createdAt: string;
  readonly lines: readonly NewLine[];
  /** On a credit note: why the basis was credited. */
  readonly creditReason?: string;
}

/** A flow's draft as a basis to store. */
export function fromDraft(
  d: BasisDraft,
  common: Pick<NewBasis, 'runId' | 'flow' | 'period' | 'demo' | 'createdAt' | 'replacesId'>,
): NewBasis {
  return {
    ...common,
    seller: { code: d.seller.id, unit: d.seller.unit ?? null },
    buyer: { code: d.buyer.id, unit: d.buyer.unit ?? null },
    totalOre: d.totalOre,
    trace: d.trace,
    inputs: d.inputs,
    creditOf: null,
    lines: d.lines.map(({ line, steps, billingKey, recordId }) => ({
      description: line.description,
      quantity: String(line.quantity),
      unit: line.unit,
      unitPriceOre: line.unitPriceOre,
      amountOre: line.amountOre,
      baseQuantity: line.baseQuantity,
      category: line.category,
      clause: line.clause,
      date: line.date ?? null,
      reference: line.reference ?? null,
      creditsLineId: null,
      steps,
      billingKey,
      recordId,
    })),
  };
}

const SAFE = 'ett heltal antal öre mellan −9 007 199 254 740 991 och 9 007 199 254 740 991';

/**
 * Refuse a basis whose amounts could not be stored exactly or credited: every line's unit price
 * and amount, the total and its negation must be safe integers, and the total the exact sum of
 * the lines (summed in BigInt, so an overflowing sum is seen, not rounded).
 */
export function checkAmounts(b: Pick<NewBasis, 'totalOre' | 'lines' | 'flow' | 'period'>): void {
  const where = `Fakturaunderlaget (${b.flow} ${b.period})`;
  let sum = 0n;
  b.lines.forEach((l, i) => {
    for (const [field, value] of [
      ['belopp', l.amountOre],
      ['á-pris', l.unitPriceOre],
    ] as const) {
      if (!Number.isSafeInteger(value)) {
        throw new SamverkanError(
          'SAMV_ERR_NOT_INTEGER_ORE',
          `${where}: rad ${String(i + 1)}.${field} är ${String(value)} öre, inte ${SAFE}; underlaget sparas inte.`,
          { field: `rader[${String(i)}].${field}`, value },
        );
      }
    }
    sum += BigInt(l.amountOre);
  });
  if (!Number.isSafeInteger(b.totalOre) || !Number.isSafeInteger(-b.totalOre)) {
    throw new SamverkanError(
      'SAMV_ERR_NOT_INTEGER_ORE',
      `${where}: summan är ${String(b.totalOre)} öre, inte ${SAFE}; underlaget sparas inte.`,
      { field: 'summa', value: b.totalOre },
    );
  }
  if (sum !== BigInt(b.totalOre)) {
    throw new SamverkanError(
      'SAMV_ERR_NOT_INTEGER_ORE',
      `${where}: summan ${String(b.totalOre)} öre är inte radernas summa ${sum.toString()} öre (${SAFE} krävs); underlaget sparas inte.`,
      { field: 'summa', value: b.totalOre },
    );
  }
}

/** Billing keys in code-unit order (what SQLite's BINARY collation and a UUID range follow); lines without a key first. */
function compareKeys(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return a < b ? -1 : 1;
}

/** Insert a basis and its lines as a draft (amounts checked first); returns its id. */
export async function insertBasis(trx: Transaction<Database>, b: NewBasis): Promise<string> {
  checkAmounts(b);
  const id = randomUUID();
  await trx
    .insertInto('invoice_bases')
    .values({
      id,
      billing_run_id: b.runId,
      flow: b.flow,
      period: b.period,
      seller_code: b.seller.code,
      buyer_code: b.buyer.code,
      seller_unit: b.seller.unit,
      buyer_unit: b.buyer.unit,
      status: 'draft',
      total_ore: b.totalOre,
      // Plain JSON.stringify, not canonicalJson: the stored text is what the sealed digests hash
      // (object-digests.ts), so it need not be canonical, and sorting the keys of every step was
      // 27 % of a month's run (issue 11). Core builds traces and steps in a fixed key order.
      trace_json: JSON.stringify(b.trace),
      inputs_json: b.inputs === null ? null : JSON.stringify(b.inputs),
      credit_of: b.creditOf,
      replaces_id: b.replacesId,
      created_at: b.createdAt,
      demo: toFlag(b.demo),
      credit_reason: b.creditReason ?? null,
    })
    .execute();
  // Written in billing-key order (line numbers stay core's order): a run's keys name one import's
  // rows, whose ids are one new, time-ordered range (decisions 0176, 0211), so the unique billing-key
  // index and the record-id index grow at one place instead of taking each line on a random page
  // of the range (and SQLite's statement journal copying each such page once per INSERT).
  const order = b.lines.map((_l, i) => i);
  order.sort((x, y) => compareKeys(b.lines[x]?.billingKey ?? null, b.lines[y]?.billingKey ?? null) || x - y);
  const rows = order.map((i): NewLineRow => {
    const l = b.lines[i] as NewLine;
    return {
      // Time-ordered ids in the order written: the primary-key index grows at its end (decision 0176).
      id: sequentialUuid(),
      invoice_basis_id: id,
      line_no: i + 1,
      description: l.description,
      quantity: l.quantity,
      unit: l.unit,
      unit_price_ore: l.unitPriceOre,
      amount_ore: l.amountOre,
      base_quantity: l.baseQuantity,
      category: l.category,
      clause: l.clause,
      line_date: l.date,
      reference: l.reference,
      credits_line_id: l.creditsLineId,
      // Known step shapes as their values only (decision 0250); `lineView` gives back the same steps.
      steps_json: encodeSteps(l.steps),
      billing_key: l.billingKey,
      record_id: l.recordId,
    };
  });
  await insertLines(trx, rows);
  // The seal of this transaction hashes these values instead of reading the lines back.
  noteInsertedLines(trx, id, rows);
  return id;
}

/** Bases with their run's number (a basis's run is shown as Körning 1 / Tilläggskörning N). */
function basesWithRun(db: Kysely<Database>) {
  return db
    .selectFrom('invoice_bases')
    .leftJoin('billing_runs', 'billing_runs.id', 'invoice_bases.billing_run_id')
    .selectAll('invoice_bases')
    .select('billing_runs.sequence as run_sequence');
}

/** The basis `id` if the user may see it. */
export async function findBasis(db: Kysely<Database>, user: SessionUser, id: string): Promise<BasisRow | undefined> {
  return basesWithRun(db).where('invoice_bases.id', '=', id).where(partyScope(user, BASIS_PARTIES)).executeTakeFirst();
}

/** Filters of the basis list. */
export interface BasisFilter {
  readonly status?: string | undefined;
  readonly flow?: string | undefined;
  readonly period?: string | undefined;
  readonly billingRunId?: string | undefined;
}

/** Bases the user may see, newest first. */
export async function listBases(db: Kysely<Database>, user: SessionUser, f: BasisFilter): Promise<BasisRow[]> {
  let q = basesWithRun(db)
    .where(partyScope(user, BASIS_PARTIES))
    .orderBy('invoice_bases.created_at', 'desc')
    .orderBy('invoice_bases.seller_code')
    .orderBy('invoice_bases.buyer_code');
  if (f.status !== undefined) q = q.where('invoice_bases.status', '=', f.status);
  if (f.flow !== undefined) q = q.where('invoice_bases.flow', '=', f.flow);
  if (f.period !== undefined) q = q.where('invoice_bases.period', '=', f.period);
  if (f.billingRunId !== undefined) q = q.where('invoice_bases.billing_run_id', '=', f.billingRunId);
  return q.execute();
}

/** The lines of a basis, in order. */
export async function linesOf(db: Kysely<Database>, basisId: string): Promise<LineRow[]> {
  return db.selectFrom('invoice_lines').selectAll().where('invoice_basis_id', '=', basisId).orderBy('line_no').execute();
}

/** Which lines of a basis a detail view shows: `limit` lines from the `offset`-th (0 = the first). */
export interface LineWindow {
  readonly offset: number;
  readonly limit: number;
}

/**
 * Lines per detail view unless asked for others: a basis of a national month can hold tens of
 * thousands of lines (a megabyte per thousand with their steps), which no answer should carry by
 * default (issue 11, point 3). Exports read every line themselves (`linesOf`).
 */
export const DEFAULT_LINE_WINDOW: LineWindow = { offset: 0, limit: 500 };
/** The most lines one detail view may ask for. */
export const MAX_LINE_WINDOW = 5000;

/** A window of a basis's lines, in order (the basis + line number index serves it), and how many lines it has. */
export async function lineWindowOf(db: Kysely<Database>, basisId: string, w: LineWindow): Promise<{ lines: LineRow[]; total: number }> {
  const [lines, count] = await Promise.all([
    db
      .selectFrom('invoice_lines')
      .selectAll()
      .where('invoice_basis_id', '=', basisId)
      .orderBy('line_no')
      .limit(w.limit)
      .offset(w.offset)
      .execute(),
    db
      .selectFrom('invoice_lines')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('invoice_basis_id', '=', basisId)
      .executeTakeFirstOrThrow(),
  ]);
  return { lines, total: Number(count.n) };
}

/** For each of `ids`, the credit note that credits it (if any). */
export async function creditNotesOf(db: Kysely<Database>, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('invoice_bases')
    .select(['id', 'credit_of'])
    .where('credit_of', 'in', [...ids])
    .execute();
  return new Map(rows.flatMap((r) => (r.credit_of === null ? [] : [[r.credit_of, r.id] as const])));
}
