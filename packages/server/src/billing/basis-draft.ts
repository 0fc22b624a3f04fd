/**
 * What a billing flow produces for the store: one draft per seller–buyer pair with core's invoice
 * lines, each line with the calculation steps that produced its amount, the basis's trace (the
 * agreement version, parameter values, index values and interpretations used, and the steps of
 * its lines) and the imported records it was computed from. Money comes only from core.
 */
import type { Agreement, CalculationStep, IndexSeries, InvoiceLine, Ore, Party, Trace } from '@samverkan/core';
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';
import type { BillingPeriod } from './periods.js';
import type { RecordSelection } from './flow-records.js';

/** One line, its steps and what it bills. */
export interface LineDraft {
  readonly line: InvoiceLine;
  readonly steps: readonly CalculationStep[];
  /** What the line bills, unique among lines of non-credited bases (billing-keys.ts, migration 0006). */
  readonly billingKey: string;
  /** The imported record (import_rows.id) the line bills, when it bills one. */
  readonly recordId: string | null;
}

/** The imports and records a basis was computed from. */
export interface BasisInputs {
  readonly imports: readonly { readonly id: string; readonly kind: string; readonly filename: string; readonly sha256: string }[];
  /** Ids of the imported records (import_rows) used. */
  readonly records: readonly string[];
  /** Other inputs named for the reader, e.g. the allocation key used. */
  readonly notes?: readonly string[];
}

/** One invoice basis before it is stored. */
export interface BasisDraft {
  readonly seller: Party;
  readonly buyer: Party;
  readonly lines: readonly LineDraft[];
  readonly totalOre: Ore;
  readonly trace: Trace;
  readonly inputs: BasisInputs;
}

/** Options a run is started with (kept with the run; corrections recompute with them). */
export interface RunOptions {
  /** Allocation key (name) for tilläggsbelopp, and for development funds (then I10 = key). */
  readonly allocationKey?: string;
}

/** What a flow computes from. */
export interface FlowInput {
  readonly db: Kysely<Database>;
  /** The effective agreement (shipped data plus recorded parameter values). */
  readonly agreement: Agreement;
  readonly index: IndexSeries;
  readonly period: BillingPeriod;
  readonly options: RunOptions;
  /** Which event records the record flows use (default: all of the period). */
  readonly records?: RecordSelection;
}

/** A flow's result. */
export interface FlowResult {
  readonly bases: readonly BasisDraft[];
  /** Swedish notes for the run (records registered but not billed, reports beside the bases). */
  readonly notes: readonly string[];
}
