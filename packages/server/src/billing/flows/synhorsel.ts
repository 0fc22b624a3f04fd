/**
 * Billing flow `synhorsel` (SYNHOR.ekonomisk-ersattning): the month's ombud tasks through core's
 * `ombudInvoiceBasis` — separate bases for syncentralen and hörcentralen, per municipality, per
 * started hour at the OPI-indexed rate.
 */
import { ombudInvoiceBasis, type OmbudAssignment } from '@samverkan/core';
import type { FlowInput, FlowResult } from '../basis-draft.js';
import { eventRecords } from '../flow-records.js';
import { recordDrafts } from '../record-drafts.js';
import type { OmbudData } from './record-data.js';

/** Compute the `synhorsel` bases of a month. */
export async function synhorselFlow(input: FlowInput): Promise<FlowResult> {
  const records = await eventRecords(input.db, 'ombud-tasks', input.period.text, input.records);
  if (records.length === 0) return { bases: [], notes: [] };
  const assignments: OmbudAssignment[] = records.map((r) => {
    const d = r.data as OmbudData;
    return {
      key: r.id,
      ...(d.reference === undefined ? {} : { reference: d.reference }),
      date: d.date,
      municipality: d.municipality,
      service: d.service,
      minutes: d.minutes,
    };
  });
  const result = ombudInvoiceBasis(input.agreement, { month: input.period.text, assignments, index: input.index });
  return { bases: recordDrafts(result.bases, result.trace, records), notes: [] };
}
