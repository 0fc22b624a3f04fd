/**
 * Latency bounds for "other requests are still answered while something heavy runs" on a loaded
 * two-core CI machine, where any single request can lose a scheduler slice or a GC pause to the
 * other test files. The bound is on the typical answer (the 95th percentile) plus a ceiling for
 * the worst one; a request queued behind one long transaction (the 28–31 s `/auth/me` of issue 9)
 * breaks both.
 */

/** The `p`-th percentile (0–100, nearest rank) of `samples`. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) throw new Error('no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1] ?? Number.NaN;
}

/** What `latencyProblem` measures against. */
export interface LatencyBounds {
  /** The 95th percentile must stay under this (ms). */
  readonly p95Ms: number;
  /** No single answer may take longer (ms). */
  readonly maxMs: number;
}

/**
 * Bounds for answers during an import or upload: 2 s typical, 5 s worst. On a quiet machine the
 * answers take tens of milliseconds; under a load average of 19 on two cores (other test files and
 * engineers) SQLite's chunked import measured p95 1.4 s, max 1.8 s, which is what the margin is for.
 */
export const RESPONSIVE: LatencyBounds = { p95Ms: 2000, maxMs: 5000 };

/** How `samples` break `bounds` (for the failure message), or undefined when they keep them. */
export function latencyProblem(samples: readonly number[], bounds: LatencyBounds = RESPONSIVE): string | undefined {
  const p95 = percentile(samples, 95);
  const max = Math.max(...samples);
  if (p95 < bounds.p95Ms && max < bounds.maxMs) return undefined;
  return `p95 ${p95.toFixed(0)} ms (bound ${String(bounds.p95Ms)}), max ${max.toFixed(0)} ms (bound ${String(bounds.maxMs)}) over ${String(samples.length)} samples`;
}
