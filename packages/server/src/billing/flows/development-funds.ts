/**
 * Billing flow `development-funds` (GEMUTV.bakgrund, PRINC.gemensamma-utvecklingsmedel): the
 * year's budgets through core's `developmentFinancing` — 50 % region, 50 % municipalities, the
 * municipalities' half split by I10: population on 31 December of the previous year (the newest
 * imported `population` records for that date) by default, or a stored allocation key when the
 * run names one. The seeds do not say who collects; this system reads it as the region
 * administering the joint budget and invoicing each municipality its part, one line per area.
 */
import {
  developmentFinancing,
  groupIntoBases,
  regionParty,
  type CalculationStep,
  type DevelopmentBudget,
  type FinancingInput,
  type InvoiceLine,
} from '@samverkan/core';
import type { FlowInput, FlowResult } from '../basis-draft.js';
import { inputsOf, latestStateRecords, type StoredRecord } from '../flow-records.js';
import { allocationKeyForYear, keyNote } from '../allocation-key-choice.js';
import { toAllocationKey } from '../../reference/allocation-keys.js';
import { allocationDrafts } from './allocation-drafts.js';
import type { BudgetData, PopulationData } from './record-data.js';

const CLAUSE = 'GEMUTV.bakgrund';

async function financingBasis(
  input: FlowInput,
  budgets: readonly DevelopmentBudget[],
): Promise<{ financing: FinancingInput; records: Awaited<ReturnType<typeof latestStateRecords>>; notes: string[] }> {
  const year = input.period.year;
  if (input.options.allocationKey !== undefined) {
    const stored = await allocationKeyForYear(input.db, year, input.options.allocationKey);
    return { financing: { year, budgets, key: toAllocationKey(stored), choices: { I10: 'key' } }, records: [], notes: [keyNote(stored)] };
  }
  const date = `${String(year - 1)}-12-31`;
  const records = await latestStateRecords(input.db, 'population', [date]);
  const counts = records.map((r) => {
    const d = r.data as PopulationData;
    return { municipality: d.municipality, population: d.population, file: r.filename, line: r.line };
  });
  const example = records.some((r) => /exempel/i.test((r.data as PopulationData).source ?? ''));
  return {
    financing: { year, budgets, population: { date, counts, example, source: `import (folkmängd ${date})` } },
    records,
    notes: [`Folkmängd ${date} (tolkning I10)${example ? ', EXEMPEL' : ''}`],
  };
}

/** The development budgets held by imported `development-budgets` records. */
export function budgetsOf(records: readonly StoredRecord[]): DevelopmentBudget[] {
  return records.map((r) => {
    const d = r.data as BudgetData;
    return { area: d.area, year: d.year, budgetOre: d.budgetOre, ...(d.outcomeOre === undefined ? {} : { outcomeOre: d.outcomeOre }) };
  });
}

/** Compute the `development-funds` bases of a year. */
export async function developmentFundsFlow(input: FlowInput): Promise<FlowResult> {
  const year = input.period.year;
  const budgetRecords = await latestStateRecords(input.db, 'development-budgets', [String(year)]);
  if (budgetRecords.length === 0)
    return { bases: [], notes: [`Ingen budget för gemensamma utvecklingsmedel är importerad för ${String(year)}.`] };
  const budgets = budgetsOf(budgetRecords);
  const basis = await financingBasis(input, budgets);
  const r = developmentFinancing(input.agreement, basis.financing);
  const region = regionParty(input.agreement);
  const lineInfo = new Map<InvoiceLine, { area: string; share: CalculationStep }>();
  const lines = r.areas.flatMap((area) =>
    area.allocations.map((a) => {
      const line: InvoiceLine = {
        seller: region,
        buyer: { id: a.code, name: a.name, kind: 'kommun' },
        period: input.period.range,
        category: 'gemensamma-utvecklingsmedel',
        description: `Gemensamma utvecklingsmedel ${String(year)}: ${area.area} (kommunernas hälft, ${a.name}s andel)`,
        quantity: 1,
        unit: 'lump-sum',
        unitPriceOre: a.amountOre,
        baseQuantity: 1,
        amountOre: a.amountOre,
        clause: CLAUSE,
      };
      lineInfo.set(line, {
        area: area.area,
        share: {
          id: `${area.area}:andel:${a.code}`,
          description: `${a.name}: andel av kommunernas hälft (${r.split})`,
          inputs: { andel: a.share, kommunernasHälftÖre: area.municipalitiesOre },
          result: a.amountOre,
          unit: 'öre',
          clauses: [CLAUSE],
          rounding: 'största rest',
        },
      });
      return line;
    }),
  );
  const areaSteps = (area: string): CalculationStep[] => r.trace.steps.filter((s) => s.id.startsWith(`${area}:`));
  const bases = allocationDrafts(
    groupIntoBases(
      'gemensamma-utvecklingsmedel',
      input.period.range,
      lines.filter((l) => l.amountOre !== 0),
    ),
    r.trace,
    inputsOf([...budgetRecords, ...basis.records], basis.notes),
    (s) => r.areas.some((a) => s.id.startsWith(`${a.area}:`)),
    (b, i) => {
      const line = b.lines[i];
      const info = line === undefined ? undefined : lineInfo.get(line);
      return info === undefined ? [] : [...areaSteps(info.area), info.share];
    },
    {
      flow: 'development-funds',
      period: input.period.text,
      part: (b, i) => {
        const line = b.lines[i];
        return line === undefined ? undefined : lineInfo.get(line)?.area;
      },
    },
  );
  return { bases, notes: r.keyNote === undefined ? [] : [r.keyNote] };
}
