/**
 * Billing flow `dagtid` (ORD.uppdrag-dagtid): the month's daytime assignments through core's
 * `daytimeInvoiceBasis` — one basis per lender → hirer pair, per started hour at the VPI-indexed
 * rate. Assignments recorded but not billed (evenings/nights, Storsjögläntan) are named in the
 * run's notes; persons not registered in the county also give a basis from the region to their
 * home region (ORD.bakgrund).
 */
import { daytimeInvoiceBasis, groupIntoBases, type DaytimeAssignment } from '@samverkan/core';
import type { FlowInput, FlowResult } from '../basis-draft.js';
import { eventRecords } from '../flow-records.js';
import { recordDrafts } from '../record-drafts.js';
import { referenceOf, type DaytimeData } from './record-data.js';

const reasonText = { 'kvall-natt': 'kväll/natt utan ersättning', storsjoglantan: 'ansluten till Storsjögläntan (ingår i tilläggsbeloppet)' } as const;

/** Compute the `dagtid` bases of a month. */
export async function dagtidFlow(input: FlowInput): Promise<FlowResult> {
  const records = await eventRecords(input.db, 'daytime-assignments', input.period.text);
  if (records.length === 0) return { bases: [], notes: [] };
  const assignments: DaytimeAssignment[] = records.map((r) => {
    const d = (r.data as DaytimeData);
    return {
      reference: r.id,
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
  const homeBases = result.homeRegionReport.flatMap((h) => groupIntoBases('uppdrag-dagtid-hemregion', result.period, h.lines));
  const notes = result.recorded.map((r) => `Registrerat, ej fakturerat: ${r.date} ${r.start} ${r.lender.name} → ${r.hirer.name}, ${String(r.minutes)} min (${reasonText[r.reason]}).`);
  return { bases: recordDrafts([...result.bases, ...homeBases], result.trace, records, referenceOf), notes };
}
