/**
 * The other record kinds imported through the real path (`scanFile` + `runImport`, what
 * `samverkan import <kind>` runs) into one fresh SQLite database, a generated file each
 * (bench/generate/record-kinds.ts). Every row must be stored; where a kind has a per-pair-per-month
 * sum in its file (MT work orders: travel, consumables and spare parts in öre; inpatient staff:
 * the amount in öre; ombud tasks: the billable minutes), the stored records' sums must equal
 * DuckDB's over the same file exactly (PairTotal.ore carries öre or minutes).
 */
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import type { Agreement } from '@samverkan/core';
import { auditKeyFrom } from '@samverkan/server/dist/audit/audit-key.js';
import { scanFile } from '@samverkan/server/dist/imports/file-scan.js';
import { findImportKind } from '@samverkan/server/dist/imports/kinds/index.js';
import { decodeRecordData } from '@samverkan/server/dist/imports/record-codec.js';
import { runImport } from '@samverkan/server/dist/imports/run-import.js';
import { prepareStore } from '@samverkan/server/dist/store/prepare-store.js';
import type { Store } from '@samverkan/server/dist/store/db.js';
import { MUNICIPALITIES } from '../generate/daytime-assignments.js';
import { recordKindSpecs, writeKindCsv } from '../generate/record-kinds.js';
import { totalsDiffer, type PairTotal } from './pair-totals.js';

/** What one kind's import gave. */
export interface KindResult {
  readonly kind: string;
  readonly rows: number;
  readonly inserted: number;
  readonly ms: number;
  /** Sums compared with DuckDB ('' when the kind has none), and the differences. */
  readonly measure: string;
  readonly differences: readonly string[];
}

const kronorOre = (column: string): string =>
  `coalesce(CAST(round(CAST(replace(replace(nullif(trim("${column}"), ''), ' ', ''), ',', '.') AS DECIMAL(18,2)) * 100) AS BIGINT), 0)`;
const code = (column: string): string =>
  `(SELECT m.code FROM m WHERE m.code = trim("${column}") OR lower(m.name) = lower(trim("${column}")))`;
const minutes = (column: string): string => `coalesce(CAST(nullif(trim("${column}"), '') AS BIGINT), 0)`;

/** DuckDB's SQL for the kinds that have a sum, over the CSV at `path`. */
const peerSql: Readonly<Record<string, { measure: string; sql: (path: string) => string }>> = {
  'mt-work-orders': {
    measure: 'travel + consumables + spare parts, öre',
    sql: (p) =>
      `SELECT 'region' AS seller, ${code('kommun')} AS buyer, substr(datum, 1, 7) AS period,
        CAST(sum(${kronorOre('resekostnad')} + ${kronorOre('förbrukningsmaterial')} + ${kronorOre('reservdelar')}) AS BIGINT) AS total,
        CAST(count(*) AS BIGINT) AS records
       FROM read_csv('${p}', delim = ';', header = true, all_varchar = true) GROUP BY ALL`,
  },
  'inpatient-staff': {
    measure: 'amount, öre',
    sql: (p) =>
      `SELECT ${code('kommun')} AS seller, 'region' AS buyer, substr(datum, 1, 7) AS period,
        CAST(sum(${kronorOre('belopp')}) AS BIGINT) AS total, CAST(count(*) AS BIGINT) AS records
       FROM read_csv('${p}', delim = ';', header = true, all_varchar = true) GROUP BY ALL`,
  },
  'ombud-tasks': {
    measure: 'billable minutes (intervention + administration + reporting + travel unless combined)',
    sql: (p) =>
      `SELECT ${code('kommun')} AS seller, 'region' AS buyer, substr(datum, 1, 7) AS period,
        CAST(sum(${minutes('insatstid')} + ${minutes('administration')} + ${minutes('återrapportering')}
          + CASE WHEN lower(trim("resa samordnad")) = 'ja' THEN 0 ELSE ${minutes('restid')} END) AS BIGINT) AS total,
        CAST(count(*) AS BIGINT) AS records
       FROM read_csv('${p}', delim = ';', header = true, all_varchar = true) GROUP BY ALL`,
  },
};

function text(v: unknown): string {
  if (typeof v !== 'string') throw new Error(`DuckDB answered ${typeof v} where a text was expected`);
  return v;
}

async function duckdbSums(sql: string): Promise<PairTotal[]> {
  const instance = await DuckDBInstance.create(':memory:');
  try {
    const connection = await instance.connect();
    try {
      const m = MUNICIPALITIES.map(([c, n]) => `('${c}', '${n}')`).join(', ');
      const reader = await connection.runAndReadAll(`WITH m(code, name) AS (VALUES ${m}) ${sql}`);
      return reader.getRowObjectsJS().map((r) => ({
        seller: text(r['seller']),
        buyer: text(r['buyer']),
        period: text(r['period']),
        ore: Number(r['total']),
        records: Number(r['records']),
      }));
    } finally {
      connection.closeSync();
    }
  } finally {
    instance.closeSync();
  }
}

type Data = Record<string, unknown>;
const num = (v: unknown): number => (typeof v === 'number' ? v : Number(v));

/** Our sum of one stored record of `kind` (same measure as the peer's SQL). */
function ourValue(kind: string, d: Data): number {
  if (kind === 'mt-work-orders') return num(d['travelOre']) + num(d['consumablesOre']) + num(d['sparePartsOre']);
  if (kind === 'inpatient-staff') return num(d['amountOre']);
  const m = d['minutes'] as Data;
  return num(m['intervention']) + num(m['administration']) + num(m['reporting']) + (m['travelCombinable'] === true ? 0 : num(m['travel']));
}

async function ourSums(store: Store, kind: string): Promise<PairTotal[]> {
  const rows = await store.db
    .selectFrom('import_rows')
    .select(['seller_code', 'buyer_code', 'period', 'data_json'])
    .where('kind', '=', kind)
    .execute();
  const totals = new Map<string, { seller: string; buyer: string; period: string; ore: number; records: number }>();
  for (const r of rows) {
    const k = `${r.seller_code ?? ''}|${r.buyer_code ?? ''}|${r.period}`;
    const t = totals.get(k) ?? { seller: r.seller_code ?? '', buyer: r.buyer_code ?? '', period: r.period, ore: 0, records: 0 };
    t.ore += ourValue(kind, decodeRecordData(kind, r.data_json));
    t.records += 1;
    totals.set(k, t);
  }
  return [...totals.values()];
}

/** Import `rows` generated rows of every other record kind into a fresh database under `dir`. */
export async function importOtherKinds(dir: string, rows: number, seed: number, agreement: Agreement): Promise<KindResult[]> {
  const { store } = await prepareStore(
    { sqliteFile: join(dir, 'kinds.sqlite'), audit: { key: auditKeyFrom('ab'.repeat(32), 'bench') } },
    agreement,
    false,
  );
  const out: KindResult[] = [];
  try {
    for (const kindName of Object.keys(recordKindSpecs)) {
      const kind = findImportKind(kindName);
      if (kind === undefined) throw new Error(`no kind ${kindName}`);
      const path = join(dir, `${kindName}.csv`);
      const file = await writeKindCsv(path, kindName, rows, seed);
      const t = process.hrtime.bigint();
      const report = await runImport(store, agreement, {
        kind,
        file: await scanFile(path),
        filename: `${kindName}.csv`,
        actor: 'cli:bench',
        municipality: undefined,
      });
      const ms = Number(process.hrtime.bigint() - t) / 1e6;
      const peer = peerSql[kindName];
      const differences: string[] = [];
      if (report.inserted !== file.rows) differences.push(`stored ${String(report.inserted)} of ${String(file.rows)} rows`);
      if (peer !== undefined) differences.push(...totalsDiffer(await ourSums(store, kindName), await duckdbSums(peer.sql(path))));
      out.push({ kind: kindName, rows: file.rows, inserted: report.inserted, ms, measure: peer?.measure ?? '', differences });
    }
  } finally {
    await store.close();
  }
  return out;
}
