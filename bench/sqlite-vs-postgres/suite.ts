/**
 * SQLite against PostgreSQL (issue 11, point 7): the same generated daytime-assignments CSV
 * imported and the same month billed on both databases, in interleaved pairs (SQLite, PostgreSQL,
 * SQLite, …), each run on a fresh database. Timed through the code the CLI runs after it has
 * started (`scanFile` + `runImport`, then `startBillingRun`), so process start-up and migrations
 * are not in the figures. Both databases must store every row and bill the same total to the öre.
 */
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { indexUse } from '@samverkan/core';
import { defaultAgreementDir, readAgreement } from '@samverkan/server/dist/agreement/read-agreement-dir.js';
import { readIndexCsv } from '@samverkan/server/dist/files/index-csv.js';
import { recordIndexValue } from '@samverkan/server/dist/reference/index-values.js';
import type { Store } from '@samverkan/server/dist/store/db.js';
import type { SessionUser } from '@samverkan/server/dist/auth/session-user.js';
import { startBillingRun } from '@samverkan/server/dist/billing/run-store.js';
import { scanFile } from '@samverkan/server/dist/imports/file-scan.js';
import { findImportKind } from '@samverkan/server/dist/imports/kinds/index.js';
import { runImport } from '@samverkan/server/dist/imports/run-import.js';
import { effectiveAgreement } from '@samverkan/server/dist/reference/effective-agreement.js';
import { prepareStore } from '@samverkan/server/dist/store/prepare-store.js';
import { writeDaytimeCsv } from '../generate/daytime-assignments.js';
import { collect, paired } from '../harness/paired.js';
import { stats } from '../harness/stats.js';
import type { Row, Suite, SuiteOptions, SuiteResult, Unit } from '../harness/suite.js';
import { postgresDatabase, postgresUnavailable, postgresUrl, sqliteDatabase, type BenchDatabase } from './databases.js';

const SEED = 20261101;
const PERIOD = '2026-09';
const admin: SessionUser = {
  id: 'cli:bench',
  username: 'bench',
  displayName: 'Bench',
  role: 'admin',
  municipality: null,
  actor: 'cli:bench',
};

interface RunFigures {
  readonly importMs: number;
  readonly billingMs: number;
  readonly bytes: number;
  readonly inserted: number;
  readonly billedOre: number;
  readonly lines: number;
}

/**
 * The agreement's example index values (VPI), which the prices are uplifted with, recorded as the
 * demo seed records them — without the rest of the demo data (users with password hashes,
 * records, disputes), which would only slow every fresh database down and blur its size.
 */
async function recordExampleIndexValues(store: Store): Promise<void> {
  const file = join(process.env['SAMVERKAN_AGREEMENT_DIR'] ?? defaultAgreementDir, 'examples', 'index.example.csv');
  const index = readIndexCsv(readFileSync(file), 'examples/index.example.csv');
  for (const p of index.points.values()) {
    const use = indexUse(p);
    await recordIndexValue(
      store,
      { series: use.series, year: use.year, percent: use.percent, kind: p.kind, source: p.source ?? 'exempel', example: true, demo: true },
      'cli:bench',
    );
  }
}

async function oneRun(create: () => Promise<BenchDatabase>, csv: string, filename: string): Promise<RunFigures> {
  const db = await create();
  const agreement = readAgreement();
  const { store } = await prepareStore(db.options, agreement, false);
  try {
    await recordExampleIndexValues(store);
    const kind = findImportKind('daytime-assignments');
    if (!kind) throw new Error('no daytime-assignments import kind');
    collect();
    let t = process.hrtime.bigint();
    const file = await scanFile(csv);
    const effective = await effectiveAgreement(store.db, agreement);
    const report = await runImport(store, effective, { kind, file, filename, actor: 'cli:bench', municipality: undefined });
    const importMs = Number(process.hrtime.bigint() - t) / 1e6;
    collect();
    t = process.hrtime.bigint();
    const run = await startBillingRun(store, effective, admin, { flow: 'dagtid', period: PERIOD });
    const billingMs = Number(process.hrtime.bigint() - t) / 1e6;
    const sum = await store.db
      .selectFrom('invoice_lines')
      .innerJoin('invoice_bases', 'invoice_bases.id', 'invoice_lines.invoice_basis_id')
      .select([sql<string>`coalesce(sum(invoice_lines.amount_ore), 0)`.as('ore'), sql<string>`count(*)`.as('lines')])
      .where('invoice_bases.billing_run_id', '=', run.run.id)
      .executeTakeFirstOrThrow();
    return { importMs, billingMs, bytes: await db.size(), inserted: report.inserted, billedOre: Number(sum.ore), lines: Number(sum.lines) };
  } finally {
    await store.close();
    await db.drop();
  }
}

async function run(opts: SuiteOptions): Promise<SuiteResult> {
  // A month of one region's daytime assignments; the million-row import is the import suite's,
  // the 100 000-record month the billing suite's. Here the question is only SQLite against PostgreSQL.
  const rows = opts.quick ? 2_000 : 20_000;
  const runs = 5;
  const title = 'SQLite against PostgreSQL: the same import and billing';
  const csv = join(tmpdir(), `samverkan-bench-daytime-${String(process.pid)}.csv`);
  const csvBytes = await writeDaytimeCsv(csv, rows, SEED, PERIOD);
  const filename = `uppdrag-dagtid-${String(rows)}.csv`;
  const unavailable = await postgresUnavailable();
  const failures: string[] = [];
  const seen: { db: string; f: RunFigures }[] = [];
  const record = (db: string, f: RunFigures): RunFigures => {
    seen.push({ db, f });
    console.log(
      `sqlite-vs-postgres: ${db} import ${f.importMs.toFixed(0)} ms, billing ${f.billingMs.toFixed(0)} ms, ${String(f.lines)} lines, ${String(f.billedOre)} öre`,
    );
    return f;
  };
  try {
    const lite: RunFigures[] = [];
    const post: RunFigures[] = [];
    if (unavailable === null) {
      await paired(
        async () => {
          lite.push(record('SQLite', await oneRun(sqliteDatabase, csv, filename)));
          return 0;
        },
        async () => {
          post.push(record('PostgreSQL', await oneRun(postgresDatabase, csv, filename)));
          return 0;
        },
        { runs },
      );
    } else {
      for (let i = 0; i < runs; i++) lite.push(record('SQLite', await oneRun(sqliteDatabase, csv, filename)));
    }
    // The same data must give the same result everywhere.
    for (const { db, f } of seen) {
      if (f.inserted !== rows) failures.push(`${db}: ${String(f.inserted)} of ${String(rows)} rows stored`);
      const first = seen[0]?.f;
      if (first && (f.billedOre !== first.billedOre || f.lines !== first.lines))
        failures.push(
          `${db}: billed ${String(f.billedOre)} öre on ${String(f.lines)} lines, ${seen[0]?.db ?? ''} ${String(first.billedOre)} öre on ${String(first.lines)} lines`,
        );
    }
    const fig = (v: readonly number[], unit: Unit) => ({ stats: stats(v), unit });
    const pair = (measure: string, pick: (f: RunFigures) => number, unit: Unit, label: string): Row => {
      const a = lite.map(pick);
      if (post.length === 0) return { measure, ours: fig(a, unit) };
      const b = post.map(pick);
      return {
        measure,
        ours: fig(a, unit),
        peer: { name: 'PostgreSQL', figure: fig(b, unit) },
        ratio: {
          label,
          figure: fig(
            b.map((x, i) => x / (a[i] ?? Number.NaN)),
            '×',
          ),
        },
      };
    };
    const perSecond = (ms: number): number => (rows * 1000) / ms;
    const table: Row[] = [
      pair(
        `import of ${rows.toLocaleString('sv-SE')} rows (scan + validate + write)`,
        (f) => f.importMs / 1000,
        's',
        'PostgreSQL ÷ SQLite',
      ),
      pair('import throughput', (f) => perSecond(f.importMs), 'rows/s', 'PostgreSQL ÷ SQLite'),
      pair(`billing run of the month (${rows.toLocaleString('sv-SE')} records)`, (f) => f.billingMs / 1000, 's', 'PostgreSQL ÷ SQLite'),
      pair('database size after import and billing', (f) => f.bytes / 2 ** 20, 'MiB', 'PostgreSQL ÷ SQLite'),
    ];
    const billed = seen[0]?.f;
    return {
      title,
      intro: [
        `${rows.toLocaleString('sv-SE')} generated daytime assignments (bench/generate/daytime-assignments.ts, seed ${String(SEED)}; ${(csvBytes / 2 ** 20).toFixed(1)} MiB of CSV, all in ${PERIOD}) imported and billed (flow dagtid, period ${PERIOD}) on a fresh database per run, ${String(runs)} runs per database${unavailable === null ? ', interleaved SQLite, PostgreSQL, SQLite, …' : ''}. The "ours" column is SQLite (the built-in database), the peer PostgreSQL (${new URL(postgresUrl).host}, a fresh schema per run, dropped after).`,
      ],
      rows: table,
      notes: [
        'Timed in-process through the functions the CLI calls after start-up (`scanFile` + `runImport` for `samverkan import uppdrag-dagtid`, `startBillingRun` for `samverkan billing run`); opening and migrating the database are not timed. A full GC precedes each timed step.',
        ...(billed
          ? [
              `Both databases stored all ${rows.toLocaleString('sv-SE')} rows in every run and billed the same ${String(billed.lines)} lines, ${(billed.billedOre / 100).toLocaleString('sv-SE', { minimumFractionDigits: 2 })} kr in total, to the öre${failures.length > 0 ? ' — EXCEPT as listed under failures' : ''}.`,
            ]
          : []),
        ...(unavailable === null
          ? []
          : [`**PostgreSQL skipped**: ${unavailable}. Set BENCH_DATABASE_URL (or TEST_DATABASE_URL) to compare.`]),
        'PostgreSQL runs on the same 2-core machine (no network); its size counts tables and indexes of the schema (`pg_total_relation_size`), SQLite the database file and its WAL; besides the imported rows both hold only the migrations, the municipalities and the example index values of the agreement (recorded untimed, for the price uplift).',
      ],
      failures,
    };
  } finally {
    rmSync(csv, { force: true });
  }
}

export const suite: Suite = { name: 'sqlite-vs-postgres', run };
