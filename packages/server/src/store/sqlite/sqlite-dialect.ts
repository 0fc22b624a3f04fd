/**
 * SQLite through better-sqlite3: a file under var/ in WAL mode (readers never block the writer),
 * foreign keys enforced (SQLite leaves them off by default), and a busy timeout so a CLI command
 * running next to the server waits for the lock instead of failing.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { SqliteDialect } from 'kysely';
import type { StoreDialect } from '../dialect.js';

/** Milliseconds a statement waits for another connection's write lock. */
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
    dialect: new SqliteDialect({ database }),
    migrationTableSchema: () => Promise.resolve(undefined),
    // Kysely gives better-sqlite3 a single connection guarded by a mutex: transactions in this
    // process are already serialised, and other processes wait on SQLite's own write lock.
    lockAuditChain: () => Promise.resolve(),
  };
}
