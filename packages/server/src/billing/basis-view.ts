/**
 * Invoice bases and their lines as the API shows them: parties with names (from the agreement),
 * the unit when a clause requires separate invoices, status and who approved when, the credit
 * links (credit note ↔ credited basis, new draft ↔ the basis it replaces), and in the detail the
 * lines with their calculation steps, the trace, the imported records used and the provenance
 * (whether it rests on example or forecast values; basis-provenance.ts).
 */
import type { Selectable } from 'kysely';
import type { Agreement, CalculationStep, Trace } from '@samverkan/core';
import type { InvoiceBasesTable, InvoiceLinesTable } from '../store/schema.js';
import { flag } from '../store/flag.js';
import type { BasisInputs } from './basis-draft.js';
import { basisProvenance, type Provenance } from './basis-provenance.js';
import { runLabel } from './run-label.js';
import { decodeSteps } from './line-steps.js';
import { displayedSteps, displayedTrace, type DisplayedStep, type DisplayedTrace } from '../calculations/step-display.js';

/** A stored basis, with its run's number when read through basis-store (null: no run). */
export type BasisRow = Selectable<InvoiceBasesTable> & { readonly run_sequence?: number | null };
export type LineRow = Selectable<InvoiceLinesTable>;

/** A party of a basis. */
export interface PartyView {
  /** `region`, a municipality code, or `hemregion:<name>`. */
  readonly id: string;
  readonly name: string;
  readonly unit?: string;
}

/** One stored line. */
export interface LineView {
  readonly id: string;
  readonly lineNo: number;
  readonly category: string | null;
  readonly description: string;
  /** Exact quantity as text (started hours, minutes, pieces). */
  readonly quantity: string;
  readonly unit: string;
  readonly unitPriceOre: number;
  /** The unit price applies per this many units (minutes priced per 60). */
  readonly baseQuantity: number;
  readonly amountOre: number;
  readonly clause: string | null;
  readonly date: string | null;
  readonly reference: string | null;
  /** On a credit note: the line it credits. */
  readonly creditsLine: string | null;
  /** The line's steps; in the detail view each with its Swedish rendering (`display`). */
  readonly steps: readonly (CalculationStep | DisplayedStep)[];
}

/** One basis. */
export interface InvoiceBasisView {
  readonly id: string;
  readonly billingRunId: string | null;
  /** The run's number within its flow and period (1 = the run, ≥ 2 = tilläggskörning). */
  readonly runSequence: number | null;
  /** "Körning 1" / "Tilläggskörning 2". */
  readonly runLabel: string | null;
  readonly flow: string;
  readonly period: string;
  readonly seller: PartyView;
  readonly buyer: PartyView;
  /** draft → approved (locked) → sent; approved or sent → credited (a credit note was made). */
  readonly status: string;
  readonly totalOre: number;
  /** Set on a credit note: the basis it credits. */
  readonly creditOf: string | null;
  /** Set when this basis has been credited: the credit note. */
  readonly creditedBy: string | null;
  /** Set on a draft computed afresh after a credit: the basis it replaces. */
  readonly replaces: string | null;
  readonly buyerReference: string | null;
  readonly note: string | null;
  readonly createdAt: string;
  readonly approvedBy: string | null;
  readonly approvedAt: string | null;
  readonly sentAt: string | null;
  /** When it was credited, and why (also on its credit note). */
  readonly creditedAt: string | null;
  readonly creditReason: string | null;
  /** Invoice identity, set when approved (a credit note when it is made): the seller's series number, issue and due date (0009). */
  readonly invoiceNumber: string | null;
  readonly issueDate: string | null;
  readonly dueDate: string | null;
  readonly paymentTermsDays: number | null;
  readonly demo: boolean;
  /** Detail view: a window of the lines (by default the first 500; `lineCount` says how many there are). */
  readonly lines?: readonly LineView[];
  /** Detail view: how many lines the basis has, and the position (0 = the first) of the first line in `lines`. */
  readonly lineCount?: number;
  readonly linesOffset?: number;
  readonly trace?: Trace | DisplayedTrace;
  readonly inputs?: BasisInputs | null;
  /** Detail view: whether the basis rests only on final values, with a warning for each that is not. */
  readonly provenance?: Provenance;
}

/** The display name of a party code. */
export function partyName(agreement: Agreement, code: string): string {
  if (code === agreement.meta.region.id) return agreement.meta.region.name;
  if (code.startsWith('hemregion:')) return code.slice('hemregion:'.length);
  return agreement.municipalities.find((m) => m.code === code)?.name ?? code;
}

function party(agreement: Agreement, code: string, unit: string | null): PartyView {
  return { id: code, name: partyName(agreement, code), ...(unit === null ? {} : { unit }) };
}

/** The view of a line row. */
export function lineView(l: LineRow): LineView {
  return {
    id: l.id,
    lineNo: l.line_no,
    category: l.category,
    description: l.description,
    quantity: l.quantity,
    unit: l.unit,
    unitPriceOre: l.unit_price_ore,
    baseQuantity: l.base_quantity ?? 1,
    amountOre: l.amount_ore,
    clause: l.clause,
    date: l.line_date,
    reference: l.reference,
    creditsLine: l.credits_line_id,
    steps: decodeSteps(l.steps_json),
  };
}

/** A line of the detail view: its steps with their Swedish rendering. */
function displayedLine(v: LineView): LineView {
  return { ...v, steps: displayedSteps(v.steps) };
}

/**
 * The view of a basis row; `lines` given = the detail view (with lines, trace and inputs), and
 * `window` where they are a window of the basis's lines (the count and the first line's position).
 */
export function basisView(
  agreement: Agreement,
  r: BasisRow,
  creditedBy: string | null,
  lines?: readonly LineRow[],
  window?: { readonly offset: number; readonly total: number },
): InvoiceBasisView {
  const base: InvoiceBasisView = {
    id: r.id,
    billingRunId: r.billing_run_id,
    runSequence: r.run_sequence ?? null,
    runLabel: r.run_sequence === undefined || r.run_sequence === null ? null : runLabel(r.run_sequence),
    flow: r.flow,
    period: r.period,
    seller: party(agreement, r.seller_code, r.seller_unit),
    buyer: party(agreement, r.buyer_code, r.buyer_unit),
    status: r.status,
    totalOre: r.total_ore,
    creditOf: r.credit_of,
    creditedBy,
    replaces: r.replaces_id,
    buyerReference: r.buyer_reference,
    note: r.note,
    createdAt: r.created_at,
    approvedBy: r.approved_by,
    approvedAt: r.approved_at,
    sentAt: r.sent_at,
    creditedAt: r.credited_at,
    creditReason: r.credit_reason,
    invoiceNumber: r.invoice_number,
    issueDate: r.issue_date,
    dueDate: r.due_date,
    paymentTermsDays: r.payment_terms_days,
    demo: flag(r.demo),
  };
  if (lines === undefined) return base;
  const trace = JSON.parse(r.trace_json) as Trace;
  const inputs = r.inputs_json === null ? null : (JSON.parse(r.inputs_json) as BasisInputs);
  return {
    ...base,
    lines: [...lines].sort((a, b) => a.line_no - b.line_no).map((l) => displayedLine(lineView(l))),
    lineCount: window?.total ?? lines.length,
    linesOffset: window?.offset ?? 0,
    trace: displayedTrace(trace, agreement),
    inputs,
    provenance: basisProvenance(trace, inputs),
  };
}
