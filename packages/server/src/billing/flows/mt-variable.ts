/**
 * Billing flow `mt-variable` (MT.bilaga-1-rorlig-del): the month's MT work orders through core's
 * `mtVariableInvoiceBasis` — one basis per ordering municipality: work time at the MT hourly rate
 * (I7), travel, consumables and spare parts.
 */
import { mtVariableInvoiceBasis, type MtWorkOrder } from '@samverkan/core';
import type { FlowInput, FlowResult } from '../basis-draft.js';
import { eventRecords } from '../flow-records.js';
import { recordDrafts } from '../record-drafts.js';
import type { WorkOrderData } from './record-data.js';

/** Compute the `mt-variable` bases of a month. */
export async function mtVariableFlow(input: FlowInput): Promise<FlowResult> {
  const records = await eventRecords(input.db, 'mt-work-orders', input.period.text, input.records);
  if (records.length === 0) return { bases: [], notes: [] };
  const orders: MtWorkOrder[] = records.map((r) => {
    const d = r.data as WorkOrderData;
    return {
      key: r.id,
      ...(d.reference === undefined ? {} : { reference: d.reference }),
      date: d.date,
      municipality: d.municipality,
      minutes: d.minutes,
      travelOre: d.travelOre,
      consumablesOre: d.consumablesOre,
      sparePartsOre: d.sparePartsOre,
    };
  });
  const result = mtVariableInvoiceBasis(input.agreement, { month: input.period.text, orders, index: input.index });
  return { bases: recordDrafts(result.bases, result.trace, records), notes: [] };
}
