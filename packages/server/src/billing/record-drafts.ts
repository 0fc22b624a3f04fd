/**
 * Turning core's invoice bases of a record-based flow (assignments, tasks, work orders) into
 * drafts. Core numbers its per-record steps `uppdrag[i]:…`; the flow passes each record's id as
 * the line reference, so every line is matched to its record, gets that record's steps (plus the
 * step naming the imported row) and its own reference back. General steps (the indexed rate) go
 * into every basis's trace; each basis's trace holds the steps of its own lines only.
 */
import type { CalculationStep, InvoiceBasis, InvoiceLine, Trace } from '@samverkan/core';
import type { BasisDraft, LineDraft } from './basis-draft.js';
import { inputsOf, sourceStep, type StoredRecord } from './flow-records.js';

const RECORD_STEP = /^(uppdrag|kostnad)\[(\d+)\]:/;

/** Drafts for `bases` whose line references are record ids of `records` (in the order given to core). */
export function recordDrafts(bases: readonly InvoiceBasis[], trace: Trace, records: readonly StoredRecord[], userReference: (r: StoredRecord) => string | undefined): BasisDraft[] {
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
  return bases.map((b) => {
    const used = new Map<number, StoredRecord>();
    const lines: LineDraft[] = b.lines.map((l) => {
      const i = l.reference === undefined ? undefined : indexOf.get(l.reference);
      const record = i === undefined ? undefined : records[i];
      if (i === undefined || record === undefined) throw new Error(`invoice line without its record (${l.category})`);
      used.set(i, record);
      // The record id served only to match; the line carries the user's own reference.
      const line: InvoiceLine = { ...l, reference: userReference(record) };
      return { line, steps: [sourceStep(record), ...(stepsByRecord.get(i) ?? [])] };
    });
    const own = [...used.keys()].sort((a, c) => a - c).flatMap((i) => stepsByRecord.get(i) ?? []);
    return {
      seller: b.seller,
      buyer: b.buyer,
      lines,
      totalOre: b.totalOre,
      trace: { ...trace, steps: [...general, ...own] },
      inputs: inputsOf([...used.values()]),
    };
  });
}
