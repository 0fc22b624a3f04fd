/**
 * Migration 0011 on both databases: rows stored under 0010's indexes are kept as they were; the
 * natural key is then unique on its own (a second row with a stored key is refused even under
 * another kind, rows without a key are still allowed), the municipality index is gone, and
 * `down` restores the per-kind uniqueness. A re-import of stored records adds nothing.
 */
import { randomUUID } from 'node:crypto';
import { Migrator, sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAgreement } from '../../agreement/read-agreement-dir.js';
import { databaseTargets, type TestDatabase } from '../../testing/databases.testkit.js';
import { openStore, type Store } from '../db.js';
import type { Database } from '../schema.js';
import { seedMunicipalities } from '../seed-municipalities.js';
import { migrationProvider } from './index.js';

const agreement = readAgreement();

async function insertRow(db: Kysely<Database>, importId: string, kind: string, key: string | null, line: number): Promise<void> {
  await sql`insert into import_rows (id, import_id, line, kind, period, seller_code, buyer_code, municipality_code, amount_ore, data_json, demo, natural_key, identity_key)
    values (${randomUUID()}, ${importId}, ${line}, ${kind}, ${'2026-09'}, ${'region'}, ${'2380'}, ${'2380'}, ${null}, ${'["2026-09-01"]'}, ${0}, ${key}, ${null})`.execute(
    db,
  );
}

async function indexNames(db: Kysely<Database>, postgres: boolean): Promise<string[]> {
  const r = postgres
    ? await sql<{
        name: string;
      }>`select indexname as name from pg_indexes where tablename = 'import_rows' and schemaname = current_schema()`.execute(db)
    : await sql<{ name: string }>`select name from sqlite_master where type = 'index' and tbl_name = 'import_rows'`.execute(db);
  return r.rows.map((x) => x.name).sort();
}

for (const target of databaseTargets) {
  describe.skipIf(!target.available)(`${target.name}: migration 0011 leaner import-row indexes`, () => {
    let db: TestDatabase;
    let store: Store;
    let migrator: Migrator;
    const importId = randomUUID();
    const postgres = target.name !== 'SQLite';
    let before: unknown[] = [];

    beforeAll(async () => {
      db = await target.create();
      store = openStore(db.options);
      const schema = db.options.databaseUrl
        ? (await sql<{ s: string }>`select current_schema() as s`.execute(store.db)).rows[0]?.s
        : undefined;
      migrator = new Migrator({ db: store.db, provider: migrationProvider, ...(schema ? { migrationTableSchema: schema } : {}) });
      const to0010 = await migrator.migrateTo('0010-compact-import-rows');
      if (to0010.error !== undefined) throw to0010.error instanceof Error ? to0010.error : new Error('migrating to 0010 failed');
      await seedMunicipalities(store, agreement);
      await sql`insert into imports (id, kind, filename, content_sha256, municipality_code, row_count, uploaded_by, uploaded_at, demo, status)
        values (${importId}, ${'daytime-assignments'}, ${'x.csv'}, ${'sha'}, ${null}, ${4}, ${'test'}, ${new Date().toISOString()}, ${0}, ${'complete'})`.execute(
        store.db,
      );
      // Under 0010 one key may be stored once per kind.
      await insertRow(store.db, importId, 'daytime-assignments', 'AAAAAAAAAAAAAAAAAAAAAA', 2);
      await insertRow(store.db, importId, 'ombud-tasks', 'BBBBBBBBBBBBBBBBBBBBBB', 3);
      await insertRow(store.db, importId, 'daytime-assignments', null, 4);
      await insertRow(store.db, importId, 'daytime-assignments', null, 5);
      before = await store.db.selectFrom('import_rows').selectAll().orderBy('line').execute();
      expect(await store.migrate()).toEqual(['0011-lean-import-row-indexes']);
    });
    afterAll(async () => {
      await store.close();
      await db.drop();
    });

    it('keeps every row as it was and drops the municipality index', async () => {
      expect(await store.db.selectFrom('import_rows').selectAll().orderBy('line').execute()).toEqual(before);
      const names = await indexNames(store.db, postgres);
      expect(names).toContain('import_rows_natural_key_uq');
      expect(names).not.toContain('import_rows_municipality_idx');
    });

    it('refuses a stored key under another kind, allows rows without a key, and down restores per-kind keys', async () => {
      await expect(insertRow(store.db, importId, 'ombud-tasks', 'AAAAAAAAAAAAAAAAAAAAAA', 6)).rejects.toThrow(/unique|UNIQUE/);
      await insertRow(store.db, importId, 'ombud-tasks', null, 7);
      const down = await migrator.migrateTo('0010-compact-import-rows');
      expect(down.error).toBeUndefined();
      expect(await indexNames(store.db, postgres)).toContain('import_rows_municipality_idx');
      await insertRow(store.db, importId, 'ombud-tasks', 'AAAAAAAAAAAAAAAAAAAAAA', 8);
      await expect(insertRow(store.db, importId, 'ombud-tasks', 'AAAAAAAAAAAAAAAAAAAAAA', 9)).rejects.toThrow(/unique|UNIQUE/);
    });
  });
}
