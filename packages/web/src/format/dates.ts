/**
 * Dates in the Swedish standard format (ISO 8601, `2026-12-31`). Calendar dates travel as
 * `YYYY-MM-DD` strings and are never turned into a `Date` with a time zone; timestamps (audit log,
 * imports) are shown in Europe/Stockholm.
 */

const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Swedish month names, January first (the årshjul starts in January). */
export const MONTHS_SV = [
  'januari',
  'februari',
  'mars',
  'april',
  'maj',
  'juni',
  'juli',
  'augusti',
  'september',
  'oktober',
  'november',
  'december',
] as const;

/** True when `text` is a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(text: string): boolean {
  const m = isoDate.exec(text);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= daysInMonth(y, mo);
}

/** Number of days in month `month` (1–12) of `year`, Gregorian. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

const stockholmDate = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit' });
const stockholmDateTime = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Stockholm',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

/** Today's date in Sweden as `YYYY-MM-DD` (the agreement's dates are Swedish calendar dates). */
export function todayInSweden(now: Date = new Date()): string {
  // sv-SE formats as 2026-03-07 already.
  return stockholmDate.format(now);
}

/** An instant (ISO timestamp) shown as `2026-03-07 14:05` Swedish time; unparseable text is returned as is. */
export function formatTimestamp(instant: string): string {
  const t = Date.parse(instant);
  if (Number.isNaN(t)) return instant;
  return stockholmDateTime.format(new Date(t));
}

/** `2026-03-07` → `7 mars 2026`, for sentences. */
export function formatDateLong(date: string): string {
  const m = isoDate.exec(date);
  if (!m) return date;
  const month = MONTHS_SV[Number(m[2]) - 1];
  return month ? `${Number(m[3]).toString()} ${month} ${m[1] ?? ''}` : date;
}

/** Month (1–12) and day-of-year fraction of an ISO date, for placing it on the årshjul. */
export function positionInYear(date: string): { month: number; fraction: number } | undefined {
  const m = isoDate.exec(date);
  if (!m) return undefined;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  let dayOfYear = d;
  for (let i = 1; i < mo; i++) dayOfYear += daysInMonth(y, i);
  const total = daysInMonth(y, 2) === 29 ? 366 : 365;
  return { month: mo, fraction: (dayOfYear - 0.5) / total };
}
