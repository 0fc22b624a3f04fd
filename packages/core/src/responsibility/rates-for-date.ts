/**
 * The hourly rates of an answer in the price level of the year asked about. The rule tables name
 * a parameter (e.g. `dagtid.timpris`, 640 kr in 2025's level); a nurse asking about 2026 needs
 * 2026's rate (660 kr after the VPI uplift), so with the index values at hand each indexed rate is
 * uplifted to the date's year exactly as the invoices are (indexedValue, I6). Without the index
 * value for that year the base level is kept: the answer then says which year's level it shows.
 */
import type { Parameter } from '../agreement/schema.js';
import { isSamverkanError } from '../errors.js';
import { indexedValue } from '../indexation/indexed-value.js';
import type { IndexSeries } from '../indexation/index-series.js';
import type { Answer, RateRef } from './answer.js';

function upliftRate(rate: RateRef | null, year: number, parameters: ReadonlyMap<string, Parameter>, index: IndexSeries): RateRef | null {
  if (rate === null || rate.index === null || rate.baseYear === null || rate.baseYear >= year) return rate;
  const p = parameters.get(rate.parameter);
  if (!p?.indexation) return rate;
  try {
    const v = indexedValue(p, year, index);
    return { ...rate, valueOre: Number(v.value), baseYear: year };
  } catch (e) {
    // A missing index year is not an error of the answer: the base level is shown with its year.
    if (isSamverkanError(e) && e.code === 'SAMV_ERR_MISSING_INDEX') return rate;
    throw e;
  }
}

/** `answer` with its indexed rates uplifted to the year of `answer.date` where the index values allow. */
export function ratesForDate(answer: Answer, parameters: ReadonlyMap<string, Parameter>, index: IndexSeries): Answer {
  const year = Number(answer.date.slice(0, 4));
  const performingRate = upliftRate(answer.performing.rate, year, parameters, index);
  const visionRate = upliftRate(answer.visionHearing.rate, year, parameters, index);
  if (performingRate === answer.performing.rate && visionRate === answer.visionHearing.rate) return answer;
  return {
    ...answer,
    performing: { ...answer.performing, rate: performingRate },
    visionHearing: { ...answer.visionHearing, rate: visionRate },
  };
}
