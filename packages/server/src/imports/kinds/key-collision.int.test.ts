/**
 * A short natural key could collide (decision 0210): a stored record whose key equals a new
 * record's but whose content differs must refuse the import (SAMV_ERR_CONFLICT, nothing stored),
 * never be taken for a duplicate — on both databases, so through the spool (SQLite) and without.
 * The same record stored before is still a duplicate.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAgreement } from '../../agreement/read-agreement-dir.js';
import { databaseTargets, type TestDatabase } from '../../testing/databases.testkit.js';
import { openStore, type Store } from '../../store/db.js';
import { seedMunicipalities } from '../../store/seed-municipalities.js';
import { scanFile } from '../file-scan.js';
import { runImport } from '../run-import.js';
import { passOverFile } from '../validate-file.js';
import { encodeRecordData } from '../record-codec.js';
import { daytimeAssignmentsKind } from './daytime-assignments.js';
import { naturalKey, type RecordDraft } from './record-kind.js';

const agreement = readAgreement();
const CSV = [
  'datum;starttid;utförare;beställare;insatstid;referens',
  '2026-09-01;09:00;region;Östersund;45;K-1',
  '2026-09-02;10:00;Krokom;region;30;K-2',
  '',
].join('\r\n');

for (const target of databaseTargets) {
  describe.skipIf(!target.available)(`${target.name}: natural-key collisions`, () => {
    let db: TestDatabase;
    let store: Store;
    const dir = mkdtempSync(join(tmpdir(), 'samverkan-collision-'));
    const path = join(dir, 'k.csv');
    let drafts: RecordDraft[] = [];

    const count = async (): Promise<number> =>
      Number(
        (
          await store.db
            .selectFrom('import_rows')
            .select((eb) => eb.fn.countAll<number | string>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    /** Store `d` (or other content under `d`'s key) as a complete import of its own. */
    const storeUnderKeyOf = async (d: RecordDraft, data: Readonly<Record<string, unknown>>): Promise<void> => {
      const importId = randomUUID();
      await store.db
        .insertInto('imports')
        .values({
          id: importId,
          kind: 'daytime-assignments',
          filename: 'tidigare.csv',
          content_sha256: randomUUID(),
          municipality_code: null,
          row_count: 1,
          uploaded_by: 'test',
          uploaded_at: new Date().toISOString(),
          demo: 0,
          status: 'complete',
        })
        .execute();
      await store.db
        .insertInto('import_rows')
        .values({
          id: randomUUID(),
          import_id: importId,
          line: 2,
          kind: 'daytime-assignments',
          period: d.period,
          seller_code: d.sellerCode,
          buyer_code: d.buyerCode,
          municipality_code: d.municipalityCode,
          amount_ore: d.amountOre,
          data_json: encodeRecordData('daytime-assignments', data),
          demo: 0,
          natural_key: naturalKey('daytime-assignments', d),
          identity_key: null,
        })
        .execute();
    };
    const importFile = (name: string) =>
      scanFile(path).then((file) =>
        runImport(store, agreement, { kind: daytimeAssignmentsKind, file, filename: name, actor: 'test', municipality: undefined }),
      );

    beforeAll(async () => {
      db = await target.create();
      store = openStore(db.options);
      await store.migrate();
      await seedMunicipalities(store, agreement);
      writeFileSync(path, CSV);
      const found: RecordDraft[] = [];
      await passOverFile(
        daytimeAssignmentsKind,
        await scanFile(path),
        { agreement, filename: 'k.csv' },
        { municipality: undefined },
        (v) => {
          found.push(v as RecordDraft);
          return Promise.resolve();
        },
      );
      drafts = found;
      expect(drafts).toHaveLength(2);
    });
    afterAll(async () => {
      await store.close();
      await db.drop();
      rmSync(dir, { recursive: true, force: true });
    });

    it('refuses the import when a stored record with the same key has other content, and stores nothing', async () => {
      const [first] = drafts;
      if (first === undefined) throw new Error('no draft');
      await storeUnderKeyOf(first, { ...first.data, reference: 'EN-ANNAN-POST' });
      const before = await count();
      await expect(importFile('kollision.csv')).rejects.toMatchObject({
        code: 'SAMV_ERR_CONFLICT',
        message: expect.stringContaining('nyckelkollision') as unknown,
      });
      expect(await count()).toBe(before);
    });

    it('still skips the same record stored before as a duplicate', async () => {
      await store.db.deleteFrom('import_rows').execute();
      await store.db.deleteFrom('imports').execute();
      const [, second] = drafts;
      if (second === undefined) throw new Error('no draft');
      await storeUnderKeyOf(second, second.data);
      const report = await importFile('samma.csv');
      expect({ inserted: report.inserted, duplicates: report.duplicates }).toEqual({ inserted: 1, duplicates: 1 });
      expect(await count()).toBe(2);
    });
  });
}
