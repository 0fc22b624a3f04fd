/**
 * Invoice bases in the store. Every read is scoped in SQL (a municipality economist sees only
 * bases where their municipality is seller or buyer; another's basis is simply not found), and
 * every change of a basis is an UPDATE with `WHERE status = <the state it leaves>`, so an approved
 * basis is never changed by accident; the lock triggers of migration 0002 back that up.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { canonicalJson } from '../audit/canonical-json.js';
import type { CalculationStep, Trace } from '@samverkan/core';
import { partyScope } from '../auth/scope.js';
import type { SessionUser } from '../auth/session-user.js';
import type { Database } from '../store/schema.js';
import { toFlag } from '../store/flag.js';
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
}

/** A flow's draft as a basis to store. */
export function fromDraft(d: BasisDraft, common: Pick<NewBasis, 'runId' | 'flow' | 'period' | 'demo' | 'createdAt' | 'replacesId'>): NewBasis {
  return {
    ...common,
    seller: { code: d.seller.id, unit: d.seller.unit ?? null },
    buyer: { code: d.buyer.id, unit: d.buyer.unit ?? null },
    totalOre: d.totalOre,
    trace: d.trace,
    inputs: d.inputs,
    creditOf: null,
    lines: d.lines.map(({ line, steps }) => ({
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
    })),
  };
}

/** Insert a basis and its lines as a draft; returns its id. */
export async function insertBasis(trx: Transaction<Database>, b: NewBasis): Promise<string> {
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
      trace_json: canonicalJson(b.trace),
      inputs_json: b.inputs === null ? null : canonicalJson(b.inputs),
      credit_of: b.creditOf,
      replaces_id: b.replacesId,
      created_at: b.createdAt,
      demo: toFlag(b.demo),
    })
    .execute();
  const rows = b.lines.map((l, i) => ({
    id: randomUUID(),
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
    steps_json: canonicalJson(l.steps),
  }));
  for (let i = 0; i < rows.length; i += 200) await trx.insertInto('invoice_lines').values(rows.slice(i, i + 200)).execute();
  return id;
}

/** The basis `id` if the user may see it. */
export async function findBasis(db: Kysely<Database>, user: SessionUser, id: string): Promise<BasisRow | undefined> {
  return db.selectFrom('invoice_bases').selectAll().where('id', '=', id).where(partyScope(user, BASIS_PARTIES)).executeTakeFirst();
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
  let q = db.selectFrom('invoice_bases').selectAll().where(partyScope(user, BASIS_PARTIES)).orderBy('created_at', 'desc').orderBy('seller_code').orderBy('buyer_code');
  if (f.status !== undefined) q = q.where('status', '=', f.status);
  if (f.flow !== undefined) q = q.where('flow', '=', f.flow);
  if (f.period !== undefined) q = q.where('period', '=', f.period);
  if (f.billingRunId !== undefined) q = q.where('billing_run_id', '=', f.billingRunId);
  return q.execute();
}

/** The lines of a basis, in order. */
export async function linesOf(db: Kysely<Database>, basisId: string): Promise<LineRow[]> {
  return db.selectFrom('invoice_lines').selectAll().where('invoice_basis_id', '=', basisId).orderBy('line_no').execute();
}

/** For each of `ids`, the credit note that credits it (if any). */
export async function creditNotesOf(db: Kysely<Database>, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('invoice_bases').select(['id', 'credit_of']).where('credit_of', 'in', [...ids]).execute();
  return new Map(rows.flatMap((r) => (r.credit_of === null ? [] : [[r.credit_of, r.id] as const])));
}
