/**
 * Interleaved paired runs: A B A B … so that drift in the machine's load (other processes, thermal
 * state, the GC's mood) hits both sides alike, and the ratio is computed within each pair.
 */
import { stats } from './stats.js';
import type { Stats } from './suite.js';

/** At least this many runs per figure (issue 11: min/median/max over ≥ 5 runs). */
export const MIN_RUNS = 5;

/** One side of a pair: runs once and returns its measured value (elapsed ms, req/s, ns per op …). */
export type Measured = () => number | Promise<number>;

/** The raw values of a paired run and their summaries. */
export interface PairedResult {
  readonly a: readonly number[];
  readonly b: readonly number[];
  /** a_i ÷ b_i for each pair. */
  readonly ratio: readonly number[];
  readonly aStats: Stats;
  readonly bStats: Stats;
  readonly ratioStats: Stats;
}

/**
 * Run `a` and `b` alternately `runs` times (after `warmup` unmeasured pairs) and return each
 * side's values and the per-pair ratio a ÷ b. Runs are strictly sequential.
 */
export async function paired(
  a: Measured,
  b: Measured,
  options: { readonly runs: number; readonly warmup?: number },
): Promise<PairedResult> {
  const runs = Math.max(MIN_RUNS, options.runs);
  for (let i = 0; i < (options.warmup ?? 0); i++) {
    await a();
    await b();
  }
  const av: number[] = [];
  const bv: number[] = [];
  for (let i = 0; i < runs; i++) {
    av.push(await a());
    bv.push(await b());
  }
  const ratio = av.map((x, i) => x / (bv[i] ?? Number.NaN));
  return { a: av, b: bv, ratio, aStats: stats(av), bStats: stats(bv), ratioStats: stats(ratio) };
}

/** The values of each contestant over the rounds of `interleaved`. */
export type RoundsResult<K extends string> = Readonly<Record<K, readonly number[]>>;

/**
 * Several contestants in rounds: each round runs every contestant once, in the given order
 * (A B C A B C …), so a ratio between any two can be computed within each round (`ratios`).
 */
export async function interleaved<K extends string>(
  contestants: Readonly<Record<K, Measured>>,
  options: { readonly runs: number; readonly warmup?: number; readonly onRound?: (round: number) => void },
): Promise<RoundsResult<K>> {
  const keys = Object.keys(contestants) as K[];
  const runs = Math.max(MIN_RUNS, options.runs);
  for (let i = 0; i < (options.warmup ?? 0); i++) for (const k of keys) await contestants[k]();
  const out = Object.fromEntries(keys.map((k) => [k, [] as number[]])) as Record<K, number[]>;
  for (let i = 0; i < runs; i++) {
    for (const k of keys) out[k].push(await contestants[k]());
    options.onRound?.(i);
  }
  return out;
}

/** a_i ÷ b_i for each round. */
export function ratios(a: readonly number[], b: readonly number[]): number[] {
  if (a.length !== b.length) throw new Error('ratios of runs of different lengths');
  return a.map((x, i) => x / (b[i] ?? Number.NaN));
}

/** Repeat one measurement (no peer) `runs` times after `warmup` unmeasured runs. */
export async function repeated(
  f: Measured,
  options: { readonly runs: number; readonly warmup?: number },
): Promise<{ readonly values: readonly number[]; readonly stats: Stats }> {
  const runs = Math.max(MIN_RUNS, options.runs);
  for (let i = 0; i < (options.warmup ?? 0); i++) await f();
  const values: number[] = [];
  for (let i = 0; i < runs; i++) values.push(await f());
  return { values, stats: stats(values) };
}

/** Elapsed wall time of `f` in milliseconds. */
export async function timeMs(f: () => unknown): Promise<number> {
  const t = process.hrtime.bigint();
  await f();
  return Number(process.hrtime.bigint() - t) / 1e6;
}

/** Elapsed wall time of a synchronous `f` in milliseconds (no await between start and stop). */
export function timeMsSync(f: () => unknown): number {
  const t = process.hrtime.bigint();
  f();
  return Number(process.hrtime.bigint() - t) / 1e6;
}

/** A full collection when node runs with --expose-gc (the runner passes it), so runs start alike. */
export function collect(): void {
  const g = (globalThis as { gc?: () => void }).gc;
  if (g) g();
}
