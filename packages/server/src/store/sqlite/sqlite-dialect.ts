/**
 * SQLite through better-sqlite3: a file under var/ in WAL mode (readers never block the writer),
 * foreign keys enforced (SQLite leaves them off by default), write transactions that take the
 * write lock first and wait for it without blocking the event loop (immediate-driver.ts), and a
 * busy timeout for single statements, so a CLI command or a second server on the same file waits
 * instead of failing. Long work (imports) writes in short transactions (decision 0131).
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { StoreDialect } from '../dialect.js';
import { ImmediateSqliteDialect } from './immediate-driver.js';

/** Milliseconds a single statement (outside a transaction) waits for another connection's write lock. */
export const SQLITE_BUSY_TIMEOUT_MS = 5000;

/** Open (creating when missing) the SQLite file and set the connection pragmas. */
export function sqliteDialect(file: string): StoreDialect {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const database = new BetterSqlite3(file);
  database.pragma('journal_mode = WAL');
  database.pragma('foreign_keys = ON');
  database.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
  database.pragma('synchronous = NORMAL');
  return {
    kind: 'sqlite',
    dialect: new ImmediateSqliteDialect(database, SQLITE_BUSY_TIMEOUT_MS),
    migrationTableSchema: () => Promise.resolve(undefined),
    // Kysely gives better-sqlite3 a single connection guarded by a mutex: transactions in this
    // process are already serialised, and other processes wait on SQLite's own write lock.
    lockAuditChain: () => Promise.resolve(),
  };
}
