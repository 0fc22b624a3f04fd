/**
 * The time columns shared by daytime assignments and ombud tasks: the billable time of an
 * assignment is intervention + administration (incl. documentation) + reporting back + travel
 * when the trip could not be combined with an ordinary visit (ORD.uppdrag-dagtid,
 * SYNHOR.ekonomisk-ersattning). Stored as core's `AssignmentMinutes`; both clauses bill per
 * started hour, so decimal minutes are accepted and stored exactly (decision 0180).
 */
import type { AssignmentMinutes, MinuteAmount } from '@samverkan/core';
import type { ColumnSpec } from '../columns.js';
import { formats } from '../column-formats.js';
import type { RowReader } from '../row-reader.js';

/** The minute columns. */
export const minuteColumns: readonly ColumnSpec[] = [
  {
    key: 'intervention',
    sv: 'insatstid',
    aliases: ['uppdragstid', 'intervention_minutes', 'insatstid_min'],
    required: true,
    description: 'insatstid i minuter',
    format: formats.startedHourMinutes,
  },
  {
    key: 'administration',
    sv: 'administration',
    aliases: ['dokumentation', 'administration_minutes'],
    required: false,
    description: 'administration inklusive dokumentation, minuter (tomt = 0)',
    format: { ...formats.startedHourMinutes, forms: `${formats.startedHourMinutes.forms}; tomt = 0`, example: '10' },
  },
  {
    key: 'reporting',
    sv: 'återrapportering',
    aliases: ['aterrapportering', 'reporting_minutes'],
    required: false,
    description: 'återrapportering till beställaren, minuter (tomt = 0)',
    format: { ...formats.startedHourMinutes, forms: `${formats.startedHourMinutes.forms}; tomt = 0`, example: '5' },
  },
  {
    key: 'travel',
    sv: 'restid',
    aliases: ['travel_minutes'],
    required: false,
    description: 'restid i minuter (tomt = 0)',
    format: { ...formats.startedHourMinutes, forms: `${formats.startedHourMinutes.forms}; tomt = 0`, example: '20' },
  },
  {
    key: 'travel_combinable',
    sv: 'resa samordnad',
    aliases: ['resan_kunde_samordnas', 'samordnad_resa', 'travel_combined'],
    required: false,
    description: 'ja om resan kunde samordnas med ordinarie besök (restiden räknas då inte); tomt = nej',
    format: formats.yesNo,
  },
];

/** Digits with an optional decimal comma or point; spaces between thousands allowed. */
const MINUTES = /^\d+(?:[.,]\d+)?$/;
/** Up to 15 digits: always a safe integer. */
const WHOLE = /^\d{1,15}$/;

/**
 * One minute column: whole or decimal minutes ≥ 0 (decision 0180: both clauses bill per started
 * hour, so parts of a minute are allowed). Whole minutes are stored as a number, decimal ones as
 * the exact decimal text with a point ("37.5"), never as a float.
 */
function readMinuteAmount(row: RowReader, key: string, what: string, fallback?: number): MinuteAmount | undefined {
  const v = row.raw(key);
  if (v === '' && fallback !== undefined) return fallback;
  if (v === '') {
    row.fail(key, `värde saknas; ange ${what} som ett antal minuter, t.ex. 45 eller 37,5.`);
    return undefined;
  }
  // Plain whole minutes (nearly every cell): the number itself, as the general path below gives it.
  if (WHOLE.test(v)) return Number(v);
  const cleaned = v.replace(/[\s\u00a0\u202f]/g, '');
  if (!MINUTES.test(cleaned)) {
    row.fail(key, `"${v}" är inget antal minuter; ange ${what} som ett tal ≥ 0, t.ex. 45 eller 37,5.`, v);
    return undefined;
  }
  const [whole = '', fraction = ''] = cleaned.split(/[.,]/);
  const digits = fraction.replace(/0+$/, '');
  const wholeMinutes = Number(whole);
  if (!Number.isSafeInteger(wholeMinutes)) {
    row.fail(key, `"${v}" är för många minuter; ange ${what}.`, v);
    return undefined;
  }
  return digits === '' ? wholeMinutes : `${String(wholeMinutes)}.${digits}`;
}

/** Read the minute columns of a row. */
export function readMinutes(row: RowReader): AssignmentMinutes | undefined {
  const intervention = readMinuteAmount(row, 'intervention', 'insatstiden');
  const administration = readMinuteAmount(row, 'administration', 'administrationstiden', 0);
  const reporting = readMinuteAmount(row, 'reporting', 'återrapporteringstiden', 0);
  const travel = readMinuteAmount(row, 'travel', 'restiden', 0);
  const travelCombinable = row.yesNo('travel_combinable');
  if (
    intervention === undefined ||
    administration === undefined ||
    reporting === undefined ||
    travel === undefined ||
    travelCombinable === undefined
  )
    return undefined;
  return { intervention, administration, reporting, travel, travelCombinable };
}
