/**
 * The cached effective agreement and index series: unchanged while nothing is recorded, and a
 * value recorded through the API, by another connection to the same database, or (SQLite) by
 * another process, shows on the very next calculation. On SQLite and PostgreSQL.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { readAgreement } from '../agreement/read-agreement-dir.js';
import { databaseTargets } from '../testing/databases.testkit.js';
import { login, startTestServer, type Client, type TestServer } from '../testing/test-server.testkit.js';
import { calculationReference, currentCalculationReference } from './reference-cache.js';
import { recordIndexValue } from './index-values.js';

const priceBody = { flow: 'dagtid', year: 2026, minutes: 90 };

const serverPackage = fileURLToPath(new URL('../../', import.meta.url));

/**
 * A new version of VPI 2026 written by another process (a plain better-sqlite3 connection in a
 * child `node`, as the CLI would write it from its own process), committed before this returns.
 */
function recordVpiInAnotherProcess(file: string, percent: string): void {
  const insert =
    'insert into index_values (id, series, year, percent, kind, published_on, source, decision_ref, version, example, demo, recorded_at, recorded_by) ' +
    "select lower(hex(randomblob(16))), series, year, ?, kind, published_on, 'other-process', decision_ref, version + 1, example, demo, " +
    "strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'test' from index_values where series = 'VPI' and year = 2026 order by version desc limit 1";
  const script = `const D = require('better-sqlite3'); const d = new D(process.argv[1]); d.pragma('busy_timeout = 5000'); d.prepare(process.argv[3]).run(process.argv[2]); d.close();`;
  const r = spawnSync(process.execPath, ['-e', script, file, percent, insert], { cwd: serverPackage, encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
}

async function rate(client: Client): Promise<number> {
  const res = await client.request('POST', '/api/v1/calculations/price', priceBody);
  expect(res.status).toBe(200);
  return (res.body as { rateOre: number }).rateOre;
}

for (const target of databaseTargets) {
  describe.skipIf(!target.available)(`${target.name}: reference cache`, () => {
    let t: TestServer;
    let economist: Client;
    let admin: Client;
    beforeAll(async () => {
      t = await startTestServer(target);
      economist = await login(t.url, 'ekonom.region');
      admin = await login(t.url, 'admin');
    });
    afterAll(async () => {
      await t.stop();
    });

    it('keeps the same pair while nothing is recorded and reads again after a recording', async () => {
      const agreement = readAgreement();
      const first = await calculationReference(t.store.db, agreement);
      expect(await calculationReference(t.store.db, agreement)).toBe(first);
      await recordIndexValue(t.store, { series: 'OPI', year: 2026, percent: '2.5', source: 'cachetest', decisionRef: 'T-1' }, 'test');
      const after = await calculationReference(t.store.db, agreement);
      expect(after).not.toBe(first);
      expect(after.index.points.get('OPI:2026')?.source).toBe('cachetest');
    });

    it('answers without waiting only while nothing has been committed since the pair was confirmed (SQLite)', async () => {
      const agreement = readAgreement();
      const pair = await calculationReference(t.store.db, agreement);
      if (target.name !== 'SQLite') {
        // No commit signal: the version is read on every call.
        expect(currentCalculationReference(t.store.db, agreement)).toBeUndefined();
        return;
      }
      expect(currentCalculationReference(t.store.db, agreement)).toBe(pair);
      // Any commit, even one that changes no reference data, sends the caller to the version read.
      await admin.request('GET', '/api/v1/auth/me');
      await recordIndexValue(t.store, { series: 'LPIK', year: 2026, percent: '3.1', source: 'cachetest', decisionRef: 'T-4' }, 'test');
      expect(currentCalculationReference(t.store.db, agreement)).toBeUndefined();
      const after = await calculationReference(t.store.db, agreement);
      expect(after).not.toBe(pair);
      expect(currentCalculationReference(t.store.db, agreement)).toBe(after);
    });

    it('an index value recorded by another connection shows on the next call', async () => {
      const before = await rate(economist);
      expect(await rate(economist)).toBe(before);
      // The test server's side door is a second connection, as the CLI in another process would be.
      await recordIndexValue(t.store, { series: 'VPI', year: 2026, percent: '10', source: 'cachetest', decisionRef: 'T-2' }, 'test');
      // 640 kr (2025) × 1.10 = 704 kr for 2026.
      expect(await rate(economist)).toBe(70_400);
    });

    it('a parameter value recorded through the API shows on the next call', async () => {
      const res = await admin.request('POST', '/api/v1/parameters', {
        parameterId: 'dagtid.timpris',
        validFrom: '2025-01-01',
        value: 70_000,
        baseYear: 2025,
        source: 'cachetest',
        decisionRef: 'T-3',
      });
      expect(res.status).toBe(201);
      // 700 kr (2025) × 1.10 = 770 kr for 2026, with the VPI recorded above.
      expect(await rate(economist)).toBe(77_000);
    });

    it.runIf(target.name === 'SQLite')('an index value recorded by another process shows on the next call, and only then', async () => {
      const agreement = readAgreement();
      const first = await calculationReference(t.store.db, agreement);
      // Nothing committed in between: the same pair, without reading the version (commit-signal.ts).
      expect(await calculationReference(t.store.db, agreement)).toBe(first);
      const file =
        (await sql<{ name: string; file: string }>`pragma database_list`.execute(t.store.db)).rows.find((r) => r.name === 'main')?.file ??
        '';
      recordVpiInAnotherProcess(file, '20');
      // 700 kr (2025) × 1.20 = 840 kr for 2026.
      expect(await rate(economist)).toBe(84_000);
      const after = await calculationReference(t.store.db, agreement);
      expect(after).not.toBe(first);
      expect(after.index.points.get('VPI:2026')?.source).toBe('other-process');
      recordVpiInAnotherProcess(file, '10');
      expect(await rate(economist)).toBe(77_000);
    });
  });
}
