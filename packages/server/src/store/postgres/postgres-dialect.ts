/**
 * PostgreSQL through `pg` when DATABASE_URL is set. A `search_path` given in the URL
 * (`?options=-c%20search_path%3Dname`) is honoured; Kysely's migration tables then live in
 * that schema too, which is how each test file gets its own isolated schema.
 */
import pg from 'pg';
import { PostgresDialect, sql } from 'kysely';
import type { StoreDialect } from '../dialect.js';
import { registerBigintParser } from './bigint-parser.js';

/** Any fixed key: all writers of the audit chain take this transaction-level advisory lock. */
const AUDIT_CHAIN_LOCK_KEY = 7_270_001;

/** Connect to PostgreSQL with a small pool. */
export function postgresDialect(connectionString: string): StoreDialect {
  registerBigintParser();
  const pool = new pg.Pool({ connectionString, max: 10 });
  return {
    kind: 'postgres',
    dialect: new PostgresDialect({ pool }),
    async migrationTableSchema(db) {
      const r = await sql<{ schema: string | null }>`select current_schema() as schema`.execute(db);
      return r.rows[0]?.schema ?? undefined;
    },
    async lockAuditChain(trx) {
      await sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK_KEY})`.execute(trx);
    },
  };
}
