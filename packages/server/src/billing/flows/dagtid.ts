/**
 * Billing flow `dagtid` (ORD.uppdrag-dagtid): the month's daytime assignments through core's
 * `daytimeInvoiceBasis` — one basis per lender → hirer pair, per started hour at the VPI-indexed
 * rate. Assignments recorded but not billed (evenings/nights, Storsjögläntan) are named in the
 * run's notes; for persons not registered in the county the region's claim on their home region
 * is a note (volumes and amounts, ORD.bakgrund), not a second line of the same record (decision 0070).
 */
import { daytimeInvoiceBasis, formatKronor, type DaytimeAssignment } from '@samverkan/core';
import type { FlowInput, FlowResult } from '../basis-draft.js';
import { eventRecords } from '../flow-records.js';
import { recordDrafts } from '../record-drafts.js';
import type { DaytimeData } from './record-data.js';

const reasonText = {
  'kvall-natt': 'kväll/natt utan ersättning',
  storsjoglantan: 'ansluten till Storsjögläntan (ingår i tilläggsbeloppet)',
} as const;

/** Compute the `dagtid` bases of a month. */
export async function dagtidFlow(input: FlowInput): Promise<FlowResult> {
  const records = await eventRecords(input.db, 'daytime-assignments', input.period.text, input.records);
  if (records.length === 0) return { bases: [], notes: [] };
  const assignments: DaytimeAssignment[] = records.map((r) => {
    const d = r.data as DaytimeData;
    return {
      key: r.id,
      ...(d.reference === undefined ? {} : { reference: d.reference }),
      date: d.date,
      start: d.start,
      minutes: d.minutes,
      lender: d.lender,
      hirer: d.hirer,
      storsjoglantan: d.storsjoglantan,
      registeredMunicipality: d.registeredMunicipality,
      ...(d.homeRegion === undefined ? {} : { homeRegion: d.homeRegion }),
    };
  });
  const result = daytimeInvoiceBasis(input.agreement, { month: input.period.text, assignments, index: input.index });
  const notes = result.recorded.map(
    (r) =>
      `Registrerat, ej fakturerat: ${r.date} ${r.start} ${r.lender.name} → ${r.hirer.name}, ${String(r.minutes)} min (${reasonText[r.reason]}).`,
  );
  const homeNotes = result.homeRegionReport.map(
    (h) =>
      `Underlag till hemregion (${h.clause}): regionen fakturerar ${h.homeRegion.name} för ${String(h.assignments)} uppdrag, ${String(h.startedHours)} påbörjade timmar, ${formatKronor(h.amountOre)}.`,
  );
  return { bases: recordDrafts(result.bases, result.trace, records), notes: [...notes, ...homeNotes] };
}
