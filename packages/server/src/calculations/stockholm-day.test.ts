import { describe, expect, it } from 'vitest';
import { Temporal, todayInStockholm } from '@samverkan/core';
import { stockholmToday } from './stockholm-day.js';

const at = (iso: string): number => Temporal.Instant.from(iso).epochMilliseconds;

describe('stockholmToday', () => {
  it('changes at midnight in Stockholm, not UTC, in winter and in summer', () => {
    expect(stockholmToday(at('2026-12-01T22:59:59.999Z'))).toBe('2026-12-01');
    expect(stockholmToday(at('2026-12-01T23:00:00Z'))).toBe('2026-12-02');
    expect(stockholmToday(at('2026-06-30T21:59:59.999Z'))).toBe('2026-06-30');
    expect(stockholmToday(at('2026-06-30T22:00:00Z'))).toBe('2026-07-01');
  });

  it('follows the clock backwards and across the summer-time change', () => {
    expect(stockholmToday(at('2026-03-29T12:00:00Z'))).toBe('2026-03-29');
    expect(stockholmToday(at('2026-03-28T22:59:59Z'))).toBe('2026-03-28');
    // The day of the change has 23 hours: it ends at 22:00 UTC.
    expect(stockholmToday(at('2026-03-29T21:59:59Z'))).toBe('2026-03-29');
    expect(stockholmToday(at('2026-03-29T22:00:00Z'))).toBe('2026-03-30');
  });

  it('agrees with the core function at every hour of a year', () => {
    for (let ms = at('2026-01-01T00:30:00Z'); ms < at('2027-01-01T00:00:00Z'); ms += 3_600_000)
      expect(stockholmToday(ms)).toBe(todayInStockholm(Temporal.Instant.fromEpochMilliseconds(ms)).toString());
  });
});
