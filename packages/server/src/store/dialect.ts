/**
 * What differs between the two databases, behind one interface. Everything else (migrations,
 * queries) is written once with Kysely's portable builders.
 */
import type { Dialect, Kysely, Transaction } from 'kysely';
import type { Database } from './schema.js';

/** The two supported databases. */
export type DatabaseKind = 'sqlite' | 'postgres';

/** One database's specifics. */
export interface StoreDialect {
  readonly kind: DatabaseKind;
  /** The Kysely dialect with connection set-up done. */
  readonly dialect: Dialect;
  /** The schema Kysely's migration tables live in (PostgreSQL: the session's current schema). */
  migrationTableSchema(db: Kysely<Database>): Promise<string | undefined>;
  /**
   * Serialise writers of the audit hash chain until the transaction ends, so two concurrent
   * changes cannot both link to the same previous row.
   */
  lockAuditChain(trx: Transaction<Database>): Promise<void>;
}
