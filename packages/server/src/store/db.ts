/**
 * The store: a Kysely instance over SQLite (default, a file under var/) or PostgreSQL (when a
 * database URL is given), plus the transaction helper every change goes through.
 */
import { Kysely, Migrator, sql, type Transaction } from 'kysely';
import { SamverkanError } from '@samverkan/core';
import type { Database } from './schema.js';
import type { DatabaseKind, StoreDialect } from './dialect.js';
import { sqliteDialect } from './sqlite/sqlite-dialect.js';
import { postgresDialect } from './postgres/postgres-dialect.js';
import { migrationProvider } from './migrations/index.js';
import type { AuditSettings } from '../audit/audit-key.js';
import { bindChainContext, registerAuditSettings } from '../audit/chain-context.js';
import { appendCheckpoint, signCheckpoint } from '../audit/checkpoints.js';

/** Where the data lives. */
export interface StoreOptions {
  /** PostgreSQL connection string; when absent SQLite is used. */
  readonly databaseUrl?: string | undefined;
  /** SQLite file (absolute path, or `:memory:`). */
  readonly sqliteFile: string;
  /** The audit chain's key and checkpoint file (decision 0100); without them nothing can be audited. */
  readonly audit?: AuditSettings | undefined;
}

/** An open database. */
export interface Store {
  readonly db: Kysely<Database>;
  readonly kind: DatabaseKind;
  readonly audit: AuditSettings | undefined;
  /**
   * Run `fn` in one transaction. Use it for every change: the audit row appended inside (see
   * audit/append-audit.ts) then commits or rolls back together with the change it records.
   */
  transaction<T>(fn: (trx: Transaction<Database>) => Promise<T>): Promise<T>;
  /** Create or migrate the tables to the latest version; returns the migrations applied. */
  migrate(): Promise<string[]>;
  /** Throws when the database cannot be reached. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** Open the database described by `options` (no migration; call `migrate()`). */
export function openStore(options: StoreOptions): Store {
  const dialect: StoreDialect = options.databaseUrl ? postgresDialect(options.databaseUrl) : sqliteDialect(options.sqliteFile);
  const db = new Kysely<Database>({ dialect: dialect.dialect });
  let closed = false;
  registerAuditSettings(db, options.audit);
  return {
    db,
    kind: dialect.kind,
    audit: options.audit,
    async transaction(fn) {
      let chain: ReturnType<typeof bindChainContext> | undefined;
      // SQLite rolls a transaction back by itself on SQLITE_FULL (and I/O errors); Kysely's own
      // ROLLBACK then fails with "no transaction is active", which would hide why it failed.
      const failed: { error?: unknown; set: boolean } = { set: false };
      const result = await db
        .transaction()
        .execute(async (trx) => {
          await dialect.lockAuditChain(trx);
          chain = bindChainContext(trx, options.audit);
          try {
            return await fn(trx);
          } catch (e) {
            failed.error = e;
            failed.set = true;
            throw e;
          }
        })
        .catch((e: unknown) => {
          throw failed.set ? failed.error : e;
        });
      if (chain?.head !== undefined) checkpointAfterCommit(options.audit, chain.head);
      return result;
    },
    async migrate() {
      const migrationTableSchema = await dialect.migrationTableSchema(db);
      const migrator = new Migrator({ db, provider: migrationProvider, ...(migrationTableSchema ? { migrationTableSchema } : {}) });
      const { error, results } = await migrator.migrateToLatest();
      if (error !== undefined) {
        const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'okänd';
        throw new SamverkanError(
          'SAMV_ERR_INTERNAL',
          `Databasen kunde inte migreras (migrering ${failed}): ${error instanceof Error ? error.message : 'okänt fel'}`,
        );
      }
      return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
    },
    async ping() {
      await sql`select 1`.execute(db);
    },
    async close() {
      if (closed) return;
      closed = true;
      await db.destroy();
    },
  };
}

/**
 * The change is committed: anchor the new head outside the database. A failure here must not turn
 * a committed change into an error answer, so it is reported as a process warning (stderr).
 */
function checkpointAfterCommit(audit: AuditSettings | undefined, head: { seq: number; hash: string }): void {
  if (audit?.checkpointFile === undefined) return;
  try {
    appendCheckpoint(audit.checkpointFile, signCheckpoint(audit.key, 'commit', head));
  } catch (e) {
    process.emitWarning(
      `Granskningsloggens kontrollpunkt kunde inte skrivas till ${audit.checkpointFile}: ${e instanceof Error ? e.message : 'okänt fel'}`,
      { code: 'SAMV_AUDIT_CHECKPOINT' },
    );
  }
}
