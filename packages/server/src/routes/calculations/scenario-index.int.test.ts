/**
 * Scenario index values for the tilläggsbelopp reconciliation, on SQLite and PostgreSQL: the same
 * request with a different LPIK gives a different baseOre, equal to the core function called
 * directly with that index; the trace shows the value with source "scenario"; nothing is stored.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDecimal, reconcileTillaggsbelopp, type IndexPoint } from '@samverkan/core';
import { databaseTargets } from '../../testing/databases.testkit.js';
import { login, startTestServer, type Client, type TestServer } from '../../testing/test-server.testkit.js';
import { readAgreement } from '../../agreement/read-agreement-dir.js';
import { readExampleAllocationKey } from '../../files/example-allocation-key.js';
import { effectiveAgreement } from '../../reference/effective-agreement.js';
import { currentIndexSeries } from '../../reference/index-values.js';
import { parseChoices } from './calculation-inputs.js';

interface Result {
  baseOre: number;
  totalOre: number;
  trace: { indexValues: { series: string; year: number; percent: string; source?: string }[] };
}

for (const target of databaseTargets) {
  describe.skipIf(!target.available)(`${target.name}: tilläggsbelopp with scenario index values`, () => {
    let t: TestServer;
    let viewer: Client;
    beforeAll(async () => {
      t = await startTestServer(target);
      viewer = await login(t.url, 'lasare');
    });
    afterAll(async () => {
      await t.stop();
    });

    it('uses the scenario LPIK for this calculation only, exactly as core does', async () => {
      const request = { year: 2026, connected: 175 };
      const stored = (await viewer.request('POST', '/api/v1/calculations/tillaggsbelopp', request)).body as Result;
      const lpik = stored.trace.indexValues.filter((v) => v.series === 'LPIK');
      const last = lpik.at(-1);
      if (last === undefined) throw new Error('the reconciliation used no LPIK value');
      expect(last.source).not.toBe('scenario');

      const scenario = { ...request, index: [{ series: 'LPIK', year: last.year, percent: '7,35' }] };
      const res = await viewer.request('POST', '/api/v1/calculations/tillaggsbelopp', scenario);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      const body = res.body as Result;
      expect(body.baseOre).not.toBe(stored.baseOre);
      expect(body.trace.indexValues).toContainEqual(
        expect.objectContaining({ series: 'LPIK', year: last.year, percent: '7.35', source: 'scenario' }),
      );

      // The same calculation by the core function, with the stored index and 7,35 % put in by hand.
      const agreement = await effectiveAgreement(t.store.db, readAgreement());
      const index = await currentIndexSeries(t.store.db);
      const key = `LPIK:${String(last.year)}`;
      const old = index.points.get(key);
      if (old === undefined) throw new Error(key);
      const point: IndexPoint = {
        series: 'LPIK',
        year: last.year,
        percent: parseDecimal('7.35', 'percent'),
        kind: old.kind,
        source: 'scenario',
      };
      const points = new Map(index.points).set(key, point);
      const expected = reconcileTillaggsbelopp(agreement, {
        ...request,
        index: { points },
        key: readExampleAllocationKey(agreement),
        choices: parseChoices(agreement, {}),
      });
      expect(body.baseOre).toBe(expected.baseOre);
      expect(body.totalOre).toBe(expected.totalOre);

      // Nothing was stored: the next request without a scenario is as before.
      expect(((await viewer.request('POST', '/api/v1/calculations/tillaggsbelopp', request)).body as Result).baseOre).toBe(stored.baseOre);
    });

    it('refuses a malformed scenario value naming its place', async () => {
      const res = await viewer.request('POST', '/api/v1/calculations/tillaggsbelopp', {
        year: 2026,
        connected: 175,
        index: [
          { series: 'LPIK', year: 2025, percent: '3' },
          { series: 'LPIK', year: 2025, percent: '4' },
        ],
      });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ error: { location: { field: 'index[1].year' } } });
      const low = await viewer.request('POST', '/api/v1/calculations/tillaggsbelopp', {
        year: 2026,
        connected: 175,
        index: [{ series: 'LPIK', year: 2025, percent: '-100' }],
      });
      expect(low.status).toBe(400);
      expect(low.body).toMatchObject({ error: { location: { field: 'index[0].percent' } } });
    });
  });
}
