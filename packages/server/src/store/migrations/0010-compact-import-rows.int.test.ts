/**
 * Migration 0010 on both databases: a database holding import rows in the earlier form (fields as
 * a JSON object, a 64-hex natural key over canonical JSON), one fixture file per record kind, is
 * migrated; every row then reads back identically, is stored compactly with a short key, keeps the
 * form its audit seal hashed, and importing the same records again (another file name and hash)
 * stores nothing new: the re-keying matches what the importer computes today.
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Migrator, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAgreement } from '../../agreement/read-agreement-dir.js';
import { canonicalJson } from '../../audit/canonical-json.js';
import { databaseTargets, type TestDatabase } from '../../testing/databases.testkit.js';
import { openStore, type Store } from '../db.js';
import { seedMunicipalities } from '../seed-municipalities.js';
import { migrationProvider } from './index.js';
import { kindFixtures, fixtureCsv } from '../../imports/import-fixtures.testkit.js';
import { findImportKind } from '../../imports/kinds/index.js';
import type { RecordDraft } from '../../imports/kinds/record-kind.js';
import { scanFile } from '../../imports/file-scan.js';
import { passOverFile } from '../../imports/validate-file.js';
import { runImport } from '../../imports/run-import.js';
import { decodeRecordData, legacyDataText } from '../../imports/record-codec.js';

const agreement = readAgreement();
const recordKinds = new Set([
  'daytime-assignments',
  'ombud-tasks',
  'mt-work-orders',
  'mt-inventory',
  'inpatient-staff',
  'connected-counts',
  'development-budgets',
  'population',
]);
const fixtures = kindFixtures.filter((f) => recordKinds.has(f.kind));

/** The natural key as versions before 0010 computed it. */
function oldKey(kind: string, d: RecordDraft): string {
  const text = canonicalJson({
    kind,
    period: d.period,
    seller: d.sellerCode,
    buyer: d.buyerCode,
    municipality: d.municipalityCode,
    amount: d.amountOre,
    data: d.data,
  });
  return createHash('sha256').update(text).digest('hex');
}

interface OldRow {
  id: string;
  kind: string;
  data_json: string;
  natural_key: string;
}

for (const target of databaseTargets) {
  describe.skipIf(!target.available)(`${target.name}: migration 0010 re-encodes stored import rows`, () => {
    let db: TestDatabase;
    let store: Store;
    const dir = mkdtempSync(join(tmpdir(), 'samverkan-0010-'));
    const old: OldRow[] = [];
    const files = new Map<string, string>();

    beforeAll(async () => {
      db = await target.create();
      store = openStore(db.options);
      const schema = db.options.databaseUrl
        ? (await sql<{ s: string }>`select current_schema() as s`.execute(store.db)).rows[0]?.s
        : undefined;
      const migrator = new Migrator({ db: store.db, provider: migrationProvider, ...(schema ? { migrationTableSchema: schema } : {}) });
      const to0009 = await migrator.migrateTo('0009-party-register-and-invoice-numbers');
      if (to0009.error !== undefined) throw to0009.error instanceof Error ? to0009.error : new Error('migrating to 0009 failed');
      await seedMunicipalities(store, agreement);
      for (const f of fixtures) {
        const kind = findImportKind(f.kind);
        if (!kind) throw new Error(f.kind);
        const path = join(dir, `${f.kind}.csv`);
        writeFileSync(path, fixtureCsv(f, 'sv-semicolon'));
        files.set(f.kind, path);
        const importId = randomUUID();
        const drafts: { d: RecordDraft; line: number }[] = [];
        const pass = await passOverFile(
          kind,
          await scanFile(path),
          { agreement, filename: 'x.csv' },
          { municipality: undefined },
          (v, line) => {
            drafts.push({ d: v as RecordDraft, line });
            return Promise.resolve();
          },
        );
        expect(pass.problems.empty).toBe(true);
        // What the importer wrote before 0010 (0009's columns only).
        await sql`insert into imports (id, kind, filename, content_sha256, municipality_code, row_count, uploaded_by, uploaded_at, demo, status)
          values (${importId}, ${f.kind}, ${'gammal.csv'}, ${'sha-of-an-older-export'}, ${null}, ${drafts.length}, ${'test'}, ${new Date().toISOString()}, ${0}, ${'complete'})`.execute(
          store.db,
        );
        for (const { d, line } of drafts) {
          const row: OldRow = {
            id: randomUUID(),
            kind: f.kind,
            data_json: JSON.stringify(d.data),
            natural_key:
              d.identity === undefined
                ? oldKey(f.kind, d)
                : createHash('sha256')
                    .update(`${String(line)}|${importId}`)
                    .digest('hex'),
          };
          old.push(row);
          await sql`insert into import_rows (id, import_id, line, kind, period, seller_code, buyer_code, municipality_code, amount_ore, data_json, demo, natural_key, identity_key)
            values (${row.id}, ${importId}, ${line}, ${f.kind}, ${d.period}, ${d.sellerCode}, ${d.buyerCode}, ${d.municipalityCode}, ${d.amountOre}, ${row.data_json}, ${0}, ${row.natural_key}, ${d.identity ?? null})`.execute(
            store.db,
          );
        }
      }
      expect(await store.migrate()).toEqual(['0010-compact-import-rows', '0011-lean-import-row-indexes']);
    });
    afterAll(async () => {
      await store.close();
      await db.drop();
      rmSync(dir, { recursive: true, force: true });
    });

    it('stores every kind compactly with a short key and reads each row back identically', async () => {
      expect(new Set(old.map((r) => r.kind))).toEqual(recordKinds);
      const rows = await store.db
        .selectFrom('import_rows')
        .select(['id', 'kind', 'data_json', 'natural_key', 'legacy_natural_key'])
        .execute();
      expect(rows).toHaveLength(old.length);
      const byId = new Map(rows.map((r) => [r.id, r]));
      for (const o of old) {
        const r = byId.get(o.id);
        expect(r?.data_json.startsWith('['), `${o.kind}: ${r?.data_json ?? ''}`).toBe(true);
        expect(r?.data_json.length).toBeLessThan(o.data_json.length);
        expect(decodeRecordData(o.kind, r?.data_json ?? '')).toEqual(JSON.parse(o.data_json));
        // What the audit seal of the row hashed before the migration (object-digests.ts).
        expect(legacyDataText(o.kind, r?.data_json ?? '')).toBe(o.data_json);
        expect(r?.legacy_natural_key).toBe(o.natural_key);
        expect(r?.natural_key).toMatch(/^[A-Za-z0-9_-]{22}$/);
      }
    });

    it('drops the duplicate import index and keeps the identity index for state records only', async () => {
      const names =
        store.kind === 'sqlite'
          ? (
              await sql<{ name: string }>`select name from sqlite_master where type = 'index' and tbl_name = 'import_rows'`.execute(
                store.db,
              )
            ).rows
          : (
              await sql<{
                name: string;
              }>`select indexname as name from pg_indexes where tablename = 'import_rows' and schemaname = current_schema()`.execute(
                store.db,
              )
            ).rows;
      const list = names.map((n) => n.name);
      expect(list).not.toContain('import_rows_import_idx');
      expect(list).toContain('import_rows_import_id_idx');
      expect(list).toContain('import_rows_identity_idx');
    });

    it('importing the same records again stores nothing: the new keys are the importer’s', async () => {
      for (const f of fixtures) {
        const kind = findImportKind(f.kind);
        const path = files.get(f.kind);
        if (!kind || path === undefined) throw new Error(f.kind);
        const report = await runImport(store, agreement, {
          kind,
          file: await scanFile(path),
          filename: `${f.kind}-igen.csv`,
          actor: 'test',
          municipality: undefined,
        });
        expect({ kind: f.kind, inserted: report.inserted, duplicates: report.duplicates }).toEqual({
          kind: f.kind,
          inserted: 0,
          duplicates: report.rows,
        });
      }
      const n = await store.db
        .selectFrom('import_rows')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(n.n)).toBe(old.length);
    });
  });
}
