/**
 * Billing flow `mt-fixed` (MT.bilaga-1-fast-del): the half-year's fixed part through core's
 * `mtFixedInvoice`, invoiced by the region's MT in advance and split by each municipality's share
 * of the registered devices, counted on the snapshot date of I8 (default: the last day of the
 * previous half-year) — the newest imported inventory of each municipality on that date.
 */
import { mtFixedInvoice, mtSnapshotDate, SamverkanError } from '@samverkan/core';
import type { FlowInput, FlowResult } from '../basis-draft.js';
import { inputsOf, latestStateRecords } from '../flow-records.js';
import { allocationDrafts } from './allocation-drafts.js';
import type { InventoryData } from './record-data.js';

/** Compute the `mt-fixed` bases of a half-year. */
export async function mtFixedFlow(input: FlowInput): Promise<FlowResult> {
  const half = input.period.half;
  if (half === undefined)
    throw new SamverkanError('SAMV_ERR_INVALID_INPUT', 'period: MT:s fasta del faktureras per halvår (ÅÅÅÅ-H1 eller ÅÅÅÅ-H2).', {
      field: 'period',
    });
  const snapshot = mtSnapshotDate(input.agreement, input.period.year, half);
  const records = await latestStateRecords(input.db, 'mt-inventory', [snapshot.date]);
  if (records.length === 0)
    return { bases: [], notes: [`Ingen inventering är importerad för ${snapshot.date} (tolkning I8: ${snapshot.option}).`] };
  const counts = records.map((r) => {
    const d = r.data as InventoryData;
    return { municipality: d.municipality, devices: d.devices, file: r.filename, line: r.line };
  });
  const result = mtFixedInvoice(input.agreement, {
    year: input.period.year,
    half,
    inventory: { snapshotDate: snapshot.date, counts },
    index: input.index,
  });
  const own = (id: string): boolean => id.startsWith('fordelning:');
  const bases = allocationDrafts(
    result.bases,
    result.trace,
    inputsOf(records),
    (s) => own(s.id),
    (b) => result.trace.steps.filter((s) => s.id === `fordelning:${b.buyer.id}`),
    { flow: 'mt-fixed', period: input.period.text },
  );
  return { bases, notes: [] };
}
