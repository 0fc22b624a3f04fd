/**
 * `/api/v1/assess` shows the hired-staff rate in the price level of the date asked, read from the
 * cached effective agreement and index series (reference/reference-cache.ts): a value recorded
 * after a call shows on the very next call, with no restart. On SQLite and PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordIndexValue } from '../reference/index-values.js';
import { databaseTargets } from '../testing/databases.testkit.js';
import { login, startTestServer, type Client, type TestServer } from '../testing/test-server.testkit.js';

const situation = {
  housing: 'ordinart',
  registeredMunicipality: '2380',
  storsjoglantan: false,
  atDayActivity: false,
  safeAtHome: false,
  time: '10:00',
  date: '2026-03-01',
};

for (const target of databaseTargets) {
  describe.skipIf(!target.available)(`${target.name}: the guide's rates follow what is recorded`, () => {
    let t: TestServer;
    let admin: Client;
    beforeAll(async () => {
      t = await startTestServer(target);
      admin = await login(t.url, 'admin');
    });
    afterAll(async () => {
      await t.stop();
    });

    async function rate(): Promise<{ valueOre: number; baseYear: number | null }> {
      const res = await fetch(`${t.url}/api/v1/assess`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(situation),
      });
      expect(res.status).toBe(200);
      const body = (await res.json()) as { performing: { rate: { parameter: string; valueOre: number; baseYear: number | null } } };
      expect(body.performing.rate.parameter).toBe('dagtid.timpris');
      return body.performing.rate;
    }

    it('an index value and then a parameter value recorded between two calls show on the second', async () => {
      const before = await rate();
      expect(await rate()).toEqual(before);
      await recordIndexValue(t.store, { series: 'VPI', year: 2026, percent: '10', source: 'assess-test', decisionRef: 'A-1' }, 'test');
      // 640 kr (2025) × 1,10 = 704 kr in 2026's price level.
      expect(await rate()).toMatchObject({ valueOre: 70_400, baseYear: 2026 });
      const res = await admin.request('POST', '/api/v1/parameters', {
        parameterId: 'dagtid.timpris',
        validFrom: '2025-01-01',
        value: 70_000,
        baseYear: 2025,
        source: 'assess-test',
        decisionRef: 'A-2',
      });
      expect(res.status).toBe(201);
      // 700 kr × 1,10 = 770 kr.
      expect(await rate()).toMatchObject({ valueOre: 77_000, baseYear: 2026 });
    });
  });
}
