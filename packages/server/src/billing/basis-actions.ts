/**
 * What happens to an invoice basis after its run: draft → approved (locked; never edited again)
 * → sent. Only the seller's side decides (its economists, or the administrator): the region's
 * economists for bases the region sells, a municipality's economist for their municipality's.
 * A draft's buyer reference and note may be edited; an approved or sent basis only credited, with
 * a reason: it becomes `credited` (never sent after that), its lines release their billing keys,
 * and in the same transaction come a credit note (every line negated, each referencing the line
 * it credits, no billing keys) and a corrected draft computed afresh — the released records with
 * today's values (for an allocation, the pair's share computed now) — that claims the keys again.
 * Every change is one audited transaction; every UPDATE names the state it leaves in its WHERE
 * clause.
 */
import type { Kysely, Transaction } from 'kysely';
import { invalidInput, negateOre, ore, SamverkanError, sumOre, type Agreement, type CalculationStep, type Trace } from '@samverkan/core';
import type { Store } from '../store/db.js';
import type { Database } from '../store/schema.js';
import { nowIso } from '../store/clock.js';
import { flag } from '../store/flag.js';
import { appendAudit } from '../audit/append-audit.js';
import { requireAction, roleLabels } from '../auth/roles.js';
import { actorOf, type SessionUser } from '../auth/session-user.js';
import {
  BASIS_PARTIES,
  creditNotesOf,
  DEFAULT_LINE_WINDOW,
  findBasis,
  fromDraft,
  insertBasis,
  lineWindowOf,
  linesOf,
  type LineWindow,
} from './basis-store.js';
import { basisView, partyName, type BasisRow, type InvoiceBasisView } from './basis-view.js';
import { computeFlow, flowKinds, keepLines } from './run-plan.js';
import { claimedKeys } from './billing-keys.js';
import { isBillingFlow, parseBillingPeriod } from './periods.js';
import type { BasisInputs, RunOptions } from './basis-draft.js';
import { isLockViolation, isUniqueViolation } from './unique-violation.js';
import { basisProvenance, type ProvenanceWarning } from './basis-provenance.js';
import { partyScope } from '../auth/scope.js';
import { nextInvoiceIdentity } from './invoice-identity.js';
import { requireRealParties } from '../exports/export-document.js';
import { decidesForSeller } from './basis-permissions.js';
import { decodeSteps } from './line-steps.js';

const statusText: Readonly<Record<string, string>> = { draft: 'ett utkast', approved: 'godkänt', sent: 'skickat', credited: 'krediterat' };

function notFound(id: string): SamverkanError {
  return new SamverkanError('SAMV_ERR_NOT_FOUND', `Fakturaunderlaget ${id} finns inte (eller din kommun är inte part i det).`, {
    field: 'id',
    value: id,
  });
}

function conflict(message: string, status: string): SamverkanError {
  return new SamverkanError('SAMV_ERR_CONFLICT', message, { field: 'status', value: status });
}

/** Throw 403 unless `user` decides for the seller of `b` (admin, or an economist of the seller's side). */
export function requireSellerSide(agreement: Agreement, user: SessionUser, b: BasisRow): void {
  requireAction(user.role, 'invoices:decide');
  if (decidesForSeller(agreement, user, b.seller_code)) return;
  throw new SamverkanError(
    'SAMV_ERR_FORBIDDEN',
    `Bara säljarens ekonomer (${partyName(agreement, b.seller_code)}) eller administratören får godkänna, skicka, ändra eller kreditera fakturaunderlaget; du är ${roleLabels[user.role]}${user.municipality === null ? '' : ` för ${partyName(agreement, user.municipality)}`}.`,
    { field: 'seller', value: b.seller_code },
  );
}

/** The detail view of basis `id` with a window of its lines (the first ones unless asked). */
async function detail(
  db: Kysely<Database>,
  agreement: Agreement,
  user: SessionUser,
  id: string,
  window: LineWindow = DEFAULT_LINE_WINDOW,
): Promise<InvoiceBasisView> {
  const row = await findBasis(db, user, id);
  if (!row) throw notFound(id);
  const credited = await creditNotesOf(db, [id]);
  const { lines, total } = await lineWindowOf(db, id, window);
  return basisView(agreement, row, credited.get(id) ?? null, lines, { offset: window.offset, total });
}

/** One basis with a window of its lines (steps included), trace and inputs, if the user may see it. */
export async function getBasis(
  store: Store,
  agreement: Agreement,
  user: SessionUser,
  id: string,
  window: LineWindow = DEFAULT_LINE_WINDOW,
): Promise<InvoiceBasisView> {
  return detail(store.db, agreement, user, id, window);
}

/** Run `change` on basis `id` in one transaction: load (scoped), check the seller side, change, audit. */
async function change(
  store: Store,
  agreement: Agreement,
  user: SessionUser,
  id: string,
  action: string,
  apply: (trx: Transaction<Database>, row: BasisRow) => Promise<Record<string, unknown> | undefined>,
): Promise<InvoiceBasisView> {
  try {
    return await store.transaction(async (trx) => {
      const row = await findBasis(trx, user, id);
      if (!row) throw notFound(id);
      requireSellerSide(agreement, user, row);
      const before = basisView(agreement, row, (await creditNotesOf(trx, [id])).get(id) ?? null);
      const extra = await apply(trx, row);
      const after = await detail(trx, agreement, user, id);
      // The audit keeps the basis's head before and after (its lines never change).
      const afterRow = await findBasis(trx, user, id);
      const afterHead = afterRow ? basisView(agreement, afterRow, after.creditedBy) : null;
      await appendAudit(trx, {
        actor: actorOf(user),
        action,
        entity: 'invoice_bases',
        entityId: id,
        before,
        after: { ...afterHead, ...(extra ?? {}) },
      });
      return after;
    });
  } catch (e) {
    if (isLockViolation(e)) throw conflict(`Fakturaunderlaget ${id} är godkänt och låst; det kan bara krediteras.`, 'approved');
    throw e;
  }
}

/** What the approver confirms: the ids of every provenance warning of the basis (none for a final basis). */
export interface ApproveConfirmation {
  readonly confirmProvisional?: readonly string[] | undefined;
}

/**
 * Approving locks the amounts for good, so a basis that rests on example or forecast values is
 * approved only when the approver names every one of them (their warning ids); the confirmed
 * warnings go into the audit entry of the approval.
 */
function confirmedWarnings(row: BasisRow, confirmation: ApproveConfirmation): readonly ProvenanceWarning[] {
  // A credit note only reverses amounts approved before (with their confirmation, in the audit).
  if (row.credit_of !== null) return [];
  const provenance = basisProvenance(
    JSON.parse(row.trace_json) as Trace,
    row.inputs_json === null ? null : (JSON.parse(row.inputs_json) as BasisInputs),
  );
  const named = confirmation.confirmProvisional ?? [];
  const unknown = named.filter((n) => !provenance.warnings.some((w) => w.id === n));
  if (unknown.length > 0) {
    throw invalidInput(
      'confirmProvisional',
      `confirmProvisional: ${unknown.join(', ')} är inga varningar för det här underlaget (${provenance.final ? 'det bygger bara på slutliga värden' : `varningarna är ${provenance.warnings.map((w) => w.id).join(', ')}`}).`,
      unknown,
    );
  }
  const missing = provenance.warnings.filter((w) => !named.includes(w.id));
  if (missing.length > 0) {
    throw new SamverkanError(
      'SAMV_ERR_CONFIRMATION_REQUIRED',
      `Fakturaunderlaget bygger på värden som inte är slutliga: ${missing.map((w) => w.text).join(' ')} Bekräfta att underlaget ska godkännas med dessa värden (confirmProvisional: ${missing.map((w) => w.id).join(', ')}).`,
      { field: 'confirmProvisional', value: missing.map((w) => w.id) },
      missing,
    );
  }
  return provenance.warnings;
}

/** draft → approved; a basis on provisional values needs `confirmation` naming each of them. */
export function approveBasis(
  store: Store,
  agreement: Agreement,
  user: SessionUser,
  id: string,
  confirmation: ApproveConfirmation = {},
): Promise<InvoiceBasisView> {
  return change(store, agreement, user, id, 'approve', async (trx, row) => {
    const confirmed = row.status === 'draft' ? confirmedWarnings(row, confirmation) : [];
    if (row.status !== 'draft')
      throw conflict(`Fakturaunderlaget är redan ${statusText[row.status] ?? row.status} och kan inte godkännas igen.`, row.status);
    // The number is taken in this transaction: if the approval fails, the number is not used.
    const identity = await nextInvoiceIdentity(trx, row);
    const r = await trx
      .updateTable('invoice_bases')
      .set({ status: 'approved', approved_by: actorOf(user), approved_at: nowIso(), ...identity })
      .where('id', '=', id)
      .where('status', '=', 'draft')
      .where(partyScope(user, BASIS_PARTIES))
      .executeTakeFirst();
    if (r.numUpdatedRows === 0n)
      throw conflict(`Fakturaunderlaget är redan ${statusText[row.status] ?? row.status} och kan inte godkännas igen.`, row.status);
    return confirmed.length === 0 ? undefined : { confirmedProvisional: confirmed };
  });
}

/** approved → sent. */
export function sendBasis(store: Store, agreement: Agreement, user: SessionUser, id: string): Promise<InvoiceBasisView> {
  return change(store, agreement, user, id, 'send', async (trx, row) => {
    // Sending is refused for placeholder parties exactly as exporting is (a draft keeps its own message).
    if (row.status === 'approved') await requireRealParties(trx, agreement, row, row.issue_date ?? nowIso().slice(0, 10));
    const r = await trx
      .updateTable('invoice_bases')
      .set({ status: 'sent', sent_at: nowIso() })
      .where('id', '=', id)
      .where('status', '=', 'approved')
      .where(partyScope(user, BASIS_PARTIES))
      .executeTakeFirst();
    if (r.numUpdatedRows === 0n) {
      if (row.status === 'credited')
        throw conflict(
          'Fakturaunderlaget är krediterat och kan inte markeras som skickat; skicka i stället det nya utkastet när det är godkänt.',
          row.status,
        );
      throw conflict(
        row.status === 'draft'
          ? 'Fakturaunderlaget är ett utkast; godkänn det innan det skickas.'
          : `Fakturaunderlaget är redan ${statusText[row.status] ?? row.status}.`,
        row.status,
      );
    }
    return undefined;
  });
}

/** Edit a draft's buyer reference and note (nothing else of a basis is ever edited). */
export function updateDraft(
  store: Store,
  agreement: Agreement,
  user: SessionUser,
  id: string,
  patch: { buyerReference?: string | null | undefined; note?: string | null | undefined },
): Promise<InvoiceBasisView> {
  return change(store, agreement, user, id, 'update', async (trx, row) => {
    const set = {
      ...(patch.buyerReference === undefined ? {} : { buyer_reference: patch.buyerReference?.trim() || null }),
      ...(patch.note === undefined ? {} : { note: patch.note?.trim() || null }),
    };
    if (Object.keys(set).length === 0) return undefined;
    const r = await trx
      .updateTable('invoice_bases')
      .set(set)
      .where('id', '=', id)
      .where('status', '=', 'draft')
      .where(partyScope(user, BASIS_PARTIES))
      .executeTakeFirst();
    if (r.numUpdatedRows === 0n)
      throw conflict(
        `Fakturaunderlaget är ${statusText[row.status] ?? row.status} och låst; det kan inte ändras, bara krediteras.`,
        row.status,
      );
    return undefined;
  });
}

/** The reason a credit needs: 3–500 characters, named `reason` when missing. */
export function creditReason(text: string | undefined): string {
  const reason = (text ?? '').trim();
  if (reason.length < 3 || reason.length > 500) {
    throw invalidInput(
      'reason',
      'reason: ange varför underlaget krediteras (3–500 tecken); skälet sparas på underlaget, på kreditnotan och i granskningsloggen.',
      text,
    );
  }
  return reason;
}

/**
 * The corrected draft of `original` once its keys are released: the same flow, period and pair
 * computed now — for records only the released ones, for an allocation the pair's lines that no
 * other basis bills, for a dispute only the released ones. Computed before the transaction.
 */
async function replacementDraft(
  store: Store,
  agreement: Agreement,
  original: BasisRow,
  released: readonly { billing_key: string | null; record_id: string | null }[],
): Promise<ReturnType<typeof keepLines>> {
  if (!isBillingFlow(original.flow)) return undefined;
  const flow = original.flow;
  const run =
    original.billing_run_id === null
      ? undefined
      : await store.db.selectFrom('billing_runs').selectAll().where('id', '=', original.billing_run_id).executeTakeFirst();
  const options: RunOptions = run?.options_json ? (JSON.parse(run.options_json) as RunOptions) : {};
  const kind = flowKinds[flow];
  const ids = [...new Set(released.flatMap((l) => (l.record_id === null ? [] : [l.record_id])))];
  const recomputed = await computeFlow(
    store.db,
    agreement,
    flow,
    parseBillingPeriod(flow, original.period),
    options,
    kind === 'records' ? { kind: 'ids', ids } : undefined,
  );
  const same = recomputed.bases.find(
    (b) =>
      b.seller.id === original.seller_code &&
      (b.seller.unit ?? null) === original.seller_unit &&
      b.buyer.id === original.buyer_code &&
      (b.buyer.unit ?? null) === original.buyer_unit,
  );
  if (!same) return undefined;
  const keys = new Set(released.flatMap((l) => (l.billing_key === null ? [] : [l.billing_key])));
  if (kind !== 'pairs') return keepLines(same, (k) => keys.has(k));
  const claimed = await claimedKeys(
    store.db,
    same.lines.map((l) => l.billingKey),
  );
  return keepLines(same, (k) => keys.has(k) || !claimed.has(k));
}

/** Credit an approved or sent basis with a reason: a credit note plus a corrected draft computed afresh. */
export async function creditBasis(
  store: Store,
  agreement: Agreement,
  user: SessionUser,
  id: string,
  input: { reason?: string | undefined } = {},
): Promise<{ credited: InvoiceBasisView; creditNote: InvoiceBasisView; replacement: InvoiceBasisView | null }> {
  const reason = creditReason(input.reason);
  const original = await findBasis(store.db, user, id);
  if (!original) throw notFound(id);
  requireSellerSide(agreement, user, original);
  if (original.status === 'draft')
    throw conflict('Fakturaunderlaget är ett utkast; bara godkända eller skickade underlag krediteras.', original.status);
  if (original.status === 'credited') throw conflict('Fakturaunderlaget är redan krediterat.', original.status);
  if (original.credit_of !== null) throw conflict('Fakturaunderlaget är en kreditnota och kan inte krediteras.', original.status);
  const same = await replacementDraft(store, agreement, original, await linesOf(store.db, id));
  const made: { creditNote: string; replacement: string | null } = { creditNote: '', replacement: null };
  const credit = change(store, agreement, user, id, 'credit', async (trx) => {
    const existing = await creditNotesOf(trx, [id]);
    if (existing.has(id)) throw conflict('Fakturaunderlaget är redan krediterat.', original.status);
    const lines = await linesOf(trx, id);
    const at = nowIso();
    // First the status (the lock triggers then allow releasing the keys), then the release.
    const r = await trx
      .updateTable('invoice_bases')
      .set({ status: 'credited', credited_at: at, credit_reason: reason })
      .where('id', '=', id)
      .where('status', 'in', ['approved', 'sent'])
      .where(partyScope(user, BASIS_PARTIES))
      .executeTakeFirst();
    if (r.numUpdatedRows === 0n)
      throw conflict(
        'Fakturaunderlaget har ändrats under tiden (krediterat av någon annan?); läs om det och försök igen.',
        original.status,
      );
    await trx
      .updateTable('invoice_lines')
      .set({ billing_key: null })
      .where('invoice_basis_id', '=', id)
      .where('billing_key', 'is not', null)
      .execute();
    const trace = JSON.parse(original.trace_json) as Trace;
    const creditStep: CalculationStep = {
      id: 'kreditering',
      description: `Kreditering av fakturaunderlag ${id}: varje rad med omvänt tecken`,
      inputs: { krediteratUnderlag: id, beloppÖre: original.total_ore },
      result: negateOre(ore(original.total_ore)),
      unit: 'öre',
    };
    made.creditNote = await insertBasis(trx, {
      runId: original.billing_run_id,
      flow: original.flow,
      period: original.period,
      seller: { code: original.seller_code, unit: original.seller_unit },
      buyer: { code: original.buyer_code, unit: original.buyer_unit },
      totalOre: sumOre(lines.map((l) => negateOre(ore(l.amount_ore)))),
      trace: { ...trace, steps: [...trace.steps, creditStep] },
      inputs: original.inputs_json === null ? null : (JSON.parse(original.inputs_json) as BasisInputs),
      creditOf: id,
      replacesId: null,
      demo: flag(original.demo),
      createdAt: at,
      creditReason: reason,
      lines: lines.map((l) => ({
        description: `Kredit: ${l.description}`,
        quantity: l.quantity.startsWith('-') ? l.quantity.slice(1) : `-${l.quantity}`,
        unit: l.unit,
        unitPriceOre: l.unit_price_ore,
        amountOre: negateOre(ore(l.amount_ore)),
        baseQuantity: l.base_quantity ?? 1,
        category: l.category,
        clause: l.clause,
        date: l.line_date,
        reference: l.reference,
        creditsLineId: l.id,
        billingKey: null,
        recordId: l.record_id,
        steps: [
          ...decodeSteps(l.steps_json),
          {
            id: 'kreditering',
            description: 'Raden krediteras med omvänt tecken',
            inputs: { krediteradRad: l.id, beloppÖre: l.amount_ore },
            result: -l.amount_ore,
            unit: 'öre',
          },
        ],
      })),
    });
    // Crediting is itself the decision: the credit note is issued (numbered, locked) at once.
    const noteIdentity = await nextInvoiceIdentity(trx, {
      seller_code: original.seller_code,
      seller_unit: original.seller_unit,
      credit_of: id,
    });
    await trx
      .updateTable('invoice_bases')
      .set({ status: 'approved', approved_by: actorOf(user), approved_at: at, ...noteIdentity })
      .where('id', '=', made.creditNote)
      .where('status', '=', 'draft')
      .execute();
    if (same)
      made.replacement = await insertBasis(
        trx,
        fromDraft(same, {
          runId: original.billing_run_id,
          flow: original.flow,
          period: original.period,
          demo: flag(original.demo),
          createdAt: at,
          replacesId: id,
        }),
      );
    return { ...made, reason, releasedKeys: lines.filter((l) => l.billing_key !== null).length };
  });
  let credited: InvoiceBasisView;
  try {
    credited = await credit;
  } catch (e) {
    // A simultaneous credit of the same basis lost on the unique index of credit_of; or a run
    // claimed a key of the corrected draft in between.
    if (isUniqueViolation(e))
      throw conflict(
        'Fakturaunderlaget krediterades eller fakturerades samtidigt av någon annan; läs om det och försök igen.',
        original.status,
      );
    throw e;
  }
  const creditNote = await getBasis(store, agreement, user, made.creditNote);
  const replacement = made.replacement === null ? null : await getBasis(store, agreement, user, made.replacement);
  return { credited, creditNote, replacement };
}
