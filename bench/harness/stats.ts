/** Min/median/max of repeated measurements. */
import type { Stats } from './suite.js';

/** Summarise the values of repeated runs (the median of an even count is the mean of the middle two). */
export function stats(values: readonly number[]): Stats {
  if (values.length === 0) throw new Error('stats of no values');
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  const median = s.length % 2 === 1 ? (s[mid] ?? Number.NaN) : ((s[mid - 1] ?? Number.NaN) + (s[mid] ?? Number.NaN)) / 2;
  return { n: s.length, min: s[0] ?? Number.NaN, median, max: s[s.length - 1] ?? Number.NaN };
}

/** The same statistics after mapping each value (e.g. ms per run → ns per situation). */
export function mapStats(s: Stats, f: (v: number) => number): Stats {
  const a = f(s.min);
  const b = f(s.max);
  return { n: s.n, min: Math.min(a, b), median: f(s.median), max: Math.max(a, b) };
}
