/**
 * The audit seal of an import is hashed while its rows are staged (decision 0176), its row digests
 * packed in one buffer and ordered by a native sort (decision 0260). Here, on both databases, the
 * sealed digest of an import written in key order (SQLite's bucket spool) with a record given
 * twice in the file equals the digest recomputed from the stored rows, and `audit verify` accepts
 * it; a second import of the same records adds nothing.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseTargets } from '../testing/databases.testkit.js';
import { login, startTestServer, type TestServer } from '../testing/test-server.testkit.js';
import { generateDaytimeFile } from '../testing/server-process.testkit.js';
import { digestsOf } from '../audit/object-digests.js';
import { verifyAudit } from '../audit/verify-audit.js';
import { uploadFile } from './upload.testkit.js';

const ROWS = 9_000;

for (const target of databaseTargets) {
  describe.skipIf(!target.available)(`${target.name}: staged import seal`, () => {
    let t: TestServer;
    let dir: string;
    beforeAll(async () => {
      t = await startTestServer(target);
      dir = mkdtempSync(join(tmpdir(), 'samverkan-seal-'));
    });
    afterAll(async () => {
      await t.stop();
      rmSync(dir, { recursive: true, force: true });
    });

    it(`seals ${String(ROWS)} staged rows (one given twice) with the digest recomputed from the stored rows`, async () => {
      const file = join(dir, 'sigill.csv');
      await generateDaytimeFile(file, ROWS, `SEAL-${target.name}`);
      const lines = readFileSync(file, 'utf8').split('\n');
      // The same record on the last line again: skipped as a duplicate within the file.
      writeFileSync(file, `${lines.join('\n')}${lines[5] ?? ''}\n`);
      const economist = await login(t.url, 'ekonom.region');
      const res = await uploadFile(t.url, economist, 'daytime-assignments', readFileSync(file), 'sigill.csv');
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(res.body).toMatchObject({ rows: ROWS + 1, inserted: ROWS, duplicates: 1 });
      const id = (res.body as { import: { id: string } }).import.id;
      const audit = await t.store.db
        .selectFrom('audit_log')
        .select('state_json')
        .where('entity', '=', 'imports')
        .where('entity_id', '=', id)
        .executeTakeFirstOrThrow();
      const sealed = (JSON.parse(audit.state_json ?? '{}') as { imports?: Record<string, string> }).imports?.[id];
      const recomputed = (await digestsOf(t.store.db, 'imports', [id]))[id];
      expect(sealed).toBeDefined();
      expect(sealed).toBe(recomputed);
      const verified = await verifyAudit(t.store.db);
      expect(verified.ok, JSON.stringify(verified)).toBe(true);

      const again = await uploadFile(t.url, economist, 'daytime-assignments', readFileSync(file), 'sigill-igen.csv');
      expect(again.body).toMatchObject({ inserted: 0, alreadyImported: true });
    });
  });
}
