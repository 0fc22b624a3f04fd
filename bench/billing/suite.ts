/**
 * Billing benchmark (issue 11, point 3): a month of daytime assignments billed by
 * `startBillingRun` (the code behind `POST /api/v1/billing-runs`), one month after the other on
 * one store, with a full GC before and after each run: the run's time, the size of its answer as
 * JSON, and the heap and RSS after each run against the baseline before the first — memory that
 * does not come back shows as growth from run to run.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBillingRun } from '@samverkan/server/dist/billing/run-store.js';
import { collect, timeMs } from '../harness/paired.js';
import { stats } from '../harness/stats.js';
import type { Row, Suite, SuiteOptions, SuiteResult } from '../harness/suite.js';
import { insertMonth, openBillingStore } from './month.js';

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

async function run(opts: SuiteOptions): Promise<SuiteResult> {
  const n = opts.quick ? 10_000 : 100_000;
  const months = ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06'];
  const dir = mkdtempSync(join(tmpdir(), 'samverkan-bench-billing-'));
  const failures: string[] = [];
  const { store, agreement } = await openBillingStore(dir);
  const times: number[] = [];
  const cpu: number[] = [];
  const bytes: number[] = [];
  const heapAfter: number[] = [];
  const rssAfter: number[] = [];
  let baselineHeap = 0;
  let baselineRss = 0;
  try {
    for (const m of months) await insertMonth(store, m, n);
    const countLines = async (): Promise<number> =>
      Number(
        (
          await store.db
            .selectFrom('invoice_lines')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const linesBefore = await countLines();
    // The first month warms the code (JIT, statement cache); it is not counted.
    const [warm, ...measured] = months;
    await startBillingRun(store, agreement, region, { flow: 'dagtid', period: warm ?? '2026-01' });
    collect();
    baselineHeap = process.memoryUsage().heapUsed / MiB;
    baselineRss = process.memoryUsage().rss / MiB;
    for (const m of measured) {
      let answer = '';
      const cpuBefore = process.cpuUsage();
      times.push(
        await timeMs(async () => {
          const r = await startBillingRun(store, agreement, region, { flow: 'dagtid', period: m });
          answer = JSON.stringify(r);
          if (!r.created) failures.push(`${m}: no run was made`);
        }),
      );
      const used = process.cpuUsage(cpuBefore);
      cpu.push((used.user + used.system) / 1000);
      bytes.push(Buffer.byteLength(answer));
      answer = '';
      collect();
      heapAfter.push(process.memoryUsage().heapUsed / MiB);
      rssAfter.push(process.memoryUsage().rss / MiB);
    }
    const lines = (await countLines()) - linesBefore;
    // At least one line per record (the demo data's own records of these months add a few).
    if (lines < n * months.length)
      failures.push(`expected ≥ ${String(n * months.length)} invoice lines from the runs, found ${String(lines)}`);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
  const t = stats(times);
  const growth = stats(heapAfter.map((h) => h - baselineHeap));
  const heapBack = growth.max <= HEAP_TOLERANCE_MIB;
  const rows: Row[] = [
    {
      measure: `billing run, a month of ${n.toLocaleString('sv-SE')} daytime records (SQLite)`,
      ours: { stats: t, unit: 'ms' },
      goal: (() => {
        // --quick bills fewer records: the goal is judged on the time scaled linearly to 100 000.
        const at100k = (t.median * 100_000) / n;
        const text =
          n === 100_000
            ? '< 2 s'
            : `< 2 s for 100 000 records (scaled linearly from ${n.toLocaleString('sv-SE')}: ${(at100k / 1000).toFixed(1)} s)`;
        return at100k < TIME_GOAL_MS
          ? { text, met: true }
          : {
              text,
              met: false,
              detail: `${((at100k - TIME_GOAL_MS) / 1000).toFixed(1)} s over (${(at100k / TIME_GOAL_MS).toFixed(1)}× the goal); CPU time alone is ${(stats(cpu).median / 1000).toFixed(2)} s per run here, so the rest is waiting for the loaded machine; what is left is SQLite writing one line row per record and the plan's reads`,
            };
      })(),
    },
    {
      measure: 'CPU time of the run (user + system, this process): what the run costs whatever else the machine is doing',
      ours: { stats: stats(cpu), unit: 'ms' },
    },
    { measure: 'records billed per second', ours: { stats: stats(times.map((ms) => (n * 1000) / ms)), unit: 'rows/s' } },
    {
      measure: "the run's answer (JSON of the run and its basis summaries)",
      ours: { stats: stats(bytes.map((b) => b / 1024)), unit: 'KiB' },
    },
    {
      measure: `heap after GC minus the baseline (${baselineHeap.toFixed(0)} MiB), after each run`,
      ours: { stats: growth, unit: 'MiB' },
      goal: {
        text: `back to the baseline (within ${String(HEAP_TOLERANCE_MIB)} MiB) after every run`,
        met: heapBack,
        ...(heapBack ? {} : { detail: `up to ${growth.max.toFixed(0)} MiB above` }),
      },
    },
    { measure: `RSS after each run (baseline ${baselineRss.toFixed(0)} MiB)`, ours: { stats: stats(rssAfter), unit: 'MiB' } },
  ];
  return {
    title: 'Billing run: time and memory',
    intro: [
      `${String(months.length)} months of ${n.toLocaleString('sv-SE')} daytime assignments each (every municipality lending to and hiring from the region) written into one SQLite store with the demo data; each month billed in turn by \`startBillingRun\` as the region's economist, in this process with a full GC (\`--expose-gc\`) before and after each run. The first month warms up and is not counted; the baseline is the heap after it.`,
    ],
    rows,
    notes: [
      'The answer lists each invoice basis as a summary (no lines, steps or trace); the detail is `GET /api/v1/invoice-bases/{id}`.',
      'No peer: the figures are against the goals of issue 11.',
    ],
    failures,
  };
}

/** The billing suite. */
export const suite: Suite = { name: 'billing', run };
