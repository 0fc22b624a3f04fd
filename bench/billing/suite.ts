/**
 * Billing benchmark (issue 11, point 3): a month of daytime assignments billed by
 * `startBillingRun` (the code behind `POST /api/v1/billing-runs`), one month after the other on
 * one store, with a full GC before and after each run: the run's wall and CPU time, records per
 * second, the size of its answer as JSON, and the heap and RSS after each run against the
 * baseline before the first — memory that does not come back shows as growth from run to run.
 * The same months are billed on PostgreSQL too when it answers, alternating with SQLite month by
 * month (SQLite, PostgreSQL, SQLite, …), so both see the same load of the machine.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBillingRun } from '@samverkan/server/dist/billing/run-store.js';
import { collect, timeMs } from '../harness/paired.js';
import { stats } from '../harness/stats.js';
import type { Row, Stats, Suite, SuiteOptions, SuiteResult } from '../harness/suite.js';
import { postgresDatabase, postgresUnavailable, type BenchDatabase } from '../sqlite-vs-postgres/databases.js';
import { insertMonth, openBillingStore, openBillingStoreWith, type BillingStore } from './month.js';

const MiB = 2 ** 20;
const TIME_GOAL_MS = 2000;
/** Heap after GC may differ by this much from the baseline and still count as "back". */
const HEAP_TOLERANCE_MIB = 32;
const region = {
  id: 'u-region',
  username: 'ekonom.region',
  displayName: 'Regionekonom',
  role: 'region_economist',
  municipality: null,
} as const;
const MONTHS = ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06'] as const;

/** One database's figures over the measured months. */
interface Measured {
  readonly name: 'SQLite' | 'PostgreSQL';
  readonly times: number[];
  readonly cpu: number[];
  readonly bytes: number[];
  readonly heapAfter: number[];
  readonly rssAfter: number[];
  baselineHeap: number;
  baselineRss: number;
  linesBefore: number;
}

function measured(name: Measured['name']): Measured {
  return { name, times: [], cpu: [], bytes: [], heapAfter: [], rssAfter: [], baselineHeap: 0, baselineRss: 0, linesBefore: 0 };
}

async function countLines(b: BillingStore): Promise<number> {
  const r = await b.store.db
    .selectFrom('invoice_lines')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Bill `month` on `b`, recording time, CPU, answer size and the memory after a full GC. */
async function billMonth(b: BillingStore, m: string, into: Measured, failures: string[]): Promise<void> {
  let answer = '';
  const cpuBefore = process.cpuUsage();
  into.times.push(
    await timeMs(async () => {
      const r = await startBillingRun(b.store, b.agreement, region, { flow: 'dagtid', period: m });
      answer = JSON.stringify(r);
      if (!r.created) failures.push(`${into.name} ${m}: no run was made`);
    }),
  );
  const used = process.cpuUsage(cpuBefore);
  into.cpu.push((used.user + used.system) / 1000);
  into.bytes.push(Buffer.byteLength(answer));
  answer = '';
  collect();
  into.heapAfter.push(process.memoryUsage().heapUsed / MiB);
  into.rssAfter.push(process.memoryUsage().rss / MiB);
}

const kSv = (n: number): string => n.toLocaleString('sv-SE');

function timeGoal(t: Stats, cpu: Stats, n: number): Row['goal'] {
  // --quick bills fewer records: the goal is judged on the time scaled linearly to 100 000.
  const at100k = (t.median * 100_000) / n;
  const cpuAt100k = (cpu.median * 100_000) / n;
  const text = n === 100_000 ? '< 2 s' : `< 2 s for 100 000 records (scaled linearly from ${kSv(n)}: ${(at100k / 1000).toFixed(1)} s)`;
  if (at100k < TIME_GOAL_MS) return { text, met: true };
  const waited = at100k - cpuAt100k;
  // Wall above CPU: the process waited (for a core of the shared machine, the disk). CPU above
  // wall: other threads of this process (V8's parallel GC, libuv) worked beside the main thread.
  const rest =
    waited >= 0
      ? `the other ${(waited / 1000).toFixed(1)} s of wall time the process waited (for a core of the shared machine or the disk)`
      : `CPU time exceeds wall time by ${(-waited / 1000).toFixed(1)} s: other threads of this process (parallel GC, libuv) ran beside the main thread`;
  return {
    text,
    met: false,
    detail:
      `${((at100k - TIME_GOAL_MS) / 1000).toFixed(1)} s over (${(at100k / TIME_GOAL_MS).toFixed(1)}× the goal); the run's own CPU time is ` +
      `${(cpuAt100k / 1000).toFixed(1)} s per 100 000 records (${(cpuAt100k / 100).toFixed(0)} µs per record); ${rest}. ` +
      'In a profile the CPU goes to storing one line row per record (the native INSERT ≈ 23 % with four index entries per line: id, basis + line number, ' +
      'the unique billing key, the record id, and the lock trigger that checks the basis is a draft; the driver ≈ 8 %; building the rows ≈ 6 %), ' +
      'the garbage collector ≈ 13 %, encoding each line’s steps ≈ 10 %, drafting the lines ≈ 7 %, hashing each line for the seal ≈ 7 % and reading the records ≈ 6 %; ' +
      'core’s calculation is now ≈ 3 %. Decision 0250 has the measured parts and what meeting the goal would take (the lock without a per-row trigger, fewer index entries).',
  };
}

function rowsOf(x: Measured, n: number, withGoal: boolean): Row[] {
  const t = stats(x.times);
  const cpu = stats(x.cpu);
  const growth = stats(x.heapAfter.map((h) => h - x.baselineHeap));
  const heapBack = growth.max <= HEAP_TOLERANCE_MIB;
  const goal = withGoal ? timeGoal(t, cpu, n) : undefined;
  return [
    {
      measure: `billing run, a month of ${kSv(n)} daytime records (${x.name}), wall time`,
      ours: { stats: t, unit: 'ms' },
      ...(goal === undefined ? {} : { goal }),
    },
    {
      measure: `CPU time of the run (${x.name}; user + system of this process${x.name === 'PostgreSQL' ? ', not the database server' : ''}): what the run costs whatever else the machine is doing`,
      ours: { stats: cpu, unit: 'ms' },
    },
    { measure: `records billed per second (${x.name})`, ours: { stats: stats(x.times.map((ms) => (n * 1000) / ms)), unit: 'rows/s' } },
    {
      measure: `the run's answer (${x.name}; JSON of the run and its basis summaries)`,
      ours: { stats: stats(x.bytes.map((b) => b / 1024)), unit: 'KiB' },
    },
    {
      measure: `heap after GC minus the baseline (${x.name}; ${x.baselineHeap.toFixed(0)} MiB), after each run`,
      ours: { stats: growth, unit: 'MiB' },
      goal: {
        text: `back to the baseline (within ${String(HEAP_TOLERANCE_MIB)} MiB) after every run`,
        met: heapBack,
        ...(heapBack ? {} : { detail: `up to ${growth.max.toFixed(0)} MiB above` }),
      },
    },
    {
      measure: `RSS after each run (${x.name}; baseline ${x.baselineRss.toFixed(0)} MiB)`,
      ours: { stats: stats(x.rssAfter), unit: 'MiB' },
    },
  ];
}

async function run(opts: SuiteOptions): Promise<SuiteResult> {
  const n = opts.quick ? 10_000 : 100_000;
  const dir = mkdtempSync(join(tmpdir(), 'samverkan-bench-billing-'));
  const failures: string[] = [];
  const notes: string[] = [];
  const sqlite = await openBillingStore(dir);
  const pgWhy = await postgresUnavailable();
  let pgDb: BenchDatabase | undefined;
  let pg: BillingStore | undefined;
  if (pgWhy === null) {
    pgDb = await postgresDatabase();
    pg = await openBillingStoreWith(pgDb.options);
  } else notes.push(`PostgreSQL was not measured: ${pgWhy}.`);
  const stores: { b: BillingStore; m: Measured }[] = [
    { b: sqlite, m: measured('SQLite') },
    ...(pg === undefined ? [] : [{ b: pg, m: measured('PostgreSQL') }]),
  ];
  try {
    for (const s of stores) {
      for (const m of MONTHS) await insertMonth(s.b.store, m, n);
      s.m.linesBefore = await countLines(s.b);
    }
    // The first month warms the code (JIT, statement cache) on each database; it is not counted.
    const [warm, ...rest] = MONTHS;
    for (const s of stores) await startBillingRun(s.b.store, s.b.agreement, region, { flow: 'dagtid', period: warm });
    collect();
    for (const s of stores) {
      s.m.baselineHeap = process.memoryUsage().heapUsed / MiB;
      s.m.baselineRss = process.memoryUsage().rss / MiB;
    }
    for (const m of rest) for (const s of stores) await billMonth(s.b, m, s.m, failures);
    for (const s of stores) {
      const lines = (await countLines(s.b)) - s.m.linesBefore;
      // At least one line per record (the demo data's own records of these months add a few).
      if (lines < n * MONTHS.length)
        failures.push(`${s.m.name}: expected ≥ ${String(n * MONTHS.length)} invoice lines from the runs, found ${String(lines)}`);
    }
  } finally {
    for (const s of stores) await s.b.store.close();
    await pgDb?.drop();
    rmSync(dir, { recursive: true, force: true });
  }
  const rows = stores.flatMap((s) => rowsOf(s.m, n, s.m.name === 'SQLite'));
  const pgRuns = stores[1]?.m;
  if (pgRuns !== undefined) {
    const sqliteTimes = stores[0]?.m.times ?? [];
    rows.push({
      measure: 'PostgreSQL ÷ SQLite, wall time of the same month (per month)',
      ours: { stats: stats(pgRuns.times.map((t, i) => t / (sqliteTimes[i] ?? Number.NaN))), unit: '×' },
    });
  }
  return {
    title: 'Billing run: time and memory',
    intro: [
      `${String(MONTHS.length)} months of ${kSv(n)} daytime assignments each (every municipality lending to and hiring from the region) written into one SQLite store with the demo data${pg === undefined ? '' : ', and the same into a PostgreSQL schema'}; each month billed in turn by \`startBillingRun\` as the region's economist, in this process with a full GC (\`--expose-gc\`) before and after each run${pg === undefined ? '' : ', SQLite and PostgreSQL alternating month by month'}. The first month warms up and is not counted; the baseline is the heap after it.`,
      'Each run stores one invoice line per record (its billing key unique in the database, so no record is billed twice), its steps on the line, the general steps once in the basis trace, and seals every basis in the audit chain from the digests of the lines as they were written.',
    ],
    rows,
    notes: [
      'The answer lists each invoice basis as a summary (no lines, steps or trace); the detail is `GET /api/v1/invoice-bases/{id}`.',
      'No peer: the figures are against the goals of issue 11.',
      ...notes,
    ],
    failures,
  };
}

/** The billing suite. */
export const suite: Suite = { name: 'billing', run };
