/**
 * Fresh databases for one bench run: SQLite in a temporary folder, PostgreSQL in a fresh schema of
 * BENCH_DATABASE_URL (or TEST_DATABASE_URL, or the local postgres://postgres@127.0.0.1:5432/test),
 * selected through `search_path` and dropped afterwards — the same scheme as the store tests.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { auditKeyFrom } from '@samverkan/server/dist/audit/audit-key.js';
import type { StoreOptions } from '@samverkan/server/dist/store/db.js';

export const postgresUrl =
  process.env['BENCH_DATABASE_URL'] ?? process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A fresh, empty database. */
export interface BenchDatabase {
  readonly name: 'SQLite' | 'PostgreSQL';
  readonly options: StoreOptions;
  /** Bytes the database takes on disk (SQLite: file and WAL; PostgreSQL: tables and indexes of the schema). */
  size(): Promise<number>;
  drop(): Promise<void>;
}

function audit(): StoreOptions['audit'] {
  return { key: auditKeyFrom(randomBytes(32).toString('hex'), 'bench') };
}

/** SQLite in a temporary folder. */
export function sqliteDatabase(): Promise<BenchDatabase> {
  const dir = mkdtempSync(join(tmpdir(), 'samverkan-bench-db-'));
  const file = join(dir, 'samverkan.sqlite');
  const bytes = (f: string): number => {
    try {
      return statSync(f).size;
    } catch {
      return 0;
    }
  };
  return Promise.resolve({
    name: 'SQLite',
    options: { sqliteFile: file, audit: audit() },
    size: () => Promise.resolve(bytes(file) + bytes(`${file}-wal`)),
    drop: () => {
      rmSync(dir, { recursive: true, force: true });
      return Promise.resolve();
    },
  });
}

async function withClient<T>(f: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: postgresUrl, connectionTimeoutMillis: 3000 });
  await c.connect();
  try {
    return await f(c);
  } finally {
    await c.end();
  }
}

/** Why PostgreSQL cannot be used, or null when it answers. */
export async function postgresUnavailable(): Promise<string | null> {
  try {
    await withClient((c) => c.query('select 1'));
    return null;
  } catch (e) {
    return `${new URL(postgresUrl).host} did not answer (${e instanceof Error ? e.message : String(e)})`;
  }
}

/** PostgreSQL in a fresh schema. */
export async function postgresDatabase(): Promise<BenchDatabase> {
  const schema = `samv_bench_${randomBytes(6).toString('hex')}`;
  await withClient((c) => c.query(`create schema ${schema}`));
  const url = new URL(postgresUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return {
    name: 'PostgreSQL',
    options: { databaseUrl: url.toString(), sqliteFile: ':unused:', audit: audit() },
    size: () =>
      withClient(async (c) => {
        const r = await c.query<{ bytes: string | null }>(
          `select sum(pg_total_relation_size(format('%I.%I', schemaname, tablename)::regclass))::text as bytes from pg_tables where schemaname = $1`,
          [schema],
        );
        return Number(r.rows[0]?.bytes ?? 0);
      }),
    drop: () => withClient((c) => c.query(`drop schema if exists ${schema} cascade`)).then(() => undefined),
  };
}
