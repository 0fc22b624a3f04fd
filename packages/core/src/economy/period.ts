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

/** Parse `date` and require it inside `period`; errors name `field`. */
export function dateInPeriod(date: string, period: Period, field: string): Temporal.PlainDate {
  const d = parseDate(date, field);
  const iso = d.toString();
  if (iso < period.from || iso > period.to) {
    throw invalidInput(field, `${field}: datumet ${iso} ligger utanför perioden ${period.from}–${period.to}.`, date);
  }
  return d;
}
