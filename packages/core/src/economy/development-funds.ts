/**
 * Flow 6 — joint development funds (GEMUTV.bakgrund, PRINC.gemensamma-utvecklingsmedel): a budget
 * per development area and year, financed 50 % by the region and 50 % by the municipalities; the
 * municipalities' half is split by I10 (default: population on 31 December of the previous year;
 * options: equal shares, or any allocation key). Followed up yearly (GEMUTV.utvardering-och-uppfoljning):
 * budget, outcome and deviation per area.
 */
import { allocateLargestRemainder } from '../allocation.js';
import { formatRational, rational, type Rational } from '../decimal.js';
import { invalidInput } from '../errors.js';
import { ore, sumOre, type Ore } from '../money.js';
import { refusePersonnummer } from '../personnummer.js';
import { divRound } from '../rounding.js';
import type { Trace } from '../trace.js';
import { EXAMPLE_KEY_NOTE, keyShares, type AllocationKey } from './allocation-key.js';
import type { EconomyData } from './economy-data.js';
import { chooseOption, type InterpretationChoices } from './interpretation-choice.js';
import { findMunicipality } from './municipality-lookup.js';
import { firstDayOf, rationalParameterOn } from './parameter-use.js';
import { TraceBuilder } from './trace-builder.js';

const CLAUSE = 'GEMUTV.bakgrund';
const CLAUSE_FOLLOW_UP = 'GEMUTV.utvardering-och-uppfoljning';

/** A development area's budget for a year, with the outcome once known. */
export interface DevelopmentBudget {
  readonly area: string;
  readonly year: number;
  readonly budgetOre: number;
  readonly outcomeOre?: number;
}

/** Population per municipality (I10 default), e.g. from Statistics Sweden on 31 December. */
export interface PopulationKey {
  readonly date?: string;
  readonly source?: string;
  readonly example?: boolean;
  readonly counts: readonly {
    readonly municipality: string;
    readonly population: number;
    readonly file?: string;
    readonly line?: number;
  }[];
}

/** How the municipalities' half is split (must match the I10 option in effect). */
export interface FinancingInput {
  readonly year: number;
  readonly budgets: readonly DevelopmentBudget[];
  readonly population?: PopulationKey;
  readonly key?: AllocationKey;
  readonly choices?: InterpretationChoices;
}

/** Financing of one area. */
export interface AreaFinancing {
  readonly area: string;
  readonly budgetOre: Ore;
  readonly regionOre: Ore;
  readonly municipalitiesOre: Ore;
  readonly allocations: readonly { readonly code: string; readonly name: string; readonly share: string; readonly amountOre: Ore }[];
}

/** Financing of every area of a year. */
export interface FinancingResult {
  readonly year: number;
  readonly split: string;
  readonly areas: readonly AreaFinancing[];
  readonly keyIsExample: boolean;
  readonly keyNote?: string;
  readonly trace: Trace;
}

function checkBudget(b: DevelopmentBudget, i: number): void {
  const field = `budget[${String(i)}]`;
  if (b.area.trim() === '') throw invalidInput(`${field}.omrade`, `${field}: utvecklingsområdet saknar namn.`);
  refusePersonnummer(b.area, { field: `${field}.omrade` });
  if (ore(b.budgetOre, `${field}.budget`) < 0)
    throw invalidInput(`${field}.budget`, `${field}: budgeten får inte vara negativ.`, b.budgetOre);
  if (b.outcomeOre !== undefined) ore(b.outcomeOre, `${field}.utfall`);
}

function populationWeights(data: EconomyData, pop: PopulationKey): Map<string, Rational> {
  const w = new Map<string, Rational>();
  for (const c of pop.counts) {
    const place = { ...(c.file === undefined ? {} : { file: c.file }), ...(c.line === undefined ? {} : { line: c.line }), field: 'kommun' };
    const m = findMunicipality(data.municipalities, c.municipality, place);
    if (!Number.isSafeInteger(c.population) || c.population < 0)
      throw invalidInput('folkmangd', `Folkmängden för ${m.name} ska vara ett heltal ≥ 0 (${String(c.population)}).`, c.population);
    if (w.has(m.code)) throw invalidInput('kommun', `${m.name} förekommer mer än en gång i folkmängden.`, c.municipality);
    w.set(m.code, rational(BigInt(c.population)));
  }
  const missing = data.municipalities.filter((m) => !w.has(m.code));
  if (missing.length > 0) throw invalidInput('folkmangd', `Folkmängd saknas för ${missing.map((m) => m.name).join(', ')}.`);
  return w;
}

/** Financing per area: the region's share and the municipalities' share split per I10. */
export function developmentFinancing(data: EconomyData, input: FinancingInput): FinancingResult {
  const trace = new TraceBuilder(data).rule('ekonomi.gemensamma-utvecklingsmedel').clause(CLAUSE, 'PRINC.gemensamma-utvecklingsmedel');
  const i10 = chooseOption(data, 'I10', input.choices);
  trace.interpretation(i10.use);
  const regionPercent = rationalParameterOn(data, 'gemutv.regionens-andel', firstDayOf(input.year), trace);
  let weights: Map<string, Rational>;
  let keyIsExample = false;
  switch (i10.option) {
    case 'population':
      if (!input.population) throw invalidInput('folkmangd', 'Tolkning I10 är "population": ange folkmängden per kommun.');
      weights = populationWeights(data, input.population);
      keyIsExample = input.population.example === true;
      break;
    case 'equal':
      weights = new Map(data.municipalities.map((m) => [m.code, rational(1n)]));
      break;
    case 'key':
      if (!input.key) throw invalidInput('nyckel', 'Tolkning I10 är "key": ange fördelningsnyckeln.');
      weights = new Map(keyShares(input.key, data.municipalities).map((s) => [s.code, s.share]));
      keyIsExample = input.key.example;
      break;
    default:
      throw invalidInput('I10', `Tolkning I10: alternativet "${i10.option}" saknar beräkningsregel.`, i10.option);
  }
  const budgets = input.budgets.filter((b) => b.year === input.year);
  budgets.forEach(checkBudget);
  const areas = budgets.map((b) => {
    const budgetOre = ore(b.budgetOre, 'budget');
    const [regionPart, municipalitiesPart] = allocateLargestRemainder(budgetOre, [
      { key: 'region', label: 'Regionen', weight: regionPercent },
      { key: 'kommunerna', label: 'Kommunerna', weight: rational(100n * regionPercent.den - regionPercent.num, regionPercent.den) },
    ]);
    const regionOre = regionPart?.amountOre ?? ore(0);
    const municipalitiesOre = municipalitiesPart?.amountOre ?? ore(0);
    const parts = allocateLargestRemainder(
      municipalitiesOre,
      data.municipalities.map((m) => ({ key: m.code, label: m.name, weight: weights.get(m.code) ?? rational(0n) })),
    );
    trace.step(
      {
        id: `${b.area}:finansiering`,
        description: `${b.area}: regionens och kommunernas andelar`,
        formula: 'budget × regionens andel / 100; resten kommunerna',
        inputs: { budgetÖre: budgetOre, regionensAndelProcent: formatRational(regionPercent, 6) },
        result: regionOre,
        unit: 'öre',
        clauses: [CLAUSE],
        rounding: 'största rest',
      },
      {
        id: `${b.area}:kommunernas-fordelning`,
        description: `${b.area}: kommunernas hälft fördelad ${i10.label} (tolkning I10)`,
        inputs: Object.fromEntries(parts.map((p) => [p.label, p.amountOre])),
        result: municipalitiesOre,
        unit: 'öre',
        clauses: [CLAUSE],
        rounding: 'största rest, summan = kommunernas andel',
      },
    );
    return {
      area: b.area,
      budgetOre,
      regionOre,
      municipalitiesOre,
      allocations: parts.map((p) => ({ code: p.key, name: p.label, share: formatRational(p.share, 6), amountOre: p.amountOre })),
    };
  });
  return {
    year: input.year,
    split: i10.option,
    areas,
    keyIsExample,
    ...(keyIsExample ? { keyNote: EXAMPLE_KEY_NOTE } : {}),
    trace: trace.build(),
  };
}

/** Yearly follow-up of one area. Deviation = budget − outcome (positive: less used than budgeted). */
export interface AreaFollowUp {
  readonly area: string;
  readonly budgetOre: Ore;
  readonly outcomeOre: Ore;
  readonly deviationOre: Ore;
  /** Outcome as a share of budget, percent with 1 decimal, or null when the budget is 0. */
  readonly usedPercent: string | null;
}

/** Budget, outcome and deviation per area for `year`, with totals (GEMUTV.utvardering-och-uppfoljning). */
export function developmentFollowUp(
  data: EconomyData,
  year: number,
  budgets: readonly DevelopmentBudget[],
): { readonly year: number; readonly areas: readonly AreaFollowUp[]; readonly totals: Omit<AreaFollowUp, 'area'>; readonly trace: Trace } {
  const trace = new TraceBuilder(data).rule('ekonomi.gemensamma-utvecklingsmedel-uppfoljning').clause(CLAUSE_FOLLOW_UP);
  const rows = budgets.filter((b) => b.year === year);
  rows.forEach(checkBudget);
  const pct = (outcome: Ore, budget: Ore): string | null =>
    budget === 0 ? null : formatRational(rational(divRound(BigInt(outcome) * 1000n, BigInt(budget), 'half-up'), 10n), 1);
  const areas = rows.map((b) => {
    const budgetOre = ore(b.budgetOre, 'budget');
    const outcomeOre = ore(b.outcomeOre ?? 0, 'utfall');
    const deviationOre = ore(BigInt(budgetOre) - BigInt(outcomeOre), 'avvikelse');
    trace.step({
      id: `${b.area}:avvikelse`,
      description: `${b.area}: avvikelse mot budget`,
      formula: 'budget − utfall',
      inputs: { budgetÖre: budgetOre, utfallÖre: outcomeOre },
      result: deviationOre,
      unit: 'öre',
      clauses: [CLAUSE_FOLLOW_UP],
    });
    return { area: b.area, budgetOre, outcomeOre, deviationOre, usedPercent: pct(outcomeOre, budgetOre) };
  });
  const budgetOre = sumOre(areas.map((a) => a.budgetOre));
  const outcomeOre = sumOre(areas.map((a) => a.outcomeOre));
  const totals = {
    budgetOre,
    outcomeOre,
    deviationOre: ore(BigInt(budgetOre) - BigInt(outcomeOre), 'avvikelse'),
    usedPercent: pct(outcomeOre, budgetOre),
  };
  return { year, areas, totals, trace: trace.build() };
}
