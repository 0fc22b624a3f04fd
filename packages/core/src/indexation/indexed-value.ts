/**
 * Index uplift of a parameter (economy.md, Common rules; I5, I6):
 *   v(base) = value;  v(Y) = round(v(Y−1) × (1 + r(Y)/100))  for Y = firstUpliftYear … year,
 * rounded to the parameter's step and mode every year before the next uplift (I6). Years between
 * the base year and the first uplift year keep the base value. A year before the base year is an
 * error; a missing index year is `SAMV_ERR_MISSING_INDEX` (never zero).
 */
import { formatRational, rational } from '../decimal.js';
import { describeRounding, formatNumber, quantity } from '../display/glossary.js';
import { SamverkanError } from '../errors.js';
import { divRound } from '../rounding.js';
import type { Parameter } from '../agreement/schema.js';
import type { CalculationStep, IndexUse } from '../trace.js';
import { indexPoint, indexUse, type IndexSeries } from './index-series.js';
import { baseValueFor, integerValue } from './parameter-value.js';

/** The result of an uplift: the value for the year, the base it started from, the steps. */
export interface IndexedValue {
  readonly parameterId: string;
  readonly year: number;
  readonly value: bigint;
  readonly baseYear: number;
  readonly baseValue: bigint;
  /** First year whose index change was applied. */
  readonly firstUpliftYear: number;
  /** Source text of the base value (decision or document). */
  readonly source: string;
  readonly indexValues: readonly IndexUse[];
  readonly steps: readonly CalculationStep[];
}

/** Options: `firstUpliftYear` overrides the parameter's own (interpretation I5). */
export interface IndexedValueOptions {
  readonly firstUpliftYear?: number;
}

/** The value of an indexed parameter for `year`, uplifted year by year from its base (I6 rounding per year). */
export function indexedValue(parameter: Parameter, year: number, index: IndexSeries, opts: IndexedValueOptions = {}): IndexedValue {
  const ix = parameter.indexation;
  if (!ix) {
    throw new SamverkanError('SAMV_ERR_INVALID_INPUT', `Parametern ${parameter.id} indexeras inte.`, { field: parameter.id });
  }
  const base = baseValueFor(parameter, year);
  const firstUpliftYear = opts.firstUpliftYear ?? ix.firstUpliftYear;
  const step = BigInt(ix.rounding.step);
  const roundingText = describeRounding(ix.rounding.mode, ix.rounding.step, parameter.unit);
  // A value in the parameter's unit without the "per …" part, for the arithmetic of the sentence.
  const amount = (v: bigint): string => quantity(Number(v), parameter.unit).replace(/ per .*$/, '');
  const baseValue = integerValue(parameter, base);
  const steps: CalculationStep[] = [
    {
      id: `${parameter.id}:bas`,
      description: `Basvärde för ${midSentence(parameter.title)} i ${String(base.baseYear)} års nivå`,
      inputs: { basår: base.baseYear },
      result: Number(baseValue),
      unit: parameter.unit,
      clauses: [parameter.clause],
    },
  ];
  const used: IndexUse[] = [];
  let v = baseValue;
  for (let y = base.baseYear + 1; y <= year; y++) {
    if (y < firstUpliftYear) {
      steps.push({
        id: `${parameter.id}:${String(y)}`,
        description: `${parameter.title} ${String(y)}: ingen uppräkning (första uppräkningsåret är ${String(firstUpliftYear)}), samma som ${String(y - 1)}`,
        inputs: { föregående: Number(v) },
        result: Number(v),
        unit: parameter.unit,
        clauses: [ix.clause],
      });
      continue;
    }
    const point = indexPoint(index, ix.series, y);
    used.push(indexUse(point));
    // factor = 1 + p/100 = (100·den + num) / (100·den), applied exactly, then rounded to the step.
    const factor = rational(100n * point.percent.den + point.percent.num, 100n * point.percent.den);
    const next = divRound(v * factor.num, factor.den * step, ix.rounding.mode) * step;
    const pct = formatRational(point.percent, 12);
    steps.push({
      id: `${parameter.id}:${String(y)}`,
      // The sentence a person checks by hand (decision 0190): "Timpris 2026: 640 kr × (1 + 3,1 %) =
      // 659,84 kr, avrundat …"; the unrounded value is exact (shown to four decimals of the unit).
      description: `${parameter.title} ${String(y)} (${ix.series} ${formatNumber(pct)} %): ${amount(v)} × (1 + ${formatNumber(pct)} %) = ${exactText(v * factor.num, factor.den, parameter.unit)}, ${roundingText}`,
      formula: `avrunda(v(${String(y - 1)}) × (1 + ${ix.series} ${String(y)} / 100))`,
      inputs: { föregående: Number(v), procent: pct, serie: ix.series, år: y },
      result: Number(next),
      unit: parameter.unit,
      clauses: [ix.clause],
      rounding: roundingText,
    });
    v = next;
  }
  return {
    parameterId: parameter.id,
    year,
    value: v,
    baseYear: base.baseYear,
    baseValue,
    firstUpliftYear,
    source: base.source,
    indexValues: used,
    steps,
  };
}

/** An exact quotient in the unit's display (öre as kronor with up to four decimals, "≈" when cut). */
function exactText(num: bigint, den: bigint, unit: string): string {
  const money = /^(?:ore|öre)(?:_per_|$)/.test(unit);
  const r = rational(num, money ? den * 100n : den);
  const text = formatRational(r, 4);
  const approx = (r.num * 10000n) % r.den === 0n ? '' : '≈ ';
  return `${approx}${formatNumber(text)}${money ? ' kr' : ` ${quantity(2, unit).replace(/^2\s?/, '')}`}`;
}

/** A title inside a sentence: "Ersättning för …" → "ersättning för …"; "MT:s timersättning" stays. */
function midSentence(title: string): string {
  return /^\p{Lu}\p{Ll}/u.test(title) ? title.charAt(0).toLowerCase() + title.slice(1) : title;
}
