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

const DIGIT_0 = 48;
const DIGIT_9 = 57;

/**
 * The record index `i` of a step id `uppdrag[i]:…` or `kostnad[i]:…` (what `/^(uppdrag|kostnad)\[(\d+)\]:/`
 * matches), or undefined for a general step; read by hand, without a match array per step (two
 * steps per record, 200 000 a month).
 */
function recordIndexOf(id: string): number | undefined {
  if (!id.startsWith('uppdrag[') && !id.startsWith('kostnad[')) return undefined;
  const from = 'uppdrag['.length;
  let end = from;
  for (let c = id.charCodeAt(end); c >= DIGIT_0 && c <= DIGIT_9; c = id.charCodeAt(end)) end++;
  if (end === from || id.charCodeAt(end) !== 93 /* ] */ || id.charCodeAt(end + 1) !== 58 /* : */) return undefined;
  return Number(id.slice(from, end));
}

/** Drafts for `bases` whose lines carry the keys (ids) of `records`, given to core in this order. */
export function recordDrafts(bases: readonly InvoiceBasis[], trace: Trace, records: readonly StoredRecord[]): BasisDraft[] {
  const indexOf = new Map(records.map((r, i) => [r.id, i]));
  // Indexed by the record's position (a step naming a position beyond the records is kept and never used, as before).
  const stepsByRecord: (CalculationStep[] | undefined)[] = [];
  const general: CalculationStep[] = [];
  for (const s of trace.steps) {
    const i = recordIndexOf(s.id);
    if (i === undefined) {
      general.push(s);
      continue;
    }
    const list = stepsByRecord[i];
    if (list === undefined) stepsByRecord[i] = [s];
    else list.push(s);
  }
  // Each line carries its record's steps; the trace only what all lines share (decision 0220).
  const generalTrace: Trace = { ...trace, steps: general };
  return bases.map((b) => {
    // The basis's records in the order of their first line (what `inputsOf` lists).
    const seen = new Uint8Array(records.length);
    const used: StoredRecord[] = [];
    const lines: LineDraft[] = b.lines.map((l) => {
      const i = l.key === undefined ? undefined : indexOf.get(l.key);
      const record = i === undefined ? undefined : records[i];
      if (i === undefined || record === undefined) throw new Error(`invoice line without its record (${l.category})`);
      if (seen[i] === 0) {
        seen[i] = 1;
        used.push(record);
      }
      const steps: CalculationStep[] = [sourceStep(record)];
      for (const s of stepsByRecord[i] ?? []) steps.push(s);
      // The key served to match; the stored line keeps the user's reference, never the key (basis-store).
      return {
        line: l,
        steps,
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
      inputs: inputsOf(used),
    };
  });
}
