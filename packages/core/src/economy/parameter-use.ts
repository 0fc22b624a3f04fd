/**
 * Reading parameters for a calculation and recording them in its trace: a plain value valid on a
 * date, or an indexed value for a year (uplifted per I6, with the index values and steps used).
 */
import { formatRational, type Rational } from '../decimal.js';
import { Temporal } from '../dates.js';
import { indexedValue, type IndexedValue } from '../indexation/indexed-value.js';
import type { IndexSeries } from '../indexation/index-series.js';
import { integerValue, parameterValueOn, rationalValue } from '../indexation/parameter-value.js';
import { requireParameter, type EconomyData } from './economy-data.js';
import { chooseOption, type InterpretationChoices } from './interpretation-choice.js';
import type { TraceBuilder } from './trace-builder.js';

/** An integer parameter valid on `date`, recorded in the trace. */
export function integerParameterOn(data: EconomyData, id: string, date: Temporal.PlainDate, trace: TraceBuilder): bigint {
  const p = requireParameter(data, id);
  const v = parameterValueOn(p, date);
  const value = integerValue(p, v);
  trace.parameter({ id, value: Number(value), unit: p.unit, clause: p.clause, validFor: date.toString(), source: v.source });
  return value;
}

/** A decimal (percent/ratio) parameter valid on `date` as an exact rational, recorded in the trace. */
export function rationalParameterOn(data: EconomyData, id: string, date: Temporal.PlainDate, trace: TraceBuilder): Rational {
  const p = requireParameter(data, id);
  const v = parameterValueOn(p, date);
  const value = rationalValue(p, v);
  trace.parameter({ id, value: formatRational(value, 12), unit: p.unit, clause: p.clause, validFor: date.toString(), source: v.source });
  return value;
}

/** Options for an indexed parameter: an I5-style first uplift year and interpretation choices (I6). */
export interface IndexedParameterOptions {
  readonly firstUpliftYear?: number;
  readonly choices?: InterpretationChoices;
}

/**
 * The indexed value of parameter `id` for `year` (economy.md, Common rules), recorded in the
 * trace with its index values, its uplift steps and the rounding interpretation I6.
 */
export function indexedParameter(
  data: EconomyData,
  id: string,
  year: number,
  index: IndexSeries,
  trace: TraceBuilder,
  opts: IndexedParameterOptions = {},
): IndexedValue {
  const p = requireParameter(data, id);
  const result = indexedValue(p, year, index, opts.firstUpliftYear === undefined ? {} : { firstUpliftYear: opts.firstUpliftYear });
  trace.interpretation(chooseOption(data, 'I6', opts.choices).use);
  trace.index(...result.indexValues);
  trace.step(...result.steps);
  trace.parameter({
    id,
    value: Number(result.value),
    unit: p.unit,
    clause: p.clause,
    validFor: String(year),
    source: `${result.source}; basår ${String(result.baseYear)}${p.indexation ? `, uppräknat med ${p.indexation.series} från ${String(result.firstUpliftYear)}` : ''}`,
  });
  return result;
}

/** First day of `year`, the date on which a yearly parameter is read. */
export function firstDayOf(year: number): Temporal.PlainDate {
  return Temporal.PlainDate.from({ year, month: 1, day: 1 });
}
