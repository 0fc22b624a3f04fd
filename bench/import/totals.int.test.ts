/**
 * The equality the import benchmark asserts, in CI on a few thousand rows: a generated Swedish
 * daytime-assignments CSV imported through `runImport` (what the CLI and the API call) on SQLite and
 * PostgreSQL, its stored records priced back per seller → buyer pair and month, equal to DuckDB's
 * totals from the same file to the öre; importing it again adds nothing; the import's seal, hashed
 * while staging, equals the digest recomputed from the stored rows (what `audit verify` checks).
 */
import { appendFileSync, copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAgreement } from '../../packages/server/src/agreement/read-agreement-dir.js';
import { digestsOf } from '../../packages/server/src/audit/object-digests.js';
import { scanFile } from '../../packages/server/src/imports/file-scan.js';
import { daytimeAssignmentsKind } from '../../packages/server/src/imports/kinds/daytime-assignments.js';
import { runImport } from '../../packages/server/src/imports/run-import.js';
import { prepareStore } from '../../packages/server/src/store/prepare-store.js';
import { databaseTargets } from '../../packages/server/src/testing/databases.testkit.js';
import { writeDaytimeCsv } from '../generate/daytime-assignments.js';
import { duckdbTotals } from './duckdb-totals.js';
import { storedTotals } from './our-totals.js';
import { BENCH_RATE_ORE, totalsDiffer } from './pair-totals.js';

const ROWS = 3000;
const agreement = readAgreement();
let dir: string;
let csv: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'samverkan-totals-'));
  csv = join(dir, 'uppdrag-dagtid.csv');
  await writeDaytimeCsv(csv, ROWS, 7);
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

for (const target of databaseTargets) {
  describe.skipIf(!target.available)(`${target.name}: import totals against DuckDB`, () => {
    it('stores every row so that the per-pair-per-month totals equal DuckDB’s to the öre, once', async () => {
      const db = await target.create();
      const { store } = await prepareStore(db.options, agreement, false);
      try {
        const req = { kind: daytimeAssignmentsKind, filename: 'uppdrag-dagtid.csv', actor: 'cli:test', municipality: undefined };
        const first = await runImport(store, agreement, { ...req, file: await scanFile(csv) });
        expect(first).toMatchObject({ rows: ROWS, inserted: ROWS, duplicates: 0 });
        const peer = await duckdbTotals(csv, BENCH_RATE_ORE);
        const ours = await storedTotals(store.db, BENCH_RATE_ORE);
        // All 16 pairs (8 municipalities, both directions) in the one month, every row priced.
        expect(peer).toHaveLength(16);
        expect(peer.reduce((s, t) => s + t.records, 0)).toBe(ROWS);
        expect(totalsDiffer(ours, peer)).toEqual([]);

        // The seal computed while staging is the digest of what was stored.
        const id = first.import?.id ?? '';
        const audit = await store.db
          .selectFrom('audit_log')
          .select('state_json')
          .where('entity', '=', 'imports')
          .where('entity_id', '=', id)
          .executeTakeFirstOrThrow();
        const sealed = JSON.parse(audit.state_json ?? 'null') as { imports: Record<string, string> };
        expect(sealed.imports[id]).toBe((await digestsOf(store.db, 'imports', [id]))[id]);

        // The same records in other bytes (an empty line more, so not the same file): nothing new.
        const copy = join(dir, `igen-${target.name}.csv`);
        copyFileSync(csv, copy);
        appendFileSync(copy, '\r\n');
        const again = await runImport(store, agreement, { ...req, filename: 'igen.csv', file: await scanFile(copy) });
        expect(again).toMatchObject({ rows: ROWS, inserted: 0, duplicates: ROWS, alreadyImported: true });
        expect(totalsDiffer(await storedTotals(store.db, BENCH_RATE_ORE), peer)).toEqual([]);
      } finally {
        await store.close();
        await db.drop();
      }
    });
  });
}
