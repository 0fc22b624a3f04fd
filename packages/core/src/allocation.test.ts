import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { allocateLargestRemainder } from './allocation.js';
import { rational } from './decimal.js';
import { ore } from './money.js';

describe('allocateLargestRemainder', () => {
  it('splits 100 öre in three equal parts with the alphabetical tie-break', () => {
    const parts = allocateLargestRemainder(ore(100), [
      { key: 'c', label: 'Östersund', weight: rational(1n) },
      { key: 'a', label: 'Berg', weight: rational(1n) },
      { key: 'b', label: 'Åre', weight: rational(1n) },
    ]);
    // Swedish collation: Berg < Åre < Östersund; Berg gets the extra öre.
    expect(parts.map((p) => [p.label, p.amountOre])).toEqual([
      ['Östersund', 33],
      ['Berg', 34],
      ['Åre', 33],
    ]);
  });

  it('gives a tied remainder to the larger weight first', () => {
    const parts = allocateLargestRemainder(ore(3), [
      { key: 'small', label: 'A', weight: rational(1n) },
      { key: 'big', label: 'B', weight: rational(3n) },
      { key: 'mid', label: 'C', weight: rational(2n) },
    ]);
    expect(parts.reduce((s, p) => s + p.amountOre, 0)).toBe(3);
  });

  it('splits negative totals symmetrically', () => {
    const parts = allocateLargestRemainder(ore(-100), [
      { key: 'a', label: 'A', weight: rational(1n) },
      { key: 'b', label: 'B', weight: rational(2n) },
    ]);
    expect(parts.map((p) => p.amountOre)).toEqual([-33, -67]);
  });

  it('refuses an empty key, negative weights and all-zero weights in Swedish', () => {
    expect(() => allocateLargestRemainder(ore(1), [])).toThrow(/tom/);
    expect(() => allocateLargestRemainder(ore(1), [{ key: 'a', label: 'A', weight: rational(-1n) }])).toThrow(/negativ/);
    expect(() => allocateLargestRemainder(ore(1), [{ key: 'a', label: 'A', weight: rational(0n) }])).toThrow(/noll/);
  });

  it('parts always sum to the total and differ from the exact share by less than one öre', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -(10 ** 12), max: 10 ** 12 }),
        fc.array(fc.tuple(fc.bigInt({ min: 0n, max: 10n ** 9n }), fc.bigInt({ min: 1n, max: 10n ** 6n })), { minLength: 1, maxLength: 12 }),
        (total, ws) => {
          fc.pre(ws.some(([n]) => n > 0n));
          const weights = ws.map(([n, d], i) => ({ key: `k${i}`, label: `K${i}`, weight: rational(n, d) }));
          const parts = allocateLargestRemainder(ore(total), weights);
          expect(parts.reduce((s, p) => s + BigInt(p.amountOre), 0n)).toBe(BigInt(total));
          for (const p of parts) {
            // |amount − total × share| < 1  ⇔  |amount × den − total × num| < den
            const diff = BigInt(p.amountOre) * p.share.den - BigInt(total) * p.share.num;
            expect((diff < 0n ? -diff : diff) < p.share.den).toBe(true);
          }
        },
      ),
    );
  });
});
