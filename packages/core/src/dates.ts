/**
 * Calendar dates are Temporal.PlainDate: no time zone, no clock. Clock times (e.g. when an
 * assignment was done) are local Europe/Stockholm wall-clock times.
 */
import { Temporal } from 'temporal-polyfill';
import { invalidInput } from './errors.js';

export { Temporal };

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/** Parse an ISO date (YYYY-MM-DD); anything else is an error naming `field`. */
export function parseDate(text: string, field: string): Temporal.PlainDate {
  if (!isoDate.test(text.trim())) throw invalidInput(field, `${field}: "${text}" är inget datum på formen ÅÅÅÅ-MM-DD.`, text);
  try {
    return Temporal.PlainDate.from(text.trim(), { overflow: 'reject' });
  } catch {
    throw invalidInput(field, `${field}: "${text}" är inget giltigt datum.`, text);
  }
}

/** Today's date in Europe/Stockholm. */
export function todayInStockholm(now: Temporal.Instant = Temporal.Now.instant()): Temporal.PlainDate {
  return now.toZonedDateTimeISO('Europe/Stockholm').toPlainDate();
}

/** Parse a clock time HH:MM (00:00–23:59) into minutes after midnight. */
export function parseClockTime(text: string, field: string): number {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(text.trim());
  if (!m) throw invalidInput(field, `${field}: "${text}" är ingen klocktid på formen TT:MM.`, text);
  return Number(m[1]) * 60 + Number(m[2]);
}
