/** Per-pair-per-month totals, the figure both sides compute (ours from the store, DuckDB from the CSV). */

/** One seller → buyer pair in one month: what its daytime assignments bill, in öre. */
export interface PairTotal {
  readonly seller: string;
  readonly buyer: string;
  readonly period: string;
  readonly ore: number;
  readonly records: number;
}

/** The hourly rate both sides price with (the indexed rate is the billing run's; here the minutes are compared). */
export const BENCH_RATE_ORE = 66_000;

function key(t: PairTotal): string {
  return `${t.seller}→${t.buyer} ${t.period}`;
}

/** Differences between two sets of totals, in words (empty when identical to the öre). */
export function totalsDiffer(ours: readonly PairTotal[], peer: readonly PairTotal[]): string[] {
  const theirs = new Map(peer.map((t) => [key(t), t]));
  const out: string[] = [];
  for (const t of ours) {
    const p = theirs.get(key(t));
    theirs.delete(key(t));
    if (p === undefined) out.push(`${key(t)}: ours ${String(t.ore)} öre, DuckDB has no such pair`);
    else if (p.ore !== t.ore || p.records !== t.records)
      out.push(
        `${key(t)}: ours ${String(t.ore)} öre/${String(t.records)} records, DuckDB ${String(p.ore)} öre/${String(p.records)} records`,
      );
  }
  for (const p of theirs.values()) out.push(`${key(p)}: DuckDB ${String(p.ore)} öre, ours has no such pair`);
  return out;
}
