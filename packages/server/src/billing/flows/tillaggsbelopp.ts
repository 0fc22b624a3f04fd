/**
 * Billing flow `tillaggsbelopp` (TILL.avstamning, TILL.bakgrund.fordelning): the yearly
 * reconciliation through core's `reconcileTillaggsbelopp` — year Y's amount at Y's price level
 * (I4, LPIK per I5/I6), revised when the imported count of connected persons lies outside the
 * normal variation (I3), split among the municipalities by the stored allocation key. The
 * tilläggsbelopp values the municipalities' extended work for persons connected to
 * Storsjögläntan, so each municipality's part is a basis from the municipality to the region.
 */
import { groupIntoBases, regionParty, reconcileTillaggsbelopp, type CalculationStep, type InvoiceLine } from '@samverkan/core';
import type { FlowInput, FlowResult } from '../basis-draft.js';
import { inputsOf, latestStateRecords } from '../flow-records.js';
import { allocationKeyForYear, keyNote } from '../allocation-key-choice.js';
import { toAllocationKey } from '../../reference/allocation-keys.js';
import { allocationDrafts } from './allocation-drafts.js';
import type { ConnectedCountData } from './record-data.js';

const CLAUSE = 'TILL.bakgrund.fordelning';

/** Compute the `tillaggsbelopp` bases of a year. */
export async function tillaggsbeloppFlow(input: FlowInput): Promise<FlowResult> {
  const year = input.period.year;
  const records = await latestStateRecords(input.db, 'connected-counts', [String(year)]);
  const count = records[0];
  if (count === undefined)
    return {
      bases: [],
      notes: [
        `Inget antal anslutna personer är importerat för ${String(year)}; importera det som ”Anslutna till Storsjögläntan” (samverkan import anslutna-storsjoglantan).`,
      ],
    };
  const stored = await allocationKeyForYear(input.db, year, input.options.allocationKey);
  const r = reconcileTillaggsbelopp(input.agreement, {
    year,
    connected: (count.data as ConnectedCountData).count,
    index: input.index,
    key: toAllocationKey(stored),
  });
  const region = regionParty(input.agreement);
  const shareSteps = new Map<string, CalculationStep>();
  const lines: InvoiceLine[] = r.allocations.map((a) => {
    shareSteps.set(a.code, {
      id: `andel:${a.code}`,
      description: `${a.name}: andel av tilläggsbeloppet enligt fördelningsnyckeln (största rest)`,
      formula: 'tilläggsbelopp × andel',
      inputs: { andel: a.share, tilläggsbeloppÖre: r.totalOre },
      result: a.amountOre,
      unit: 'öre',
      clauses: [CLAUSE],
      rounding: 'största rest, summan = tilläggsbeloppet',
    });
    return {
      seller: { id: a.code, name: a.name, kind: 'kommun' },
      buyer: region,
      period: input.period.range,
      category: 'tillaggsbelopp',
      description: `Tilläggsbelopp ${String(year)} efter avstämning (${String(r.connected)} anslutna), andel enligt fördelningsnyckeln${r.keyIsExample ? ' (EXEMPEL)' : ''}`,
      quantity: 1,
      unit: 'lump-sum',
      unitPriceOre: a.amountOre,
      baseQuantity: 1,
      amountOre: a.amountOre,
      clause: CLAUSE,
    };
  });
  const inputs = inputsOf(records, [keyNote(stored)]);
  const bases = allocationDrafts(
    groupIntoBases('tillaggsbelopp', input.period.range, lines),
    r.trace,
    inputs,
    (s) => s.id.startsWith('andel:'),
    (b) => {
      const step = shareSteps.get(b.seller.id);
      return step ? [step] : [];
    },
    { flow: 'tillaggsbelopp', period: input.period.text },
  );
  return { bases, notes: r.keyNote === undefined ? [] : [r.keyNote] };
}
