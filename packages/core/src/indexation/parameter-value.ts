/**
 * Looking up a parameter's value (parameters.yaml): the entry valid on a date, and the value as an
 * integer (öre, minutes, persons) or an exact rational (percent, ratio). A parameter with no value
 * on the date is `SAMV_ERR_MISSING_PARAMETER`, naming the parameter and the date.
 */
import { parseDecimal, rational, type Rational } from '../decimal.js';
import { SamverkanError } from '../errors.js';
import type { Parameter } from '../agreement/schema.js';
import type { Temporal } from '../dates.js';

/** One dated value of a parameter. */
export type ParameterValue = Parameter['values'][number];

function missing(parameter: Parameter, what: string): SamverkanError {
  return new SamverkanError('SAMV_ERR_MISSING_PARAMETER', `Parametern ${parameter.id} (${parameter.title}) har inget värde ${what}.`, {
    field: parameter.id,
  });
}

/** The value entry of `parameter` valid on `date` (the latest `validFrom` ≤ date, not past `validTo`). */
export function parameterValueOn(parameter: Parameter, date: Temporal.PlainDate): ParameterValue {
  const iso = date.toString();
  let best: ParameterValue | undefined;
  for (const v of parameter.values) {
    if (v.validFrom > iso) continue;
    if (v.validTo !== undefined && v.validTo < iso) continue;
    if (!best || v.validFrom > best.validFrom) best = v;
  }
  if (!best) throw missing(parameter, `som gäller ${iso}`);
  return best;
}

/** The value as an integer; a decimal where an integer is needed is an agreement-data error. */
export function integerValue(parameter: Parameter, v: ParameterValue): bigint {
  if (typeof v.value === 'number') return BigInt(v.value);
  throw new SamverkanError('SAMV_ERR_AGREEMENT_DATA', `Parametern ${parameter.id} ska ha ett heltal men har "${v.value}".`, {
    file: 'parameters.yaml',
    field: parameter.id,
    value: v.value,
  });
}

/** The value as an exact rational (integers and decimal strings alike). */
export function rationalValue(parameter: Parameter, v: ParameterValue): Rational {
  return typeof v.value === 'number' ? rational(BigInt(v.value)) : parseDecimal(v.value, parameter.id);
}

/** The entry of an indexed parameter whose base year is the latest one not after `year`. */
export function baseValueFor(parameter: Parameter, year: number): ParameterValue & { readonly baseYear: number } {
  let best: (ParameterValue & { readonly baseYear: number }) | undefined;
  let earliest: number | undefined;
  for (const v of parameter.values) {
    const baseYear = v.baseYear;
    if (baseYear === undefined) {
      throw new SamverkanError(
        'SAMV_ERR_AGREEMENT_DATA',
        `Parametern ${parameter.id} indexeras men värdet från ${v.validFrom} saknar basår (baseYear).`,
        {
          file: 'parameters.yaml',
          field: parameter.id,
        },
      );
    }
    earliest = earliest === undefined ? baseYear : Math.min(earliest, baseYear);
    if (baseYear > year) continue;
    if (!best || baseYear > best.baseYear || (baseYear === best.baseYear && v.validFrom > best.validFrom)) best = { ...v, baseYear };
  }
  if (!best) throw missing(parameter, `för år ${String(year)}: året ligger före basåret ${String(earliest ?? '')}`);
  return best;
}
