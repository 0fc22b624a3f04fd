/**
 * Compact import rows (decision 0210):
 * - every stored record is re-encoded by imports/record-codec.ts: its fields as a JSON array in
 *   the kind's field order instead of an object naming every field, and a 22-character natural
 *   key instead of 64 hex digits. A row whose fields would not read back identically keeps its
 *   text; a row without a natural key is left as it is;
 * - `legacy_natural_key` keeps the key a re-encoded row had, so the audit seals made before this
 *   migration still verify (object-digests.ts hashes such a row in its earlier form);
 * - `import_rows_import_idx` (import_id) goes: `import_rows_import_id_idx` (import_id, id) of 0008
 *   begins with the same column; the identity index only holds state records (event records,
 *   nearly every row, have no identity).
 */
import { sql, type Kysely } from 'kysely';
import { decodeRecordData, encodeRecordData, recordKey, stateKey } from '../../imports/record-codec.js';

/** Rows read and rewritten per page. */
const PAGE = 1000;

interface StoredRow {
  id: string;
  import_id: string;
  kind: string;
  period: string;
  seller_code: string | null;
  buyer_code: string | null;
  municipality_code: string | null;
  amount_ore: number | string | null;
  data_json: string;
  natural_key: string | null;
  identity_key: string | null;
  legacy_natural_key: string | null;
}

interface Tables {
  import_rows: StoredRow;
}

async function eachPage(db: Kysely<Tables>, fn: (rows: StoredRow[]) => Promise<void>): Promise<void> {
  let after = '';
  for (;;) {
    const rows = await db.selectFrom('import_rows').selectAll().where('id', '>', after).orderBy('id').limit(PAGE).execute();
    await fn(rows);
    const last = rows.at(-1);
    if (last === undefined || rows.length < PAGE) return;
    after = last.id;
  }
}

/** Re-encode every keyed row; the new column and the index changes. */
export async function up(db: Kysely<unknown>): Promise<void> {
  const t = db as unknown as Kysely<Tables>;
  await db.schema.alterTable('import_rows').addColumn('legacy_natural_key', 'text').execute();
  await eachPage(t, async (rows) => {
    for (const r of rows) {
      if (r.natural_key === null) continue;
      const data = decodeRecordData(r.kind, r.data_json);
      const compact = encodeRecordData(r.kind, data);
      const text = JSON.stringify(decodeRecordData(r.kind, compact)) === r.data_json ? compact : r.data_json;
      const columns = {
        period: r.period,
        sellerCode: r.seller_code,
        buyerCode: r.buyer_code,
        municipalityCode: r.municipality_code,
        amountOre: r.amount_ore === null ? null : Number(r.amount_ore),
      };
      const key = r.identity_key === null ? recordKey(r.kind, columns, text) : stateKey(r.kind, columns, text, r.import_id);
      await t
        .updateTable('import_rows')
        .set({ data_json: text, natural_key: key, legacy_natural_key: r.natural_key })
        .where('id', '=', r.id)
        .execute();
    }
  });
  await db.schema.dropIndex('import_rows_import_idx').execute();
  await db.schema.dropIndex('import_rows_identity_idx').execute();
  await db.schema
    .createIndex('import_rows_identity_idx')
    .on('import_rows')
    .columns(['kind', 'identity_key'])
    .where(sql.ref('identity_key'), 'is not', null)
    .execute();
}

/** Back to the object form and the earlier keys and indexes. */
export async function down(db: Kysely<unknown>): Promise<void> {
  const t = db as unknown as Kysely<Tables>;
  await eachPage(t, async (rows) => {
    for (const r of rows) {
      if (r.legacy_natural_key === null) continue;
      await t
        .updateTable('import_rows')
        .set({ data_json: JSON.stringify(decodeRecordData(r.kind, r.data_json)), natural_key: r.legacy_natural_key })
        .where('id', '=', r.id)
        .execute();
    }
  });
  await db.schema.dropIndex('import_rows_identity_idx').execute();
  await db.schema.createIndex('import_rows_identity_idx').on('import_rows').columns(['kind', 'identity_key']).execute();
  await db.schema.createIndex('import_rows_import_idx').on('import_rows').column('import_id').execute();
  await db.schema.alterTable('import_rows').dropColumn('legacy_natural_key').execute();
}
