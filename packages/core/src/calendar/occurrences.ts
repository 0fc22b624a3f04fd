/**
 * The dates on which a recurring obligation falls in one year, from its frequency and due day.
 * Where the text gives only a frequency, the yearly default comes from interpretation I9.
 */
import { Temporal } from '../dates.js';
import type { Frequency, Obligation } from '../agreement/schema.js';

const everyNYears: Partial<Record<Frequency, number>> = { 'every-2-years': 2, 'every-3-years': 3, 'every-4-years': 4 };

/** Add months; a due date on a month's last day stays on the last day (03-31 → 06-30 → 09-30 → 12-31). */
function shiftMonths(base: Temporal.PlainDate, months: number): Temporal.PlainDate {
  const shifted = base.add({ months }, { overflow: 'constrain' });
  return base.day === base.daysInMonth ? shifted.with({ day: shifted.daysInMonth }) : shifted;
}

function monthDay(year: number, mmdd: string): Temporal.PlainDate {
  return Temporal.PlainDate.from({ year, month: Number(mmdd.slice(0, 2)), day: Number(mmdd.slice(3, 5)) }, { overflow: 'constrain' });
}

function monthEnd(year: number, month: number): Temporal.PlainDate {
  const first = Temporal.PlainDate.from({ year, month, day: 1 });
  return first.with({ day: first.daysInMonth });
}

/** True when an every-N-years obligation falls in `year` (counted from its anchor year, both ways). */
export function fallsInYear(o: Pick<Obligation, 'frequency' | 'anchorYear'>, year: number): boolean {
  const n = everyNYears[o.frequency];
  if (n === undefined) return true;
  return o.anchorYear !== undefined && (((year - o.anchorYear) % n) + n) % n === 0;
}

/** Dates of `o` in `year` (not for per-period items, which come from the lifecycle). */
export function occurrenceDates(o: Obligation, year: number, yearlyDefault: string): { dates: Temporal.PlainDate[]; usedDefault: boolean } {
  if (o.fromYear !== undefined && year < o.fromYear) return { dates: [], usedDefault: false };
  switch (o.frequency) {
    case 'monthly':
      return {
        dates: Array.from({ length: 12 }, (_, i) =>
          o.due === undefined || o.due === 'last'
            ? monthEnd(year, i + 1)
            : Temporal.PlainDate.from({ year, month: i + 1, day: Number(o.due) }),
        ),
        usedDefault: false,
      };
    case 'quarterly':
    case 'half-yearly': {
      const step = o.frequency === 'quarterly' ? 3 : 6;
      const base = o.due === undefined ? monthEnd(year, step) : monthDay(year, o.due);
      return { dates: Array.from({ length: 12 / step }, (_, i) => shiftMonths(base, i * step)), usedDefault: false };
    }
    case 'yearly':
    case 'every-2-years':
    case 'every-3-years':
    case 'every-4-years':
      if (!fallsInYear(o, year)) return { dates: [], usedDefault: false };
      return { dates: [monthDay(year, o.due ?? yearlyDefault)], usedDefault: o.due === undefined };
    case 'per-period':
      return { dates: [], usedDefault: false };
  }
}
