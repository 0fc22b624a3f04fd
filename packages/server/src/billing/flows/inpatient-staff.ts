/**
 * Billing flow `inpatient-staff` (ORD/SABO.nar-kommunens-personal-deltar-i-sluten-vard): the
 * month's actual costs through core's `inpatientStaffInvoiceBasis` — one basis per municipality
 * to the region. The line reference is the managers' written agreement (screened by core); the
 * record's import row id goes along as the system key that matches each line to its record.
 */
import { inpatientStaffInvoiceBasis, type InpatientCost } from '@samverkan/core';
import type { FlowInput, FlowResult } from '../basis-draft.js';
import { eventRecords } from '../flow-records.js';
import { recordDrafts } from '../record-drafts.js';
import type { InpatientData } from './record-data.js';

/** Compute the `inpatient-staff` bases of a month. */
export async function inpatientStaffFlow(input: FlowInput): Promise<FlowResult> {
  const records = await eventRecords(input.db, 'inpatient-staff', input.period.text, input.records);
  if (records.length === 0) return { bases: [], notes: [] };
  const costs: InpatientCost[] = records.map((r) => {
    const d = r.data as InpatientData;
    return {
      key: r.id,
      municipality: d.municipality,
      document: d.document,
      agreementReference: d.agreementReference,
      date: d.date,
      kind: d.kind,
      amountOre: d.amountOre,
    };
  });
  const result = inpatientStaffInvoiceBasis(input.agreement, { month: input.period.text, costs });
  return { bases: recordDrafts(result.bases, result.trace, records), notes: [] };
}
