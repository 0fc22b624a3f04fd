/**
 * How the tilläggsbelopp was derived (TILL.bakgrund), as a transparent calculation:
 *   3 heltider × 1,5 (basberedskap, I1) × 47 000 kr × 12 × (1 + 47,18 % PO) = 3 735 428,4 kr
 *   → 3 735 428 kr (whole kronor, I6),
 * and the justeringsbelopp (TILL.grundforutsattningar, I2): tilläggsbelopp / 144 = 25 940,47 kr
 *   → 25 940 kr. Both are checked against the agreement's stated amounts.
 */
import { formatRational, mulRational, parseDecimal, rational, type Rational } from '../decimal.js';
import { divRound } from '../rounding.js';
import { ore, type Ore } from '../money.js';
import type { Temporal } from '../dates.js';
import type { CalculationStep } from '../trace.js';
import type { EconomyData } from './economy-data.js';
import { chooseOption, optionDecimalText, optionInteger, type InterpretationChoices } from './interpretation-choice.js';
import { integerParameterOn, rationalParameterOn } from './parameter-use.js';
import type { TraceBuilder } from './trace-builder.js';

const CLAUSE_DERIVATION = 'TILL.bakgrund';
const CLAUSE_AMOUNTS = 'TILL.grundforutsattningar';

/** The derivation's results, in öre at the 2024 level. */
export interface TillaggsbeloppDerivation {
  /** Exact value in kronor as a decimal string, e.g. "3735428.4". */
  readonly exactKronor: string;
  readonly tillaggsbeloppOre: Ore;
  readonly referenceCount: number;
  /** Exact justeringsbelopp rounded to öre (display), e.g. 2594047 = 25 940,47 kr. */
  readonly justeringsbeloppExactOre: Ore;
  readonly justeringsbeloppOre: Ore;
  /** Whether the derived amounts equal the amounts in parameters.yaml. */
  readonly matchesAgreement: boolean;
}

const toKronor = (oreValue: Rational): string => formatRational(mulRational(oreValue, rational(1n, 100n)), 6);

/** Derive the tilläggsbelopp and justeringsbelopp step by step (I1, I2), recording them in `trace`. */
export function deriveTillaggsbelopp(
  data: EconomyData,
  onDate: Temporal.PlainDate,
  trace: TraceBuilder,
  choices?: InterpretationChoices,
): TillaggsbeloppDerivation {
  const i1 = chooseOption(data, 'I1', choices);
  const i2 = chooseOption(data, 'I2', choices);
  trace.interpretation(i1.use).interpretation(i2.use);
  const fte = integerParameterOn(data, 'till.harledning.heltider', onDate, trace);
  const salary = integerParameterOn(data, 'till.harledning.manadslon', onDate, trace);
  const po = rationalParameterOn(data, 'till.harledning.po-palagg', onDate, trace);
  const factorText = optionDecimalText(i1, 'factor');
  const factor = parseDecimal(factorText, 'I1.factor');
  // 3 × factor × salary × 12 × (1 + po/100), exact in öre.
  const poFactor = rational(100n * po.den + po.num, 100n * po.den);
  const exact = mulRational(mulRational(rational(fte * salary * 12n), factor), poFactor);
  const roundedKr = divRound(exact.num, exact.den * 100n, 'half-up') * 100n;
  const tillaggsbeloppOre = ore(roundedKr, 'tilläggsbelopp');

  const referenceCount = optionInteger(i2, 'referenceCount');
  const adjExact = rational(roundedKr, BigInt(referenceCount));
  const adjOre = ore(divRound(adjExact.num, adjExact.den, 'half-up'), 'justeringsbelopp');
  const adjKr = ore(divRound(adjExact.num, adjExact.den * 100n, 'half-up') * 100n, 'justeringsbelopp');

  const statedTill = integerParameterOn(data, 'till.tillaggsbelopp', onDate, trace);
  const statedAdj = integerParameterOn(data, 'till.justeringsbelopp', onDate, trace);
  const matches = statedTill === roundedKr && statedAdj === BigInt(adjKr);

  const steps: CalculationStep[] = [
    {
      id: 'harledning-tillaggsbelopp',
      description: 'Tilläggsbeloppets härledning: heltider × basberedskap × månadslön × 12 × (1 + PO-pålägg)',
      formula: `${String(fte)} × ${factorText.replace('.', ',')} × ${String(salary / 100n)} × 12 × (1 + ${formatRational(po, 6).replace('.', ',')} / 100)`,
      inputs: {
        heltider: Number(fte),
        basberedskap: factorText,
        månadslönÖre: Number(salary),
        månader: 12,
        poPåläggProcent: formatRational(po, 6),
      },
      result: toKronor(exact),
      unit: 'kr',
      clauses: [CLAUSE_DERIVATION],
    },
    {
      id: 'tillaggsbelopp-avrundat',
      description: 'Avrundat till hela kronor (2024 års nivå)',
      inputs: { exaktKronor: toKronor(exact) },
      result: tillaggsbeloppOre,
      unit: 'öre',
      clauses: [CLAUSE_AMOUNTS],
      rounding: 'avrundat till hela kronor, hälften uppåt',
    },
    {
      id: 'harledning-justeringsbelopp',
      description: 'Justeringsbelopp: tilläggsbeloppet delat med referensantalet anslutna personer',
      formula: `${String(roundedKr / 100n)} / ${String(referenceCount)}`,
      inputs: { tilläggsbeloppÖre: tillaggsbeloppOre, referensantal: referenceCount },
      result: adjOre,
      unit: 'öre',
      clauses: [CLAUSE_AMOUNTS],
      rounding: 'avrundat till närmaste öre, hälften uppåt',
    },
    {
      id: 'justeringsbelopp-avrundat',
      description: 'Justeringsbeloppet avrundat till hela kronor (2024 års nivå)',
      inputs: { exaktÖre: adjOre },
      result: adjKr,
      unit: 'öre',
      clauses: [CLAUSE_AMOUNTS],
      rounding: 'avrundat till hela kronor, hälften uppåt',
    },
    {
      id: 'harledning-kontroll',
      description: 'Härledda belopp stämmer med avtalets belopp (3 735 428 kr och 25 940 kr)',
      inputs: { avtaletsTilläggsbeloppÖre: Number(statedTill), avtaletsJusteringsbeloppÖre: Number(statedAdj) },
      result: matches,
      clauses: [CLAUSE_AMOUNTS],
    },
  ];
  trace.step(...steps);
  return {
    exactKronor: toKronor(exact),
    tillaggsbeloppOre,
    referenceCount,
    justeringsbeloppExactOre: adjOre,
    justeringsbeloppOre: adjKr,
    matchesAgreement: matches,
  };
}
