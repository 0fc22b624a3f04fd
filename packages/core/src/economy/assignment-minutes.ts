/**
 * The billable time of one assignment (ORD.uppdrag-dagtid, SYNHOR.ekonomisk-ersattning): the sum
 * of intervention time, administration including documentation, reporting back to the orderer,
 * and travel time only when the trip could not be combined with an ordinary visit.
 *
 * A part may be decimal minutes ("37.5"), written as exact decimal text so it is stored as given
 * (decision 0180): both clauses bill per started hour, so only the exact sum matters, and the
 * sum rounded up to a whole minute gives the same started hours as the exact sum
 * (ceil(ceil(x) / 60) = ceil(x / 60) for x ≥ 0). Rounding each part instead would not
 * (30,5 + 29,5 is one hour, 31 + 30 two).
 */
import type { CalculationStep } from '../trace.js';
import { addRational, formatRational, parseDecimal, rational, type Rational } from '../decimal.js';
import { invalidInput } from '../errors.js';
import { requireMinutes } from './hourly-pricing.js';

/** Whole minutes as a number, or exact decimal minutes as text with a point ("37.5"). */
export type MinuteAmount = number | string;

/** Minutes of one assignment, split as the clauses list them. */
export interface AssignmentMinutes {
  /** Insatstid / uppdragstid. */
  readonly intervention: MinuteAmount;
  /** Administration including documentation. */
  readonly administration: MinuteAmount;
  /** Återrapportering to the orderer. */
  readonly reporting: MinuteAmount;
  /** Restid. */
  readonly travel: MinuteAmount;
  /** True when the trip could be combined with an ordinary visit; travel then does not count. */
  readonly travelCombinable: boolean;
}

/** A part as an exact rational; whole numbers and decimal text ≥ 0 only, anything else names `field`. */
function exactMinutes(value: MinuteAmount, field: string): Rational {
  if (typeof value === 'number') return rational(BigInt(requireMinutes(value, field)));
  const r = parseDecimal(value, field);
  if (r.num < 0n) throw invalidInput(field, `${field}: antalet minuter får inte vara negativt (${value}).`, value);
  return r;
}

/** A part as the step shows it: a number when whole, else the exact decimal text. */
function shown(r: Rational): number | string {
  return r.den === 1n ? Number(r.num) : formatRational(r, 12);
}

/**
 * The step that shows a record's billable minutes, one shape for the whole-number and the exact
 * path (the stored compact steps match it key by key, billing/line-steps.ts). `travelGiven`: the
 * record has travel time, which is left out when the trip could be combined; `note` follows the
 * description (the rounding of a fractional sum).
 */
function minutesStep(
  m: AssignmentMinutes,
  field: string,
  clause: string,
  travelGiven: boolean,
  note: string,
  parts: {
    readonly intervention: number | string;
    readonly administration: number | string;
    readonly reporting: number | string;
    readonly travel: number | string;
  },
  minutes: number,
): CalculationStep {
  return {
    id: `${field}:minuter`,
    description: `${m.travelCombinable && travelGiven ? 'Debiterbar tid; restiden räknas inte eftersom resan kunde samordnas med ordinarie besök' : 'Debiterbar tid'}${note}`,
    formula: 'insatstid + administration + återrapportering + restid (om resan inte kunde samordnas)',
    inputs: {
      insatstid: parts.intervention,
      administration: parts.administration,
      återrapportering: parts.reporting,
      restid: parts.travel,
      restidRäknas: !m.travelCombinable,
    },
    result: minutes,
    unit: 'minuter',
    clauses: [clause],
  };
}

const isWhole = (v: MinuteAmount): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

/**
 * `billableMinutes` when every part is a whole number of minutes (what nearly every record has),
 * in plain number arithmetic: the same minutes and the same step as the exact rational sum, as
 * long as the sum is a safe integer. Anything else (decimal text, an invalid part, a sum beyond
 * 2^53) returns undefined and goes the exact way, which accepts or refuses it as before.
 */
function wholeMinutes(m: AssignmentMinutes, field: string, clause: string): { minutes: number; step: CalculationStep } | undefined {
  const { intervention, administration, reporting, travel } = m;
  if (!isWhole(intervention) || !isWhole(administration) || !isWhole(reporting) || !isWhole(travel)) return undefined;
  // `+ 0` turns -0 into 0, as the exact path's BigInt does.
  const minutes = intervention + administration + reporting + (m.travelCombinable ? 0 : travel) + 0;
  if (!Number.isSafeInteger(minutes)) return undefined;
  return {
    minutes,
    step: minutesStep(
      m,
      field,
      clause,
      travel > 0,
      '',
      { intervention: intervention + 0, administration: administration + 0, reporting: reporting + 0, travel: travel + 0 },
      minutes,
    ),
  };
}

/**
 * Total billable minutes (whole: the exact sum rounded up, which keeps the started hours exact)
 * and the step that shows the sum; each part is validated and named by `field`.
 */
export function billableMinutes(m: AssignmentMinutes, field: string, clause: string): { minutes: number; step: CalculationStep } {
  const whole = wholeMinutes(m, field, clause);
  if (whole !== undefined) return whole;
  const interventionR = exactMinutes(m.intervention, `${field}.insatstid`);
  const administrationR = exactMinutes(m.administration, `${field}.administration`);
  const reportingR = exactMinutes(m.reporting, `${field}.aterrapportering`);
  const travelR = exactMinutes(m.travel, `${field}.restid`);
  const exact = [interventionR, administrationR, reportingR, ...(m.travelCombinable ? [] : [travelR])].reduce(addRational, rational(0n));
  const minutes = Number((exact.num + exact.den - 1n) / exact.den);
  if (!Number.isSafeInteger(minutes))
    throw invalidInput(`${field}.minuter`, `${field}: ${formatRational(exact)} minuter är för många.`, formatRational(exact));
  const rounded = exact.den !== 1n;
  const note = rounded ? `; ${formatRational(exact, 12).replace('.', ',')} minuter avrundat uppåt till hela minuter (påbörjad timme)` : '';
  const parts = {
    intervention: shown(interventionR),
    administration: shown(administrationR),
    reporting: shown(reportingR),
    travel: shown(travelR),
  };
  return { minutes, step: minutesStep(m, field, clause, travelR.num > 0n, note, parts, minutes) };
}
