/**
 * The joint development funds follow-up over HTTP, on SQLite and PostgreSQL: budgets imported as
 * a file come back per area with outcome and deviation computed exactly; signed-out callers are
 * refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseTargets } from '../testing/databases.testkit.js';
import { anonymous, login, startTestServer, type TestServer } from '../testing/test-server.testkit.js';
import { csvText, encode, uploadFile } from '../imports/upload.testkit.js';

interface FollowUp {
  year: number;
  areas: { area: string; budgetOre: number; outcomeOre: number; deviationOre: number; usedPercent: string | null }[];
  totals: { budgetOre: number; outcomeOre: number; deviationOre: number };
  trace: { clauses: string[] };
}

for (const target of databaseTargets) {
  describe.skipIf(!target.available)(`${target.name}: development funds follow-up`, () => {
    let t: TestServer;
    beforeAll(async () => {
      t = await startTestServer(target);
    });
    afterAll(async () => {
      await t.stop();
    });

    it('reports budget, outcome and deviation per area for the year', async () => {
      const admin = await login(t.url, 'admin');
      const file = csvText([
        ['år', 'område', 'budget', 'utfall'],
        [2031, 'Ekonomisk analys och uppföljning', '400 000,00', '312 500,50'],
        [2031, 'Digital vård i hemmet', '100 000', ''],
      ]);
      const up = await uploadFile(t.url, admin, 'development-budgets', encode(file, 'utf-8'), 'budget-2031.csv');
      expect(up.status, JSON.stringify(up.body)).toBe(201);

      const res = await admin.request('GET', '/api/v1/development-funds?year=2031');
      expect(res.status).toBe(200);
      const body = res.body as FollowUp;
      const byArea = Object.fromEntries(body.areas.map((a) => [a.area, a]));
      expect(byArea['Ekonomisk analys och uppföljning']).toEqual({
        area: 'Ekonomisk analys och uppföljning',
        budgetOre: 40_000_000,
        outcomeOre: 31_250_050,
        deviationOre: 8_749_950,
        usedPercent: '78.1',
      });
      expect(byArea['Digital vård i hemmet']).toMatchObject({ budgetOre: 10_000_000, outcomeOre: 0, deviationOre: 10_000_000 });
      expect(body.totals).toMatchObject({ budgetOre: 50_000_000, outcomeOre: 31_250_050, deviationOre: 18_749_950 });
      expect(body.trace.clauses).toContain('GEMUTV.utvardering-och-uppfoljning');

      const empty = await admin.request('GET', '/api/v1/development-funds?year=2035');
      expect((empty.body as FollowUp).areas).toEqual([]);
    });

    it('refuses a signed-out caller and a malformed year in Swedish', async () => {
      expect((await anonymous(t.url).request('GET', '/api/v1/development-funds?year=2031')).status).toBe(401);
      const viewer = await login(t.url, 'lasare');
      const bad = await viewer.request('GET', '/api/v1/development-funds?year=tjugo');
      expect(bad.status).toBe(400);
      // The field by its Swedish name; the API name in location.field (issue 12).
      expect(bad.body as { error: { message: string; location: { field: string } } }).toMatchObject({
        error: { message: expect.stringMatching(/”År”/) as unknown, location: { field: 'query.year' } },
      });
    });
  });
}
