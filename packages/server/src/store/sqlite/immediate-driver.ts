/**
 * Write transactions on SQLite start with BEGIN IMMEDIATE, retried without blocking the event loop.
 *
 * Kysely's driver begins with a plain (deferred) BEGIN: the transaction starts as a reader and
 * upgrades at its first write. When another process (a second server, a CLI import) committed in
 * between, SQLite answers SQLITE_BUSY at once without waiting (the busy timeout cannot help a
 * stale snapshot), which the probe saw as 8 × 500 in 110 requests on two servers. BEGIN IMMEDIATE
 * takes the write lock first, so nothing is read before the lock is held. It is tried with no busy
 * timeout and retried on a timer: better-sqlite3 waits synchronously, and a 5 s busy wait in BEGIN
 * would stall every other request of this process. Statements outside transactions keep the
 * connection's busy timeout (they are single short writes).
 */
import type BetterSqlite3 from 'better-sqlite3';
import { SqliteDialect, SqliteDriver, type DatabaseConnection, type Driver, type SqliteDialectConfig } from 'kysely';
import { CompiledQuery } from 'kysely';
import { SamverkanError } from '@samverkan/core';
import { CachedStatements } from './statement-cache.js';

/** How long a write transaction waits for another connection's write lock before giving up. */
export const SQLITE_WRITE_WAIT_MS = 30_000;

function isBusy(e: unknown): boolean {
  return typeof e === 'object' && e !== null && 'code' in e && typeof e.code === 'string' && e.code.startsWith('SQLITE_BUSY');
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

class ImmediateDriver extends SqliteDriver {
  constructor(
    config: SqliteDialectConfig,
    private readonly database: BetterSqlite3.Database,
    private readonly busyTimeoutMs: number,
  ) {
    super(config);
  }

  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    const deadline = Date.now() + SQLITE_WRITE_WAIT_MS;
    let delay = 2;
    this.database.pragma('busy_timeout = 0');
    try {
      for (;;) {
        try {
          await connection.executeQuery(CompiledQuery.raw('begin immediate'));
          return;
        } catch (e) {
          if (!isBusy(e)) throw e;
          if (Date.now() >= deadline) {
            throw new SamverkanError(
              'SAMV_ERR_CONFLICT',
              `Databasen var upptagen av en annan skrivning i mer än ${String(SQLITE_WRITE_WAIT_MS / 1000)} sekunder; inget har sparats. Försök igen om en stund (pågår en stor import i ett annat program?).`,
            );
          }
          // Jittered back-off up to 50 ms: short enough to follow chunked imports closely.
          await sleep(delay + Math.floor(Math.random() * delay));
          delay = Math.min(delay * 2, 50);
        }
      }
    } finally {
      this.database.pragma(`busy_timeout = ${String(this.busyTimeoutMs)}`);
    }
  }
}

/** Kysely's SQLite dialect with IMMEDIATE write transactions and reused prepared statements. */
export class ImmediateSqliteDialect extends SqliteDialect {
  constructor(
    private readonly database: BetterSqlite3.Database,
    private readonly busyTimeoutMs: number,
  ) {
    super({ database });
  }

  override createDriver(): Driver {
    return new ImmediateDriver({ database: new CachedStatements(this.database) }, this.database, this.busyTimeoutMs);
  }
}
