/**
 * Leaner import-row indexes (decision 0260):
 * - the natural key's unique index is on the key alone, not (kind, key): every key is a hash over
 *   the kind among the rest (imports/record-codec.ts `recordKey`/`stateKey`, and migration 0010
 *   re-keyed every stored row so), so the kind added 20 bytes per row to the index and nothing to
 *   its uniqueness. A key shared across two kinds would now be refused as a collision, never
 *   taken for a duplicate (imports/kinds/record-kind.ts compares the kind too);
 * - `import_rows_municipality_idx` goes: no query filters on the municipality alone (the party
 *   scope of billing's views is an OR over seller, buyer and municipality, which it cannot serve),
 *   and it cost an index entry per row on every import.
 */
import type { Kysely } from 'kysely';

/** The key index on the key alone; the municipality index dropped. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('import_rows_natural_key_uq').execute();
  await db.schema.createIndex('import_rows_natural_key_uq').on('import_rows').column('natural_key').unique().execute();
  await db.schema.dropIndex('import_rows_municipality_idx').execute();
}

/** The indexes of 0002 again. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('import_rows_municipality_idx').on('import_rows').column('municipality_code').execute();
  await db.schema.dropIndex('import_rows_natural_key_uq').execute();
  await db.schema.createIndex('import_rows_natural_key_uq').on('import_rows').columns(['kind', 'natural_key']).unique().execute();
}
