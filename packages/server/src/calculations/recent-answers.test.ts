import { describe, expect, it } from 'vitest';
import type { Agreement, IndexSeries } from '@samverkan/core';
import type { CalculationReference } from '../reference/reference-cache.js';
import { MAX_PRICE_ANSWERS, priceAnswers, RecentAnswers } from './recent-answers.js';

// The cache only uses the reference object's identity; its contents are never read here.
const reference = (): CalculationReference => ({ agreement: {} as Agreement, index: {} as IndexSeries });

describe('recent answers', () => {
  it('computes an answer once per key and reference, then sends the same bytes', () => {
    const answers = new RecentAnswers(10);
    const ref = reference();
    let calls = 0;
    const answer = (): unknown => {
      calls++;
      return { amountOre: 100, text: 'åäö' };
    };
    const first = answers.bytes(ref, 'k', answer);
    const second = answers.bytes(ref, 'k', answer);
    expect(calls).toBe(1);
    expect(second).toBe(first);
    expect(JSON.parse(first.toString('utf8'))).toEqual({ amountOre: 100, text: 'åäö' });
    answers.bytes(ref, 'other', answer);
    expect(calls).toBe(2);
  });

  it('starts empty for a new reference version (a recorded value makes a new reference object)', () => {
    const answers = new RecentAnswers(10);
    const before = reference();
    const after = reference();
    answers.bytes(before, 'k', () => ({ rateOre: 1 }));
    const fresh = answers.bytes(after, 'k', () => ({ rateOre: 2 }));
    expect(JSON.parse(fresh.toString('utf8'))).toEqual({ rateOre: 2 });
    expect(answers.size(after)).toBe(1);
  });

  it('keeps at most its bound, dropping the least recently used', () => {
    const answers = new RecentAnswers(3);
    const ref = reference();
    for (const k of ['a', 'b', 'c']) answers.bytes(ref, k, () => k);
    answers.bytes(ref, 'a', () => 'again'); // a used: b is now the oldest
    answers.bytes(ref, 'd', () => 'd');
    expect(answers.size(ref)).toBe(3);
    let recomputed = 0;
    answers.bytes(ref, 'b', () => {
      recomputed++;
      return 'b';
    });
    expect(recomputed).toBe(1);
    expect(answers.bytes(ref, 'a', () => 'not used').toString()).toBe('"a"');
  });

  it('remembers nothing when the calculation refuses the input', () => {
    const answers = new RecentAnswers(3);
    const ref = reference();
    expect(() =>
      answers.bytes(ref, 'bad', () => {
        throw new Error('tolkningen finns inte');
      }),
    ).toThrow('tolkningen finns inte');
    expect(answers.size(ref)).toBe(0);
  });

  it('refuses a bound that is not a positive integer', () => {
    expect(() => new RecentAnswers(0)).toThrow();
    expect(() => new RecentAnswers(1.5)).toThrow();
  });

  it('bounds the price answers below the distinct bodies the API bench rotates', () => {
    // bench/api rotates 2 000 distinct bodies so that its varied case never hits this cache.
    expect(MAX_PRICE_ANSWERS).toBeLessThan(2000);
    expect(priceAnswers).toBeInstanceOf(RecentAnswers);
  });
});
