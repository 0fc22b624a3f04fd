import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ore } from '../money.js';
import { caught } from './economy.testkit.js';
import { priceProRata, priceStartedHours, requireMinutes, roundUpToIncrement, startedHours } from './hourly-pricing.js';

describe('started hours (påbörjad timme)', () => {
  it('bills ceil(minutes / 60): 61 minutes are 2 hours', () => {
    expect([0, 1, 59, 60, 61, 120, 121].map((m) => startedHours(m))).toEqual([0, 1, 1, 1, 2, 2, 3]);
    expect(priceStartedHours(61, ore(65900))).toEqual({ billedHours: 2, billedMinutes: 120, amountOre: 131800 });
  });

  it('refuses negative and non-integer minutes, naming the field', () => {
    const neg = caught(() => startedHours(-5, 'uppdrag[0].insatstid'));
    expect(neg.code).toBe('SAMV_ERR_INVALID_INPUT');
    expect(neg.message).toContain('uppdrag[0].insatstid');
    expect(neg.message).toContain('negativt');
    expect(caught(() => requireMinutes(1.5, '--minutes')).message).toContain('--minutes');
    expect(caught(() => requireMinutes(Number.NaN, 'minuter')).location.field).toBe('minuter');
  });

  it('never bills less than the time, and less than one hour more (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 1, max: 500_000 }), (m, rate) => {
        const p = priceStartedHours(m, ore(rate));
        expect(p.billedMinutes).toBeGreaterThanOrEqual(m);
        expect(p.billedMinutes - m).toBeLessThan(60);
        expect(p.amountOre).toBe(p.billedHours * rate);
        expect(p.amountOre * 60).toBeGreaterThanOrEqual(m * rate);
      }),
    );
  });
});

describe('MT pro-rata pricing (I7)', () => {
  it('actual-minutes (increment 1): 37 min × 1 156 kr / 60 = 712,866… → 712,87 kr', () => {
    expect(priceProRata(37, ore(115600), 1)).toEqual({ billedMinutes: 37, amountOre: 71287 });
  });

  it('quarter-hour (increment 15): 37 min → 45 min → 867,00 kr', () => {
    expect(priceProRata(37, ore(115600), 15)).toEqual({ billedMinutes: 45, amountOre: 86700 });
    expect(roundUpToIncrement(45, 15)).toBe(45);
    expect(roundUpToIncrement(46, 15)).toBe(60);
  });

  it('rounds half-up to öre and never bills less than the time (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 1, max: 500_000 }), fc.constantFrom(1, 15), (m, rate, inc) => {
        const p = priceProRata(m, ore(rate), inc);
        expect(p.billedMinutes).toBeGreaterThanOrEqual(m);
        expect(p.billedMinutes - m).toBeLessThan(inc);
        // |amount − billed × rate / 60| ≤ ½ öre
        expect(Math.abs(p.amountOre * 60 - p.billedMinutes * rate)).toBeLessThanOrEqual(30);
      }),
    );
  });
});
