/**
 * The two databases every store and API test runs against. SQLite always (a temp file);
 * PostgreSQL when TEST_DATABASE_URL is set (e.g. postgres://postgres@127.0.0.1:5432/test), each
 * test database being a freshly created schema (selected through `search_path` in the URL) that
 * is dropped afterwards, so test files can run in parallel against one server.
 * Suites are declared with `describe.skipIf(!target.available)`, so a missing PostgreSQL shows
 * up as skipped suites named "PostgreSQL: …", never as silently absent tests.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { StoreOptions } from '../store/db.js';
import { auditKeyFrom, type AuditSettings } from '../audit/audit-key.js';

/** A fresh, empty database; `drop()` removes it. */
export interface TestDatabase {
  readonly options: StoreOptions & { readonly databaseUrl?: string };
  drop(): Promise<void>;
}

/** One of the two databases. */
export interface DatabaseTarget {
  readonly name: 'SQLite' | 'PostgreSQL';
  readonly available: boolean;
  create(): Promise<TestDatabase>;
}

const pgUrl = process.env['TEST_DATABASE_URL'];

/** A fresh audit key per test database (no checkpoint file unless a test asks for one). */
function testAudit(): AuditSettings {
  return { key: auditKeyFrom(randomBytes(32).toString('hex'), 'test') };
}

/** SQLite in a temporary folder. */
export const sqliteTarget: DatabaseTarget = {
  name: 'SQLite',
  available: true,
  create() {
    const dir = mkdtempSync(join(tmpdir(), 'samverkan-test-'));
    return Promise.resolve({
      options: { sqliteFile: join(dir, 'samverkan.sqlite'), audit: testAudit() },
      drop: () => {
        rmSync(dir, { recursive: true, force: true });
        return Promise.resolve();
      },
    });
  },
};

/** PostgreSQL in a fresh schema of TEST_DATABASE_URL. */
export const postgresTarget: DatabaseTarget = {
  name: 'PostgreSQL',
  available: pgUrl !== undefined && pgUrl !== '',
  async create() {
    if (pgUrl === undefined) throw new Error('TEST_DATABASE_URL saknas');
    const schema = `samv_test_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: pgUrl });
    await admin.connect();
    try {
      await admin.query(`create schema ${schema}`);
    } finally {
      await admin.end();
    }
    const url = new URL(pgUrl);
    url.searchParams.set('options', `-c search_path=${schema}`);
    return {
      options: { databaseUrl: url.toString(), sqliteFile: ':unused:', audit: testAudit() },
      async drop() {
        const c = new pg.Client({ connectionString: pgUrl });
        await c.connect();
        try {
          await c.query(`drop schema if exists ${schema} cascade`);
        } finally {
          await c.end();
        }
      },
    };
  },
};

/** Both targets, SQLite first. */
export const databaseTargets: readonly DatabaseTarget[] = [sqliteTarget, postgresTarget];
