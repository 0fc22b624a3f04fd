import { describe, expect, it } from 'vitest';
import { parseBillingPeriod } from './periods.js';

describe('billing periods', () => {
  it('parses a month, a half-year and a year for the flows that use them', () => {
    expect(parseBillingPeriod('dagtid', '2026-02')).toMatchObject({
      kind: 'month',
      year: 2026,
      range: { from: '2026-02-01', to: '2026-02-28' },
    });
    expect(parseBillingPeriod('mt-fixed', '2026-H2')).toMatchObject({
      kind: 'half-year',
      half: 2,
      range: { from: '2026-07-01', to: '2026-12-31' },
    });
    expect(parseBillingPeriod('tillaggsbelopp', '2026')).toMatchObject({
      kind: 'year',
      year: 2026,
      range: { from: '2026-01-01', to: '2026-12-31' },
    });
  });

  it('refuses the wrong kind of period in Swedish, saying how to write it', () => {
    expect(() => parseBillingPeriod('mt-fixed', '2026-03')).toThrow(/ÅÅÅÅ-H1 eller ÅÅÅÅ-H2/);
    expect(() => parseBillingPeriod('synhorsel', '2026')).toThrow(/ÅÅÅÅ-MM/);
    expect(() => parseBillingPeriod('development-funds', '2026-H1')).toThrow(/skriv perioden som ÅÅÅÅ/);
  });
});
