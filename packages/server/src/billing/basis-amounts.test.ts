/**
 * Every amount of a basis is checked before it is stored, so any stored basis can be credited:
 * line amounts and unit prices, the total and its negation are safe integers, and the total is
 * the exact sum of the lines (summed in BigInt, so an overflowing sum is caught, not rounded).
 */
import { describe, expect, it } from 'vitest';
import { SamverkanError } from '@samverkan/core';
import { checkAmounts, type NewLine } from './basis-store.js';

const line = (amountOre: number, unitPriceOre = amountOre): NewLine => ({
  description: 'rad',
  quantity: '1',
  unit: 'lump-sum',
  unitPriceOre,
  amountOre,
  baseQuantity: 1,
  category: 'c',
  clause: null,
  date: null,
  reference: null,
  creditsLineId: null,
  steps: [],
  billingKey: null,
  recordId: null,
});

function refusal(fn: () => void): SamverkanError {
  try {
    fn();
  } catch (e) {
    if (e instanceof SamverkanError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

const MAX = Number.MAX_SAFE_INTEGER;

describe('amounts are checked before a basis is stored', () => {
  it('accepts safe amounts whose total is their sum, up to the largest safe total', () => {
    expect(() => {
      checkAmounts({ flow: 'f', period: 'p', totalOre: 300, lines: [line(100), line(200)] });
    }).not.toThrow();
    expect(() => {
      checkAmounts({ flow: 'f', period: 'p', totalOre: MAX, lines: [line(MAX - 1), line(1)] });
    }).not.toThrow();
    expect(() => {
      checkAmounts({ flow: 'f', period: 'p', totalOre: -MAX, lines: [line(-MAX)] });
    }).not.toThrow();
  });

  it('refuses an unsafe line amount or unit price, naming the line', () => {
    const e = refusal(() => {
      checkAmounts({ flow: 'f', period: 'p', totalOre: 1, lines: [line(1), line(MAX + 2)] });
    });
    expect(e.code).toBe('SAMV_ERR_NOT_INTEGER_ORE');
    expect(e.location.field).toBe('rader[1].belopp');
    expect(e.message).toContain('rad 2.belopp');
    expect(
      refusal(() => {
        checkAmounts({ flow: 'f', period: 'p', totalOre: 1, lines: [line(1, 0.5)] });
      }).location.field,
    ).toBe('rader[0].á-pris');
  });

  it('refuses a total that overflows (two cost regulations at MAX_SAFE_INTEGER) or is not the sum of the lines', () => {
    const overflow = refusal(() => {
      checkAmounts({ flow: 'cost-regulation', period: '2026-12', totalOre: MAX + MAX, lines: [line(MAX), line(MAX)] });
    });
    expect(overflow.code).toBe('SAMV_ERR_NOT_INTEGER_ORE');
    expect(overflow.location.field).toBe('summa');
    expect(overflow.message).toContain('Fakturaunderlaget (cost-regulation 2026-12)');
    const wrong = refusal(() => {
      checkAmounts({ flow: 'f', period: 'p', totalOre: 299, lines: [line(100), line(200)] });
    });
    expect(wrong.message).toContain('inte radernas summa 300 öre');
  });
});
