import { describe, expect, it } from 'vitest';
import { interleaved, paired, ratios } from './paired.js';
import { stats } from './stats.js';
import { suiteMarkdown } from './markdown.js';
import { num, withUnit } from './format.js';

describe('bench harness', () => {
  it('summarises runs as min/median/max (median of an even count is the mean of the middle two)', () => {
    expect(stats([5, 1, 3])).toEqual({ n: 3, min: 1, median: 3, max: 5 });
    expect(stats([4, 1, 3, 2])).toEqual({ n: 4, min: 1, median: 2.5, max: 4 });
    expect(() => stats([])).toThrow();
  });

  it('runs pairs A B A B … at least five times and takes the ratio within each pair', async () => {
    const order: string[] = [];
    let a = 0;
    let b = 0;
    const r = await paired(
      () => {
        order.push('A');
        return (a += 10);
      },
      () => {
        order.push('B');
        return (b += 1);
      },
      { runs: 2, warmup: 1 },
    );
    expect(order.join('')).toBe('AB'.repeat(6));
    // The warm-up pair is not counted: a = 20, 30, …; b = 2, 3, ….
    expect(r.a).toEqual([20, 30, 40, 50, 60]);
    expect(r.ratio).toEqual([10, 10, 10, 10, 10]);
    expect(r.ratioStats.median).toBe(10);
  });

  it('runs several contestants in rounds and refuses ratios of unequal runs', async () => {
    const order: string[] = [];
    const r = await interleaved(
      { x: () => (order.push('x'), 2), y: () => (order.push('y'), 4), z: () => (order.push('z'), 8) },
      { runs: 5 },
    );
    expect(order.join('')).toBe('xyz'.repeat(5));
    expect(ratios(r.z, r.x)).toEqual([4, 4, 4, 4, 4]);
    expect(() => ratios([1], [1, 2])).toThrow();
  });

  it('renders a missed goal as missed, with by how much', () => {
    const md = suiteMarkdown(
      {
        title: 'T',
        intro: ['about'],
        rows: [
          { measure: 'm', ours: { stats: stats([1, 2, 3, 4, 5]), unit: 'ms' }, goal: { text: '≤ 1 ms', met: false, detail: '3× over' } },
        ],
        notes: ['a note'],
        failures: ['peer differs'],
      },
      'context',
    );
    expect(md).toContain('| m | **3.00 ms** (1.00 ms – 5.00 ms) | – | – | ❌ **missed**: ≤ 1 ms — 3× over |');
    expect(md).toContain('**Correctness checks FAILED:**');
    expect(num(1234567)).toBe('1 234 567');
    expect(withUnit(0.5, '%')).toBe('50.0 %');
  });
});
