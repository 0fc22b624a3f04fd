/** Billing runs and invoice bases (docs/api.md): shapes, flows and Swedish status names. */
import type { CalculationStep } from '../../components/calculation-steps.js';

/** A party of an invoice basis: `region`, a municipality code, or `hemregion:<name>`. */
export interface PartyRef {
  readonly id: string;
  readonly name: string;
  /** The unit when a clause requires separate invoices (e.g. syncentralen). */
  readonly unit?: string;
}

/** One line with its calculation (packages/server/src/billing/basis-view.ts). */
export interface InvoiceLine {
  readonly id: string;
  readonly lineNo: number;
  readonly description: string;
  /** Exact quantity as text. */
  readonly quantity: string;
  readonly unit: string;
  readonly unitPriceOre: number;
  /** The unit price applies per this many units (minutes priced per 60). */
  readonly baseQuantity: number;
  readonly amountOre: number;
  readonly clause: string | null;
  readonly date: string | null;
  readonly reference: string | null;
  readonly steps: readonly CalculationStep[];
}

/** Status of an invoice basis: draft → approved (locked) → sent; approved or sent → credited. */
export type BasisStatus = 'draft' | 'approved' | 'sent' | 'credited';

/** One value a basis rests on that is not final (packages/server/src/billing/basis-provenance.ts). */
export interface ProvenanceWarning {
  /** Stable id the approval confirms, e.g. `example-index:VPI:2026`. */
  readonly id: string;
  readonly kind: 'example-index' | 'forecast-index' | 'example-allocation-key' | 'example-population';
  readonly series?: string;
  readonly year?: number;
  readonly key?: string;
  readonly date?: string;
  /** Swedish text. */
  readonly text: string;
}

/** Whether a basis rests only on final values. */
export interface Provenance {
  readonly final: boolean;
  readonly warnings: readonly ProvenanceWarning[];
}

/** An invoice basis (`lines` and `trace` in the detail view). */
/** The changes a basis can undergo. */
export type BasisAction = 'edit' | 'approve' | 'send' | 'credit';

export interface InvoiceBasis {
  readonly id: string;
  readonly billingRunId: string | null;
  /** "Körning 1" / "Tilläggskörning 2" (null for a basis without a run). */
  readonly runLabel?: string | null;
  readonly runSequence?: number | null;
  readonly flow: string;
  readonly period: string;
  readonly seller: PartyRef;
  readonly buyer: PartyRef;
  readonly status: BasisStatus;
  readonly totalOre: number;
  /** On a credit note: the basis it credits. */
  readonly creditOf: string | null;
  /** When credited: the credit note. */
  readonly creditedBy: string | null;
  /** On a draft computed afresh after a credit: the basis it replaces. */
  readonly replaces: string | null;
  readonly createdAt: string;
  readonly approvedBy: string | null;
  /** The approver's display name (the id is `approvedBy`). */
  readonly approvedByName?: string | null;
  /** What the signed-in user may do now (the server's policy; billing/basis-permissions.ts). */
  readonly allowedActions?: readonly BasisAction[];
  /** Actions the basis's state offers that the user may not take, with the reason to show. */
  readonly deniedActions?: readonly { readonly action: BasisAction; readonly reason: string }[];
  readonly approvedAt: string | null;
  readonly sentAt: string | null;
  /** When it was credited and why (on the credited basis and its credit note). */
  readonly creditedAt?: string | null;
  readonly creditReason?: string | null;
  /** Invoice identity once approved (a credit note when made): the seller's series number, issue and due date. */
  readonly invoiceNumber?: string | null;
  readonly issueDate?: string | null;
  readonly dueDate?: string | null;
  /** Detail view only. */
  readonly provenance?: Provenance;
  /** A window of the lines (the API gives the first 500 unless asked for others). */
  readonly lines?: readonly InvoiceLine[];
  /** How many lines the basis has, and the position of the first one in `lines` (0 = the first). */
  readonly lineCount?: number;
  readonly linesOffset?: number;
  readonly trace?: {
    readonly clauses?: readonly string[];
    readonly parameters?: readonly {
      id: string;
      value: number | string;
      unit: string;
      clause: string;
      validFor: string;
      source?: string;
      display?: { readonly name: string; readonly value: string };
    }[];
    readonly steps?: readonly CalculationStep[];
    readonly interpretations?: readonly { id: string; option: string }[];
    /** Each interpretation by its Swedish names (the server's rendering of `interpretations`). */
    readonly interpretationTexts?: readonly string[];
  };
}

/** A billing run. */
export interface BillingRun {
  readonly id: string;
  readonly flow: string;
  readonly title: string;
  readonly period: string;
  readonly status: string;
  /** "Körning 1" / "Tilläggskörning 2". */
  readonly label?: string;
  readonly sequence?: number;
  readonly supplementary?: boolean;
  /** Whose bases the run made (a county-wide run or one party's). */
  readonly scopeName?: string;
  readonly startedBy?: string;
  readonly startedByName?: string;
  readonly startedAt: string;
  readonly notes: readonly string[];
  readonly invoiceBasisCount: number;
}

/** Records of a flow not yet on any (non-credited) basis, per period (`GET /billing-runs/unbilled`). */
export interface UnbilledPeriods {
  readonly flow: string;
  /** What the counts count: imported records, seller–buyer pairs of a split, or decided disputes. */
  readonly counts?: 'records' | 'pairs' | 'disputes';
  /** Per period; `problem` (Swedish) when a run for it could not bill them now. */
  readonly periods: readonly { readonly period: string; readonly unbilledRecords: number; readonly problem?: string }[];
}

/** The flows a billing run can be started for, with the period each expects (billing/periods.ts). */
export const flows: readonly { readonly flow: string; readonly title: string; readonly period: 'month' | 'half-year' | 'year' }[] = [
  { flow: 'dagtid', title: 'Uppdrag dagtid', period: 'month' },
  { flow: 'synhorsel', title: 'Syn- och hörselombud', period: 'month' },
  { flow: 'mt-variable', title: 'MT rörlig del', period: 'month' },
  { flow: 'mt-fixed', title: 'MT fast del (halvår i förskott)', period: 'half-year' },
  { flow: 'inpatient-staff', title: 'Kommunal personal i sluten vård', period: 'month' },
  { flow: 'tillaggsbelopp', title: 'Tilläggsbelopp (avstämning)', period: 'year' },
  { flow: 'development-funds', title: 'Gemensamma utvecklingsmedel', period: 'year' },
  { flow: 'cost-regulation', title: 'Kostnadsreglering efter tvist', period: 'month' },
];

/** Swedish title of a flow. */
export function flowTitle(flow: string): string {
  return flows.find((f) => f.flow === flow)?.title ?? flow;
}

/** Swedish status of a basis; a credited one says so. */
export function statusName(b: Pick<InvoiceBasis, 'status' | 'creditedBy'>): string {
  if (b.creditedBy !== null) return 'Krediterat';
  switch (b.status) {
    case 'draft':
      return 'Utkast';
    case 'approved':
      return 'Godkänt';
    case 'sent':
      return 'Skickat';
    case 'credited':
      return 'Krediterat';
  }
}

/** True once a basis has been credited (its status, or the credit note link of older answers). */
export function isCredited(b: Pick<InvoiceBasis, 'status' | 'creditedBy'>): boolean {
  return b.status === 'credited' || b.creditedBy !== null;
}

/** Tag colour for a status. */
export function statusColour(b: Pick<InvoiceBasis, 'status' | 'creditedBy'>): 'neutral' | 'success' | 'info' | 'warning' {
  if (b.creditedBy !== null) return 'neutral';
  switch (b.status) {
    case 'draft':
      return 'warning';
    case 'approved':
      return 'success';
    case 'sent':
      return 'info';
    case 'credited':
      return 'neutral';
  }
}

/** Check a period text for a flow; returns a Swedish message saying how to write it, or undefined. */
export function periodProblem(period: string, kind: 'month' | 'half-year' | 'year'): string | undefined {
  switch (kind) {
    case 'month':
      return /^\d{4}-(0[1-9]|1[0-2])$/.test(period) ? undefined : 'Skriv månaden som ÅÅÅÅ-MM, till exempel 2026-03.';
    case 'half-year':
      return /^\d{4}-H[12]$/.test(period) ? undefined : 'Skriv halvåret som ÅÅÅÅ-H1 eller ÅÅÅÅ-H2, till exempel 2026-H1.';
    case 'year':
      return /^\d{4}$/.test(period) ? undefined : 'Skriv året med fyra siffror, till exempel 2026.';
  }
}
