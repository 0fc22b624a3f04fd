/**
 * Flow 5 — yearly reconciliation of the tilläggsbelopp (TILL.avstamning, TILL.grundforutsattningar,
 * TILL.bakgrund.fordelning). In Q1 of Y+1 the count of persons connected during Y settles year Y's
 * amount at Y's price level (I4; count per I13):
 *   1. tilläggsbelopp and justeringsbelopp for Y: the 2024 level uplifted by LPIK (I5 chooses the
 *      first uplift year), rounded to whole kronor every year (I6);
 *   2. count inside the normal variation: unchanged; outside: revised by I3 — `beyond-bound`
 *      (+adj × (count − upper) above, −adj × (lower − count) below) or `from-reference`
 *      (adj × (count − reference number, I2));
 *   3. distributed among the eight municipalities by the allocation key (largest remainder).
 */
import { formatRational } from '../decimal.js';
import { invalidInput } from '../errors.js';
import { ore, type Ore } from '../money.js';
import type { IndexSeries } from '../indexation/index-series.js';
import type { CalculationStep, Trace } from '../trace.js';
import { allocateByKey, EXAMPLE_KEY_NOTE, type AllocationKey } from './allocation-key.js';
import type { EconomyData } from './economy-data.js';
import { chooseOption, optionInteger, type InterpretationChoices } from './interpretation-choice.js';
import { firstDayOf, indexedParameter, integerParameterOn } from './parameter-use.js';
import { deriveTillaggsbelopp } from './tillaggsbelopp-derivation.js';
import { TraceBuilder } from './trace-builder.js';

const CLAUSE_AMOUNTS = 'TILL.grundforutsattningar';
const CLAUSE_RECONCILE = 'TILL.avstamning';
const CLAUSE_SPLIT = 'TILL.bakgrund.fordelning';

/** Input for the reconciliation of year `year`. */
export interface ReconciliationRequest {
  readonly year: number;
  /** Persons in the county connected to Storsjögläntan during `year` (I13). */
  readonly connected: number;
  readonly index: IndexSeries;
  readonly key: AllocationKey;
  readonly choices?: InterpretationChoices;
}

/** One municipality's part. */
export interface TillaggsbeloppAllocation {
  readonly code: string;
  readonly name: string;
  /** Exact key share as a decimal string. */
  readonly share: string;
  readonly amountOre: Ore;
}

/** The reconciliation of one year. */
export interface ReconciliationResult {
  readonly year: number;
  readonly connected: number;
  readonly lower: number;
  readonly upper: number;
  readonly referenceCount: number;
  readonly inside: boolean;
  /** I3 option used. */
  readonly policy: string;
  /** Persons the revision counts (signed: negative below the interval). */
  readonly personsAdjusted: number;
  readonly baseOre: Ore;
  readonly adjustmentPerPersonOre: Ore;
  readonly adjustmentOre: Ore;
  readonly totalOre: Ore;
  readonly allocations: readonly TillaggsbeloppAllocation[];
  readonly keyId: string;
  readonly keyIsExample: boolean;
  /** Swedish note when the key is an example. */
  readonly keyNote?: string;
  readonly trace: Trace;
}

/** Persons beyond the interval (or from the reference) that the revision counts, per I3. */
export function personsToAdjust(policy: string, connected: number, lower: number, upper: number, reference: number): number {
  if (connected >= lower && connected <= upper) return 0;
  switch (policy) {
    case 'beyond-bound':
      return connected > upper ? connected - upper : -(lower - connected);
    case 'from-reference':
      return connected - reference;
    default:
      throw invalidInput('I3', `Tolkning I3: alternativet "${policy}" saknar beräkningsregel.`, policy);
  }
}

/** Reconcile year `year`'s tilläggsbelopp against the count and split it among the municipalities. */
export function reconcileTillaggsbelopp(data: EconomyData, req: ReconciliationRequest): ReconciliationResult {
  if (!Number.isSafeInteger(req.connected) || req.connected < 0) {
    throw invalidInput('anslutna', `Antalet anslutna personer ska vara ett heltal ≥ 0 (${String(req.connected)}).`, req.connected);
  }
  const trace = new TraceBuilder(data)
    .rule('ekonomi.tillaggsbelopp-avstamning')
    .clause(CLAUSE_RECONCILE, CLAUSE_AMOUNTS, 'PRINC.tillaggsbelopp');
  const i3 = chooseOption(data, 'I3', req.choices);
  const i5 = chooseOption(data, 'I5', req.choices);
  for (const id of ['I4', 'I13']) trace.interpretation(chooseOption(data, id, req.choices).use);
  trace.interpretation(i3.use).interpretation(i5.use);
  const onDate = firstDayOf(req.year);

  const derivation = deriveTillaggsbelopp(data, onDate, trace, req.choices);
  const firstUpliftYear = optionInteger(i5, 'firstUpliftYear');
  const opts = { firstUpliftYear, ...(req.choices === undefined ? {} : { choices: req.choices }) };
  const base = ore(indexedParameter(data, 'till.tillaggsbelopp', req.year, req.index, trace, opts).value, 'tilläggsbelopp');
  const adj = ore(indexedParameter(data, 'till.justeringsbelopp', req.year, req.index, trace, opts).value, 'justeringsbelopp');
  const lower = Number(integerParameterOn(data, 'till.normalvariation.nedre', onDate, trace));
  const upper = Number(integerParameterOn(data, 'till.normalvariation.ovre', onDate, trace));
  const reference = derivation.referenceCount;
  const inside = req.connected >= lower && req.connected <= upper;
  const persons = personsToAdjust(i3.option, req.connected, lower, upper, reference);
  const adjustmentOre = ore(BigInt(adj) * BigInt(persons), 'justering');
  const totalOre = ore(BigInt(base) + BigInt(adjustmentOre), 'tilläggsbelopp efter avstämning');
  if (totalOre < 0)
    throw invalidInput(
      'anslutna',
      `Revideringen ger ett negativt tilläggsbelopp (${String(totalOre)} öre); kontrollera antalet och tolkning I3.`,
      req.connected,
    );

  const steps: CalculationStep[] = [
    {
      id: 'jamforelse',
      description: inside
        ? 'Antalet ligger inom normalvariationen: tilläggsbeloppet fördelas utan justering'
        : 'Antalet ligger utanför normalvariationen: tilläggsbeloppet revideras med justeringsbeloppet',
      formula: 'nedre ≤ antal ≤ övre',
      inputs: { antal: req.connected, nedre: lower, övre: upper },
      result: inside,
      clauses: [CLAUSE_RECONCILE],
    },
    {
      id: 'personer-att-justera',
      description:
        i3.option === 'beyond-bound' ? 'Personer utanför närmaste gräns (tolkning I3)' : 'Antal minus referensantalet (tolkning I3)',
      formula: inside
        ? '0'
        : i3.option === 'beyond-bound'
          ? req.connected > upper
            ? 'antal − övre'
            : '−(nedre − antal)'
          : 'antal − referensantal',
      inputs: { antal: req.connected, nedre: lower, övre: upper, referensantal: reference },
      result: persons,
      unit: 'personer',
      clauses: [CLAUSE_RECONCILE],
    },
    {
      id: 'justering',
      description: 'Justering: justeringsbelopp × personer',
      formula: 'justeringsbelopp × personer',
      inputs: { justeringsbeloppÖre: adj, personer: persons },
      result: adjustmentOre,
      unit: 'öre',
      clauses: [CLAUSE_AMOUNTS, CLAUSE_RECONCILE],
    },
    {
      id: 'tillaggsbelopp-efter-avstamning',
      description: `Tilläggsbelopp ${String(req.year)} efter avstämning`,
      formula: 'tilläggsbelopp + justering',
      inputs: { tilläggsbeloppÖre: base, justeringÖre: adjustmentOre },
      result: totalOre,
      unit: 'öre',
      clauses: [CLAUSE_RECONCILE],
    },
  ];
  trace.step(...steps);

  const parts = allocateByKey(totalOre, req.key, data.municipalities);
  const allocations = parts.map((p) => ({ code: p.key, name: p.label, share: formatRational(p.share, 6), amountOre: p.amountOre }));
  trace.step({
    id: 'fordelning',
    description: `Fördelning mellan kommunerna enligt resursfördelningsnyckeln "${req.key.title}"${req.key.example ? ' (EXEMPEL)' : ''}, största rest`,
    formula: 'belopp × Σ_f vikt_f × mått_kf / Σ_j mått_jf',
    inputs: Object.fromEntries(allocations.map((a) => [a.name, a.share])),
    result: totalOre,
    unit: 'öre',
    clauses: [CLAUSE_SPLIT, 'PRINC.tillaggsbelopp'],
    rounding: 'största rest, summan = tilläggsbeloppet',
  });
  return {
    year: req.year,
    connected: req.connected,
    lower,
    upper,
    referenceCount: reference,
    inside,
    policy: i3.option,
    personsAdjusted: persons,
    baseOre: base,
    adjustmentPerPersonOre: adj,
    adjustmentOre,
    totalOre,
    allocations,
    keyId: req.key.id,
    keyIsExample: req.key.example,
    ...(req.key.example ? { keyNote: EXAMPLE_KEY_NOTE } : {}),
    trace: trace.build(),
  };
}
