import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { divRound, roundToStep } from './rounding.js';

describe('divRound', () => {
  it.each([
    [5n, 2n, 'half-up', 3n],
    [-5n, 2n, 'half-up', -3n],
    [5n, 2n, 'half-even', 2n],
    [7n, 2n, 'half-even', 4n],
    [-7n, 2n, 'half-even', -4n],
    [7n, 3n, 'floor', 2n],
    [-7n, 3n, 'floor', -3n],
    [7n, 3n, 'ceil', 3n],
    [-7n, 3n, 'ceil', -2n],
    [-7n, 3n, 'toward-zero', -2n],
    [4n, 3n, 'half-up', 1n],
    [6n, -4n, 'half-up', -2n],
  ] as const)('%s / %s with %s = %s', (n, d, mode, expected) => {
    expect(divRound(n, d, mode)).toBe(expected);
  });

  it('refuses division by zero', () => {
    expect(() => divRound(1n, 0n, 'half-up')).toThrow(RangeError);
  });

  it('every mode lands within one unit of the exact quotient and floor ≤ result ≤ ceil', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), fc.bigInt({ min: 1n, max: 10n ** 6n }), (n, d) => {
        const lo = divRound(n, d, 'floor');
        const hi = divRound(n, d, 'ceil');
        expect(lo * d <= n && n <= hi * d).toBe(true);
        for (const mode of ['half-up', 'half-even', 'toward-zero'] as const) {
          const r = divRound(n, d, mode);
          expect(r >= lo && r <= hi).toBe(true);
        }
      }),
    );
  });
});

describe('roundToStep', () => {
  it('rounds öre to whole kronor half-up', () => {
    expect(roundToStep(65_950n, 100n, 'half-up')).toBe(66_000n);
    expect(roundToStep(65_949n, 100n, 'half-up')).toBe(65_900n);
  });
});
