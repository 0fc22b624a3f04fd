/**
 * Which audit key a database handle writes with, without threading it through every caller of
 * `appendAudit`: `openStore` registers its Kysely instance, and `store.transaction` registers
 * each transaction it opens together with the head the transaction appended (written to the
 * checkpoint file after the commit).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';
import type { AuditSettings } from './audit-key.js';

/** One transaction's view of the chain. */
export interface ChainContext {
  readonly settings: AuditSettings | undefined;
  /** The newest row appended in this transaction. */
  head: { seq: number; hash: string } | undefined;
}

const contexts = new WeakMap<Kysely<Database>, ChainContext>();
const settingsOf = new WeakMap<Kysely<Database>, AuditSettings>();

/** Remember the settings of a store's handle (`openStore`). */
export function registerAuditSettings(db: Kysely<Database>, settings: AuditSettings | undefined): void {
  if (settings !== undefined) settingsOf.set(db, settings);
}

/** The settings `db` was opened with (a store's handle or one of its transactions). */
export function auditSettingsOf(db: Kysely<Database>): AuditSettings | undefined {
  return settingsOf.get(db) ?? contexts.get(db)?.settings;
}

/** Start a transaction's context (`store.transaction`). */
export function bindChainContext(trx: Kysely<Database>, settings: AuditSettings | undefined): ChainContext {
  const ctx: ChainContext = { settings, head: undefined };
  contexts.set(trx, ctx);
  return ctx;
}

/** The context of a transaction opened by `store.transaction`, if it was. */
export function chainContextOf(trx: Kysely<Database>): ChainContext | undefined {
  return contexts.get(trx);
}
