/**
 * Prepared statements reused by SQL text. Kysely's SQLite driver calls `prepare` for every query,
 * and compiling the SQL was 14.8 % (self) of a signed-in API request (issue 11). The queries a
 * service runs are a small, fixed set of shapes (parameters are bound, not inlined), so a small
 * LRU keyed by the SQL text holds nearly all of them; variable shapes (multi-row inserts of an
 * import chunk) come and go through it without growing it.
 *
 * Reusing a better-sqlite3 statement is safe here: Kysely gives SQLite one connection behind a
 * mutex, so a statement is never used by two queries at once (a streamed query holds the
 * connection until its iterator is closed), and SQLite re-prepares a statement itself when the
 * schema changes under it (migrations).
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

/** Statements kept per connection. */
export const STATEMENT_CACHE_SIZE = 256;

/** A Kysely `SqliteDatabase` over better-sqlite3 that prepares each distinct SQL text once (LRU). */
export class CachedStatements implements SqliteDatabase {
  private readonly statements = new Map<string, BetterSqlite3.Statement>();

  constructor(
    private readonly database: BetterSqlite3.Database,
    private readonly size = STATEMENT_CACHE_SIZE,
  ) {}

  prepare(sql: string): SqliteStatement {
    const hit = this.statements.get(sql);
    if (hit !== undefined) {
      // Move to the young end of the Map's insertion order.
      this.statements.delete(sql);
      this.statements.set(sql, hit);
      return hit;
    }
    const statement = this.database.prepare(sql);
    if (this.statements.size >= this.size) {
      const oldest = this.statements.keys().next();
      if (oldest.done !== true) this.statements.delete(oldest.value);
    }
    this.statements.set(sql, statement);
    return statement;
  }

  /** How many statements are held (for tests). */
  get cached(): number {
    return this.statements.size;
  }

  close(): void {
    this.statements.clear();
    this.database.close();
  }
}
