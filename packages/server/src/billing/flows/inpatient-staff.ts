/**
 * Billing flow `inpatient-staff` (ORD/SABO.nar-kommunens-personal-deltar-i-sluten-vard): the
 * month's actual costs through core's `inpatientStaffInvoiceBasis` — one basis per municipality
 * to the region. The line reference is the managers' written agreement, so each cost is priced by
 * core on its own (its trace is its steps) and the lines grouped with core's `groupIntoBases`.
 */
import { groupIntoBases, inpatientStaffInvoiceBasis, TraceBuilder, type InvoiceLine, type Trace } from '@samverkan/core';
import type { BasisDraft, FlowInput, FlowResult } from '../basis-draft.js';
import { eventRecords, inputsOf, sourceStep, type StoredRecord } from '../flow-records.js';
import type { InpatientData } from './record-data.js';

/** Compute the `inpatient-staff` bases of a month. */
export async function inpatientStaffFlow(input: FlowInput): Promise<FlowResult> {
  const records = await eventRecords(input.db, 'inpatient-staff', input.period.text);
  if (records.length === 0) return { bases: [], notes: [] };
  const priced = records.map((r, i) => {
    const d = (r.data as InpatientData);
    const result = inpatientStaffInvoiceBasis(input.agreement, {
      month: input.period.text,
      costs: [{ municipality: d.municipality, document: d.document, agreementReference: d.agreementReference, date: d.date, kind: d.kind, amountOre: d.amountOre }],
    });
    const line = result.bases[0]?.lines[0];
    if (!line) throw new Error('inpatientStaffInvoiceBasis gave no line for one cost');
    // Core numbered the single cost 0; number it by its place in the month instead.
    const steps = result.trace.steps.map((s) => ({ ...s, id: s.id.replace(/^kostnad\[0\]/, `kostnad[${String(i)}]`) }));
    return { record: r, line, trace: { ...result.trace, steps } };
  });
  const byLine = new Map<InvoiceLine, { record: StoredRecord; line: InvoiceLine; trace: Trace }>(priced.map((p) => [p.line, p]));
  const bases = groupIntoBases('personal-i-sluten-vard', priced[0]?.line.period ?? input.period.range, priced.map((p) => p.line));
  const drafts: BasisDraft[] = bases.map((b) => {
    const parts = b.lines.map((l) => {
      const p = byLine.get(l);
      if (!p) throw new Error('grouped line without its cost');
      return p;
    });
    const trace = new TraceBuilder(input.agreement);
    for (const p of parts) trace.include(p.trace);
    return {
      seller: b.seller,
      buyer: b.buyer,
      lines: parts.map((p) => ({ line: p.line, steps: [sourceStep(p.record), ...p.trace.steps] })),
      totalOre: b.totalOre,
      trace: trace.build(),
      inputs: inputsOf(parts.map((p) => p.record)),
    };
  });
  return { bases: drafts, notes: [] };
}
