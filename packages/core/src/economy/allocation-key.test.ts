import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addRational, rational, type Rational } from '../decimal.js';
import { ore } from '../money.js';
import { allocateByKey, keyShares, type AllocationKey } from './allocation-key.js';
import { data } from './economy.testkit.js';

const codes = () => data().municipalities.map((m) => m.code);

function key(factors: { weight: Rational; values: number[] }[]): AllocationKey {
  return {
    id: 'k',
    title: 'Testnyckel',
    example: true,
    factors: factors.map((f, i) => ({
      id: `f${String(i)}`,
      name: `Faktor ${String(i)}`,
      weight: f.weight,
      measure: 'mått',
      source: 'test',
      values: new Map(codes().map((c, j) => [c, rational(BigInt(f.values[j] ?? 0))])),
    })),
  };
}

describe('allocation key (three-factor model)', () => {
  it('share_k = Σ_f w_f × m_kf / Σ_j m_jf, exactly', () => {
    // Berg: 0,5 × 1/8 + 0,5 × 3/10 = 17/80; the other seven share the rest.
    const k = key([
      { weight: rational(1n, 2n), values: [1, 1, 1, 1, 1, 1, 1, 1] },
      { weight: rational(1n, 2n), values: [3, 1, 1, 1, 1, 1, 1, 1] },
    ]);
    const shares = keyShares(k, data().municipalities);
    expect(shares[0]).toEqual({ code: '2326', name: 'Berg', share: { num: 17n, den: 80n } });
    expect(shares.reduce((s, x) => addRational(s, x.share), rational(0n))).toEqual({ num: 1n, den: 1n });
  });

  it('splits sum exactly to the total and each part is within one öre of its exact share (property)', () => {
    const measures = fc.array(fc.integer({ min: 0, max: 100_000 }), { minLength: 8, maxLength: 8 }).filter((xs) => xs.some((x) => x > 0));
    fc.assert(
      fc.property(
        measures,
        measures,
        measures,
        fc.integer({ min: 0, max: 10 }),
        fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }),
        (a, b, c, w, total) => {
          // weights w/10, (10 − w)/20, (10 − w)/20 sum to 1
          const k = key([
            { weight: rational(BigInt(w), 10n), values: a },
            { weight: rational(BigInt(10 - w), 20n), values: b },
            { weight: rational(BigInt(10 - w), 20n), values: c },
          ]);
          const parts = allocateByKey(ore(total), k, data().municipalities);
          expect(parts.reduce((s, p) => s + p.amountOre, 0)).toBe(total);
          const shares = keyShares(k, data().municipalities);
          parts.forEach((p, i) => {
            const s = shares[i]!.share;
            const diff = BigInt(p.amountOre) * s.den - BigInt(total) * s.num;
            expect(diff < s.den && -diff < s.den).toBe(true);
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});
