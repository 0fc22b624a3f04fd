/**
 * Import against DuckDB (issue 11, point 2): a generated Swedish daytime-assignments CSV imported
 * through the real path — the `samverkan import` binary into a fresh SQLite database — against
 * DuckDB computing the per-pair-per-month totals from the same file, each in a process of its
 * own, interleaved (ours, DuckDB, ours, …) with the ratio per pair. Then the totals of the stored
 * records (our-totals.ts) must equal DuckDB's to the öre. Also: peak RSS of each side, the
 * database's size against the CSV's, and how time grows with the rows (the large file against the
 * small one, per round).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readAgreement } from '@samverkan/server/dist/agreement/read-agreement-dir.js';
import { prepareStore } from '@samverkan/server/dist/store/prepare-store.js';
import { writeDaytimeCsv } from '../generate/daytime-assignments.js';
import { ratios } from '../harness/paired.js';
import { stats } from '../harness/stats.js';
import type { Row, Suite, SuiteOptions, SuiteResult } from '../harness/suite.js';
import { duckdbTotals } from './duckdb-totals.js';
import { storedTotals } from './our-totals.js';
import { BENCH_RATE_ORE, totalsDiffer } from './pair-totals.js';
import { startOurs } from '../api/processes.js';
import { importOtherKinds } from './kind-totals.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const bin = join(root, 'packages/server/bin/samverkan.js');
const duckRun = fileURLToPath(new URL('./duckdb-run.js', import.meta.url));
const SEED = 20260901;

interface Measured {
  readonly ms: number;
  readonly rssMiB: number;
}

/** Run `node args` under /usr/bin/time for its peak RSS; wall time measured here. */
function timed(args: readonly string[], env: NodeJS.ProcessEnv): Measured & { stdout: string } {
  const t = process.hrtime.bigint();
  const r = spawnSync('/usr/bin/time', ['-f', 'peak-rss-kib=%M', process.execPath, ...args], {
    cwd: root,
    env,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${String(r.status)}: ${r.stderr.slice(-2000)}`);
  const m = /peak-rss-kib=(\d+)/.exec(r.stderr);
  return { ms, rssMiB: m ? Number(m[1]) / 1024 : Number.NaN, stdout: r.stdout };
}

/** One import through the binary into a fresh SQLite database; the database stays for the caller. */
function ourImport(csv: string, dir: string): Measured & { dbBytes: number } {
  rmSync(dir, { recursive: true, force: true });
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    SAMVERKAN_VAR_DIR: dir,
    SAMVERKAN_DB_FILE: join(dir, 'samverkan.sqlite'),
    LOG_LEVEL: 'warn',
  };
  delete env['DATABASE_URL'];
  const r = timed([bin, 'import', 'daytime-assignments', csv, '--json', '--no-progress'], env);
  const report = JSON.parse(r.stdout) as { inserted: number; rows: number };
  if (report.inserted !== report.rows) throw new Error(`imported ${String(report.inserted)} of ${String(report.rows)} rows`);
  const file = join(dir, 'samverkan.sqlite');
  const dbBytes = statSync(file).size + (existsSync(`${file}-wal`) ? statSync(`${file}-wal`).size : 0);
  return { ms: r.ms, rssMiB: r.rssMiB, dbBytes };
}

function duckdb(csv: string): Measured {
  return timed([duckRun, csv, String(BENCH_RATE_ORE)], process.env);
}

async function signIn(url: string): Promise<Record<string, string>> {
  const res = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'ekonom.region', password: 'demo-samverkan' }),
  });
  if (res.status !== 200) throw new Error(`sign-in: ${String(res.status)} ${await res.text()}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie, 'x-csrf-token': csrfToken };
}

/**
 * The same kind of file POSTed to the running service (`samverkan start`, SQLite) as the web app
 * sends it: raw body, session cookie and CSRF token. A distinct file per run (another seed), so
 * every run imports all its rows; timed from the first byte sent to the answer.
 */
async function apiImports(work: string, n: number, runs: number): Promise<{ ms: number[]; failures: string[] }> {
  const server = await startOurs(join(work, 'api-var'));
  const ms: number[] = [];
  const failures: string[] = [];
  try {
    const headers = await signIn(server.url);
    for (let i = 0; i < runs; i++) {
      const path = join(work, `api-${String(i)}.csv`);
      await writeDaytimeCsv(path, n, SEED + 1000 + i);
      const body = readFileSync(path);
      const t = process.hrtime.bigint();
      const res = await fetch(`${server.url}/api/v1/imports/daytime-assignments?filename=api-${String(i)}.csv`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'text/csv' },
        body,
      });
      const text = await res.text();
      ms.push(Number(process.hrtime.bigint() - t) / 1e6);
      rmSync(path, { force: true });
      const answer = res.ok ? (JSON.parse(text) as { inserted?: number }) : {};
      if (answer.inserted !== n) failures.push(`API import ${String(i + 1)}: ${String(res.status)}, ${text.slice(0, 300)}`);
    }
  } finally {
    await server.stop();
  }
  return { ms, failures };
}

const fig = (values: readonly number[], unit: 'ms' | 'MiB' | '×') => ({ stats: stats(values), unit });

export const suite: Suite = {
  name: 'import',
  async run(opts: SuiteOptions): Promise<SuiteResult> {
    const sizes = opts.quick ? [2_000, 20_000] : [100_000, 1_000_000];
    const runs = 5;
    const apiRows = opts.quick ? 20_000 : 100_000;
    const work = mkdtempSync(join(tmpdir(), 'samverkan-bench-import-'));
    const rows: Row[] = [];
    const failures: string[] = [];
    const notes: string[] = [];
    try {
      const csvs = new Map<number, { path: string; bytes: number }>();
      for (const n of sizes) {
        const path = join(work, `uppdrag-dagtid-${String(n)}.csv`);
        csvs.set(n, { path, bytes: await writeDaytimeCsv(path, n, SEED) });
      }
      const ours = new Map<number, Measured[]>(sizes.map((n) => [n, []]));
      const peer = new Map<number, Measured[]>(sizes.map((n) => [n, []]));
      const dbBytes = new Map<number, number[]>(sizes.map((n) => [n, []]));
      const dirs = new Map(sizes.map((n) => [n, join(work, `db-${String(n)}`)]));
      // Rounds: for each size ours then DuckDB (A B A B …), so load drift hits both alike.
      for (let i = 0; i < runs; i++) {
        for (const n of sizes) {
          const csv = csvs.get(n)?.path ?? '';
          const o = ourImport(csv, dirs.get(n) ?? '');
          ours.get(n)?.push(o);
          dbBytes.get(n)?.push(o.dbBytes);
          peer.get(n)?.push(duckdb(csv));
        }
      }
      const api = await apiImports(work, apiRows, runs);
      failures.push(...api.failures);
      const kindRows = opts.quick ? 2_000 : 20_000;
      for (const k of await importOtherKinds(work, kindRows, SEED, readAgreement())) {
        failures.push(...k.differences.slice(0, 10).map((d) => `${k.kind}: ${d}`));
        notes.push(
          `${k.kind}: ${k.rows.toLocaleString('sv-SE')} generated rows (bench/generate/record-kinds.ts) imported in ${k.ms.toFixed(0)} ms (one run, in-process), ${String(k.inserted)} stored${k.measure === '' ? ' (a state kind: no per-pair-per-month sum)' : `; ${k.measure} per pair and month ${k.differences.length === 0 ? 'identical to DuckDB' : `differ from DuckDB in ${String(k.differences.length)} places`}`}.`,
        );
      }
      // The totals of the last run's stored records against DuckDB's, to the öre.
      const agreement = readAgreement();
      for (const n of sizes) {
        const { store } = await prepareStore({ sqliteFile: join(dirs.get(n) ?? '', 'samverkan.sqlite') }, agreement, false);
        try {
          const mine = await storedTotals(store.db, BENCH_RATE_ORE);
          const theirs = await duckdbTotals(csvs.get(n)?.path ?? '', BENCH_RATE_ORE);
          const diff = totalsDiffer(mine, theirs);
          const records = mine.reduce((s, t) => s + t.records, 0);
          if (records !== n) diff.push(`${String(n)} rows: ours priced ${String(records)} records`);
          failures.push(...diff.slice(0, 10).map((d) => `${String(n)} rows: ${d}`));
          notes.push(
            `${n.toLocaleString('sv-SE')} rows: ${String(mine.length)} pair-months, ${String(mine.reduce((s, t) => s + t.ore, 0))} öre in all — ${diff.length === 0 ? 'identical to DuckDB to the öre' : `${String(diff.length)} differences`}.`,
          );
        } finally {
          await store.close();
        }
      }
      for (const n of sizes) {
        const o = ours.get(n) ?? [];
        const p = peer.get(n) ?? [];
        const label = n.toLocaleString('sv-SE');
        const r = ratios(
          o.map((x) => x.ms),
          p.map((x) => x.ms),
        );
        const big = n === sizes.at(-1);
        const within = stats(r).median <= 5;
        rows.push({
          measure: `import ${label} rows (wall, process)`,
          ours: fig(
            o.map((x) => x.ms),
            'ms',
          ),
          peer: {
            name: 'DuckDB',
            figure: fig(
              p.map((x) => x.ms),
              'ms',
            ),
          },
          ratio: { label: 'ours ÷ DuckDB', figure: fig(r, '×') },
          ...(big
            ? {
                goal: {
                  text: '≤ 5× DuckDB',
                  met: within,
                  ...(within
                    ? {}
                    : {
                        detail: `${(stats(r).median / 5).toFixed(1)}× over the goal: every row is validated, keyed (a short hash, unique index), sealed (SHA-256 per row) and written to SQLite with four indexes (spooled in 64 bucket files and written in key order, decisions 0211 and 0260), where DuckDB only aggregates in memory`,
                      }),
                },
              }
            : {}),
        });
        const rss = o.map((x) => x.rssMiB);
        const rssOk = stats(rss).max < 300;
        rows.push({
          measure: `peak RSS ${label} rows`,
          ours: fig(rss, 'MiB'),
          peer: {
            name: 'DuckDB',
            figure: fig(
              p.map((x) => x.rssMiB),
              'MiB',
            ),
          },
          goal: {
            text: '< 300 MiB',
            met: rssOk,
            ...(rssOk
              ? {}
              : {
                  detail: `max ${stats(rss).max.toFixed(0)} MiB, ${(stats(rss).max - 300).toFixed(0)} MiB over: the live heap stays ~30 MB, but V8 lets the old generation fill with up to ~140 MB of garbage before it collects, and ~100 MB is outside the heap (Node itself, SQLite, the packed seal digests); the CLI cannot cap its own heap (decision 0260)`,
                }),
          },
        });
        const csvBytes = csvs.get(n)?.bytes ?? 1;
        const size = (dbBytes.get(n) ?? []).map((b) => b / csvBytes);
        const sizeOk = stats(size).max <= 5;
        rows.push({
          measure: `database ÷ CSV, ${label} rows (${(csvBytes / 1048576).toFixed(1)} MiB CSV)`,
          ours: fig(size, '×'),
          goal: {
            text: '≤ 5×',
            met: sizeOk,
            ...(sizeOk
              ? {}
              : {
                  detail: `${(stats(size).median / 5).toFixed(1)}× over: the fields are compact (decision 0210), but each row still carries two UUIDs (its id and its import's) in the table and two indexes, and the kind's name in the table and one index (decision 0260)`,
                }),
          },
        });
      }
      const apiPeer = (peer.get(apiRows) ?? []).map((x) => x.ms);
      const apiRatio = ratios(api.ms, apiPeer);
      rows.push({
        measure: `import ${apiRows.toLocaleString('sv-SE')} rows through the API (POST /api/v1/imports, wall)`,
        ours: fig(api.ms, 'ms'),
        peer: { name: 'DuckDB', figure: fig(apiPeer, 'ms') },
        ratio: { label: 'ours ÷ DuckDB (run i with DuckDB run i of the same size)', figure: fig(apiRatio, '×') },
      });
      const [small, large] = sizes;
      if (small !== undefined && large !== undefined) {
        const growth = ratios(
          (ours.get(large) ?? []).map((x) => x.ms),
          (ours.get(small) ?? []).map((x) => x.ms),
        );
        const factor = large / small;
        const linear = stats(growth).median <= factor * 1.1;
        rows.push({
          measure: `time ${large.toLocaleString('sv-SE')} ÷ ${small.toLocaleString('sv-SE')} rows (per round)`,
          ours: fig(growth, '×'),
          goal: {
            text: `≤ ${String(factor * 1.1)}× (linear)`,
            met: linear,
            ...(linear ? {} : { detail: `${stats(growth).median.toFixed(1)}× for ${String(factor)}× the rows` }),
          },
        });
      }
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
    return {
      title: 'Import against DuckDB',
      intro: [
        `A seeded, generated Swedish daytime-assignments CSV (bench/generate/daytime-assignments.ts: semicolon, UTF-8 with BOM, decimal comma, municipalities by name or code) of ${sizes.map((n) => n.toLocaleString('sv-SE')).join(' and ')} rows.`,
        'Ours: the `samverkan import uppdrag-dagtid` binary (built `dist`) into a fresh SQLite database each run: one pass that parses, validates, encodes (decision 0210) and keys every row, spooled in 64 unlinked bucket files and written in natural-key order in short staging transactions (decisions 0211, 0260), the audit seal hashed while staging, one short publishing transaction. Through the API: the running service (`samverkan start`, SQLite with the demo data) receives the file as the web app sends it, a fresh file per run. DuckDB: `@duckdb/node-api` in memory, `read_csv` and one SQL query computing the per-pair-per-month totals (duckdb-totals.ts). Both as processes of their own, timed from spawn to exit, interleaved per round; peak RSS from `/usr/bin/time`.',
        `After the runs the stored records are priced back (our-totals.ts, core's billable minutes and started hours × ${String(BENCH_RATE_ORE / 100)} kr) and compared with DuckDB's totals pair by pair.`,
      ],
      rows,
      notes,
      failures,
    };
  },
};
