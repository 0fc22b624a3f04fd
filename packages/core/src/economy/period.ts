/**
 * Billing periods: a calendar month (`2026-03`) or a half-year, as inclusive ISO date ranges, and
 * the check that a record's date falls inside the period it is billed in.
 */
import { invalidInput } from '../errors.js';
import { parseDate, Temporal } from '../dates.js';
import type { Period } from './invoice-line.js';

/** The month `YYYY-MM` as a period; anything else is an error naming `field`. */
export function monthPeriod(text: string, field = 'månad'): Period {
  const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(text.trim());
  if (!m) throw invalidInput(field, `${field}: "${text}" är ingen månad på formen ÅÅÅÅ-MM.`, text);
  const ym = Temporal.PlainYearMonth.from({ year: Number(m[1]), month: Number(m[2]) });
  return { from: ym.toPlainDate({ day: 1 }).toString(), to: ym.toPlainDate({ day: ym.daysInMonth }).toString() };
}

/** The calendar year a period starts in (the year whose rates apply). */
export function periodYear(period: Period): number {
  return Number(period.from.slice(0, 4));
}

/** Half-year `half` (1 or 2) of `year` as a period. */
export function halfYearPeriod(year: number, half: 1 | 2): Period {
  return half === 1
    ? { from: `${String(year)}-01-01`, to: `${String(year)}-06-30` }
    : { from: `${String(year)}-07-01`, to: `${String(year)}-12-31` };
}

const plainIsoDate = /^\d{4}-\d{2}-\d{2}$/;

/** Days in `month` (1–12) of `year` in the proleptic Gregorian calendar (Temporal's ISO calendar). */
function daysInIsoMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * Require `date` inside `period` and return it as its ISO text; errors name `field` and are
 * exactly those of `dateInPeriod`. A date written exactly as `YYYY-MM-DD` (a real calendar date,
 * inside the period) is checked by comparing text and a days-in-month table, without parsing it
 * into a `Temporal.PlainDate` (per-record paths: a month of records is checked 100 000 times);
 * anything else (spaces, an invalid day, outside the period) goes through `dateInPeriod`, which
 * accepts or refuses it as before. The two agree on every date (property test in period.test.ts).
 */
export function isoDateInPeriod(date: string, period: Period, field: string): string {
  if (plainIsoDate.test(date) && date >= period.from && date <= period.to) {
    const month = Number(date.slice(5, 7));
    const day = Number(date.slice(8, 10));
    if (month >= 1 && month <= 12 && day >= 1 && day <= daysInIsoMonth(Number(date.slice(0, 4)), month)) return date;
  }
  return dateInPeriod(date, period, field).toString();
}

/** Parse `date` and require it inside `period`; errors name `field`. */
export function dateInPeriod(date: string, period: Period, field: string): Temporal.PlainDate {
  const d = parseDate(date, field);
  const iso = d.toString();
  if (iso < period.from || iso > period.to) {
    throw invalidInput(field, `${field}: datumet ${iso} ligger utanför perioden ${period.from}–${period.to}.`, date);
  }
  return d;
}
