/**
 * The contract between `npm run bench` (bench/run-all.ts) and each benchmark suite. A suite is a
 * module exporting `suite: Suite`; it is registered in bench/suites.ts and run in a child process
 * of its own (so one suite's heap, JIT state and open handles never colour the next one's figures).
 */

/** Units the markdown renderer knows how to print. */
export type Unit = 'ns' | 'µs' | 'ms' | 's' | 'B' | 'KiB' | 'MiB' | '/s' | 'req/s' | 'rows/s' | '×' | '%' | '';

/** Summary of at least five runs of one figure. */
export interface Stats {
  readonly n: number;
  readonly min: number;
  readonly median: number;
  readonly max: number;
}

/** A measured figure with its unit. */
export interface Figure {
  readonly stats: Stats;
  readonly unit: Unit;
}

/** A goal the issue sets for a figure, and whether this run met it. */
export interface Goal {
  /** The goal as the issue states it, e.g. "≤ 5× DuckDB". */
  readonly text: string;
  readonly met: boolean;
  /** When missed: by how much and why (shown in the table; the table must be honest). */
  readonly detail?: string;
}

/** One line of a suite's table: our figure, optionally beside a peer's, with the per-pair ratio. */
export interface Row {
  readonly measure: string;
  readonly ours: Figure;
  readonly peer?: { readonly name: string; readonly figure: Figure };
  /**
   * The ratio computed per interleaved pair (ours_i ÷ peer_i unless the label says otherwise),
   * summarised over the pairs — never the ratio of two medians.
   */
  readonly ratio?: { readonly label: string; readonly figure: Figure };
  readonly goal?: Goal;
}

/** What a suite hands back to the runner. */
export interface SuiteResult {
  /** Section heading in bench/results.md. */
  readonly title: string;
  /** Markdown paragraphs before the table: what was measured, on what data, how the peers were set up. */
  readonly intro: readonly string[];
  readonly rows: readonly Row[];
  /** Markdown bullets after the table: caveats, definitions, why a goal was missed. */
  readonly notes: readonly string[];
  /** Further markdown (suite-specific tables), printed after the notes. */
  readonly extra?: string;
  /** When the suite could not run at all (e.g. PostgreSQL unreachable): why; rows may be empty. */
  readonly skipped?: string;
  /** Correctness checks that failed (e.g. a peer's answer or total differs from ours): the run exits non-zero. */
  readonly failures: readonly string[];
}

/** Options every suite honours. */
export interface SuiteOptions {
  /** CI-sized: smaller data, fewer/shorter runs (still ≥ 5 runs per figure); the whole run a minute or two. */
  readonly quick: boolean;
}

/** A benchmark suite. */
export interface Suite {
  /** Short name used on the command line (`npm run bench -- --only=<name>`) and in the registry. */
  readonly name: string;
  run(opts: SuiteOptions): Promise<SuiteResult>;
}
