/**
 * The keyed audit chain (decision 0100): each audit row gets `state_json`, the sealed state of
 * the objects the change concerns (users with their identities, imports with their rows, invoice
 * bases with their lines) as content digests, so `audit verify` can compare the tables with
 * their last audited state. The column is covered by the row's HMAC; rows written before this
 * migration keep NULL and their plain SHA-256 (see audit/introduce-key.ts).
 * The index on (import_id, id) lets the digest of one import be read in id order page by page.
 */
import type { Kysely } from 'kysely';

/** Add the sealed-state column and the paging index. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('audit_log').addColumn('state_json', 'text').execute();
  await db.schema.createIndex('import_rows_import_id_idx').on('import_rows').columns(['import_id', 'id']).execute();
}

/** Drop them again. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('import_rows_import_id_idx').execute();
  await db.schema.alterTable('audit_log').dropColumn('state_json').execute();
}
