/**
 * Turning core's invoice bases of a record-based flow (assignments, tasks, work orders, costs)
 * into drafts. Each record goes to core with its import row id as the system `key` (never
 * screened for personnummer; the user's own `reference` is) and every line comes back with it,
 * so the line is matched to its record, gets that record's steps (plus the step naming the
 * imported row), its record id and its billing key (`record:<id>:<category>`). Core numbers its
 * per-record steps `uppdrag[i]:…` / `kostnad[i]:…`; they go onto that record's line only, and the
 * general steps (the indexed rate) into every basis's trace — a record's steps are stored once,
 * not again in the trace of a basis of 10 000 lines (decision 0220).
 */
import type { CalculationStep, InvoiceBasis, Trace } from '@samverkan/core';
import type { BasisDraft, LineDraft } from './basis-draft.js';
import { inputsOf, sourceStep, type StoredRecord } from './flow-records.js';
import { recordKey } from './billing-keys.js';

const RECORD_STEP = /^(uppdrag|kostnad)\[(\d+)\]:/;

/** Drafts for `bases` whose lines carry the keys (ids) of `records`, given to core in this order. */
export function recordDrafts(bases: readonly InvoiceBasis[], trace: Trace, records: readonly StoredRecord[]): BasisDraft[] {
  const indexOf = new Map(records.map((r, i) => [r.id, i]));
  const stepsByRecord = new Map<number, CalculationStep[]>();
  const general: CalculationStep[] = [];
  for (const s of trace.steps) {
    const m = RECORD_STEP.exec(s.id);
    if (!m) {
      general.push(s);
      continue;
    }
    const i = Number(m[2]);
    const list = stepsByRecord.get(i) ?? [];
    list.push(s);
    stepsByRecord.set(i, list);
  }
  // Each line carries its record's steps; the trace only what all lines share (decision 0220).
  const generalTrace: Trace = { ...trace, steps: general };
  return bases.map((b) => {
    const used = new Map<number, StoredRecord>();
    const lines: LineDraft[] = b.lines.map((l) => {
      const i = l.key === undefined ? undefined : indexOf.get(l.key);
      const record = i === undefined ? undefined : records[i];
      if (i === undefined || record === undefined) throw new Error(`invoice line without its record (${l.category})`);
      used.set(i, record);
      // The key served to match; the stored line keeps the user's reference, never the key (basis-store).
      return {
        line: l,
        steps: [sourceStep(record), ...(stepsByRecord.get(i) ?? [])],
        billingKey: recordKey(record.id, l.category),
        recordId: record.id,
      };
    });
    return {
      seller: b.seller,
      buyer: b.buyer,
      lines,
      totalOre: b.totalOre,
      trace: generalTrace,
      inputs: inputsOf([...used.values()]),
    };
  });
}
