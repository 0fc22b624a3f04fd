import { describe, expect, it } from 'vitest';
import { EMPTY_INDEX_SERIES } from '../indexation/index-series.js';
import { caught, data, exampleIndex } from './economy.testkit.js';
import { priceQuote } from './price-quote.js';

describe('priceQuote', () => {
  it('prices each flow at its 2025 base rate without an index', () => {
    expect(priceQuote(data(), 'dagtid', 2025, 61, EMPTY_INDEX_SERIES)).toMatchObject({
      rateOre: 64000,
      billedMinutes: 120,
      amountOre: 128000,
    });
    expect(priceQuote(data(), 'synhorsel', 2025, 60, EMPTY_INDEX_SERIES)).toMatchObject({
      rateOre: 33800,
      billedMinutes: 60,
      amountOre: 33800,
    });
    expect(priceQuote(data(), 'mt', 2025, 61, EMPTY_INDEX_SERIES)).toMatchObject({ rateOre: 112300, billedMinutes: 61, amountOre: 114172 });
  });

  it('uses the indexed rate and the I7 option for MT', () => {
    expect(priceQuote(data(), 'mt', 2026, 61, exampleIndex, { I7: 'quarter-hour' })).toMatchObject({
      rateOre: 115600,
      billedMinutes: 75,
      amountOre: 144500,
    });
  });

  it('errors on a missing index year and on negative minutes', () => {
    expect(caught(() => priceQuote(data(), 'dagtid', 2026, 60, EMPTY_INDEX_SERIES)).message).toContain('VPI för år 2026');
    expect(caught(() => priceQuote(data(), 'synhorsel', 2025, -1, EMPTY_INDEX_SERIES)).location.field).toBe('--minutes');
  });
});
