import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { SamverkanError } from '../errors.js';
import type { Period } from './invoice-line.js';
import { dateInPeriod, halfYearPeriod, isoDateInPeriod, monthPeriod } from './period.js';

/** What a check gives: the ISO text, or the error's code, message and location. */
function outcome(check: () => string): unknown {
  try {
    return { ok: check() };
  } catch (e) {
    if (e instanceof SamverkanError) return { code: e.code, message: e.message, location: e.location };
    throw e;
  }
}

const viaTemporal = (date: string, period: Period) => outcome(() => dateInPeriod(date, period, 'uppdrag[0].datum').toString());
const fast = (date: string, period: Period) => outcome(() => isoDateInPeriod(date, period, 'uppdrag[0].datum'));

const pad = (n: number, w: number) => String(n).padStart(w, '0');
/** Year 0000–9999, month 00–13, day 00–32: valid dates, month ends, leap days and near misses. */
const dateText = fc
  .tuple(
    fc.oneof(fc.integer({ min: 0, max: 9999 }), fc.constantFrom(1900, 2000, 2024, 2025, 2026, 2100)),
    fc.integer({ min: 0, max: 13 }),
    fc.integer({ min: 0, max: 32 }),
  )
  .map(([y, m, d]) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`);
/** Also texts the fast path must hand over: spaces, unpadded parts, other separators. */
const anyText = fc.oneof(
  dateText,
  dateText.map((t) => ` ${t}`),
  dateText.map((t) => `${t} `),
  dateText.map((t) => t.replace(/-0/g, '-')),
  dateText.map((t) => t.replace(/-/g, '/')),
  fc.string({ maxLength: 12 }),
);
const period = fc.oneof(
  fc
    .tuple(fc.oneof(fc.integer({ min: 1, max: 9999 }), fc.constantFrom(1900, 2000, 2024, 2100)), fc.integer({ min: 1, max: 12 }))
    .map(([y, m]) => monthPeriod(`${pad(y, 4)}-${pad(m, 2)}`)),
  fc.tuple(fc.integer({ min: 1, max: 9999 }), fc.constantFrom(1 as const, 2 as const)).map(([y, h]) => halfYearPeriod(y, h)),
);

describe('isoDateInPeriod', () => {
  it('accepts and refuses exactly as the Temporal path, with the same errors, over generated dates and periods', () => {
    fc.assert(
      fc.property(anyText, period, (date, p) => {
        expect(fast(date, p)).toEqual(viaTemporal(date, p));
      }),
      { numRuns: 10_000 },
    );
  });

  it('agrees on every day of months whose period contains the date (dates inside the period are the fast path)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), (y, m, d) => {
        const p = monthPeriod(`${pad(Math.max(y, 1), 4)}-${pad(m, 2)}`);
        const date = `${p.from.slice(0, 8)}${pad(d, 2)}`;
        expect(fast(date, p)).toEqual(viaTemporal(date, p));
      }),
      { numRuns: 5_000 },
    );
  });

  it.each([
    ['2024-02-29', '2024-02', true],
    ['2000-02-29', '2000-02', true],
    ['1900-02-29', '1900-02', false],
    ['2100-02-29', '2100-02', false],
    ['2026-02-29', '2026-02', false],
    ['2026-02-28', '2026-02', true],
    ['2026-04-31', '2026-04', false],
    ['2026-04-30', '2026-04', true],
    ['2026-12-31', '2026-12', true],
    ['2026-12-32', '2026-12', false],
    ['2027-01-01', '2026-12', false],
    ['2026-01-01', '2026-01', true],
    ['2025-12-31', '2026-01', false],
    [' 2026-03-04', '2026-03', true],
  ])('%s in %s: %s, as the Temporal path', (date, month, ok) => {
    const p = monthPeriod(month);
    expect(fast(date, p)).toEqual(viaTemporal(date, p));
    expect(fast(date, p)).toHaveProperty(ok ? 'ok' : 'code');
  });

  it('checks half-years by the calendar too (a day beyond the month inside the range is refused)', () => {
    const p = halfYearPeriod(2026, 1);
    for (const date of ['2026-01-32', '2026-02-29', '2026-06-31', '2026-03-00', '2026-06-30', '2026-02-28'])
      expect(fast(date, p)).toEqual(viaTemporal(date, p));
    expect(fast('2026-02-30', p)).toHaveProperty('code', 'SAMV_ERR_INVALID_INPUT');
  });
});
