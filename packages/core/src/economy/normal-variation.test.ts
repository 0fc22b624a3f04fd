import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { caught, data, withOptionValues } from './economy.testkit.js';
import { isqrt, normalVariation, type YearCount } from './normal-variation.js';

const counts = (xs: readonly number[], from = 2019): YearCount[] => xs.map((count, i) => ({ year: from + i, count }));

describe('normal variation (TILL.grundforutsattningar, I12)', () => {
  it('example counts 2019–2024 give the agreement’s 129–169', () => {
    const r = normalVariation(data(), counts([135, 142, 151, 159, 161, 146]));
    expect(r).toMatchObject({ n: 6, mean: '149', sd: '10.02', lower: 129, upper: 169, multiplier: '2' });
    expect(r.trace.interpretations).toEqual([
      { id: 'I12', option: 'mean-2-sample-sd' },
      { id: 'I13', option: 'unique-during-year' },
    ]);
    expect(r.trace.steps.map((s) => s.id)).toEqual(['antal-ar', 'medelvarde', 'varians', 'standardavvikelse', 'nedre-grans', 'ovre-grans']);
  });

  it('uses the sample standard deviation (n − 1), not the population one', () => {
    // [10, 20]: sample sd = 7,0711 (bounds 0 and 29); population sd = 5 would give 5 and 25.
    const r = normalVariation(data(), counts([10, 20]));
    expect(r.sd).toBe('7.0711');
    expect([r.lower, r.upper]).toEqual([1, 29]);
  });

  it('rounds a bound at exactly x,5 up: [164, 142, 140, 152] → 127,5 and 171,5 → 128–172', () => {
    const r = normalVariation(data(), counts([164, 142, 140, 152]));
    expect(r.sd).toBe('11');
    expect([r.lower, r.upper]).toEqual([128, 172]);
  });

  it('is exact where floats drift: bound 51 195 305,5 exactly (a float formula gives 51 195 305,497…)', () => {
    // mean 51 195 563,5, sd 129; the textbook float formula (Σx² − (Σx)²/n)/(n − 1) misses the tie.
    const xs = [51195743, 51195571, 51195479, 51195461];
    const r = normalVariation(data(), counts(xs));
    expect([r.lower, r.upper]).toEqual([51195306, 51195822]);
    const n = xs.length;
    const s = xs.reduce((a, b) => a + b, 0);
    const q = xs.reduce((a, b) => a + b * b, 0);
    const floatLower = Math.round(s / n - 2 * Math.sqrt((q - (s * s) / n) / (n - 1)));
    expect(floatLower).not.toBe(r.lower);
  });

  it('reads the multiplier from the I12 option', () => {
    const r = normalVariation(withOptionValues('I12', 'mean-2-sample-sd', { sdMultiplier: 3 }), counts([135, 142, 151, 159, 161, 146]));
    expect([r.lower, r.upper]).toEqual([119, 179]);
  });

  it('refuses fewer than two years, repeated years and negative counts', () => {
    expect(caught(() => normalVariation(data(), counts([150]))).message).toContain('Minst två');
    expect(
      caught(() =>
        normalVariation(data(), [
          { year: 2020, count: 1 },
          { year: 2020, count: 2, file: 'c.csv', line: 3 },
        ]),
      ).message,
    ).toContain('c.csv rad 3');
    expect(caught(() => normalVariation(data(), counts([150, -1]))).location.field).toBe('antal');
  });

  it('matches the definition: lower ≤ mean ≤ upper and each bound is the nearest integer (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 2000 }), { minLength: 2, maxLength: 12 }), (xs) => {
        const r = normalVariation(data(), counts(xs, 2000));
        const n = xs.length;
        const mean = xs.reduce((a, b) => a + b, 0) / n;
        const sd = Math.sqrt(xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (n - 1));
        expect(Math.abs(r.upper - (mean + 2 * sd))).toBeLessThanOrEqual(0.5 + 1e-9);
        expect(Math.abs(r.lower - Math.max(0, mean - 2 * sd))).toBeLessThanOrEqual(0.5 + 1e-9);
      }),
    );
  });

  it('isqrt is the exact floor square root', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 40n }), (n) => {
        const r = isqrt(n);
        expect(r * r <= n && (r + 1n) * (r + 1n) > n).toBe(true);
      }),
    );
  });
});
