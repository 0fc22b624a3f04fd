/**
 * The recent-answers cache of `POST /api/v1/calculations/price` (decision 0230) on both
 * databases: a repeated body gets the same answer, every check still runs on a cached body
 * (session, CSRF, sign-out, text gate, schema, the calculation's own refusal), and a recorded
 * parameter value shows on the next call.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseTargets } from '../testing/databases.testkit.js';
import { anonymous, login, startTestServer, type Client, type TestServer } from '../testing/test-server.testkit.js';

const PATH = '/api/v1/calculations/price';
const body = { flow: 'dagtid', year: 2026, minutes: 90 } as const;

interface Price {
  rateOre: number;
  amountOre: number;
  billedMinutes: number;
}

interface ErrorShape {
  error: { code: string; location: { field?: string } };
}

for (const target of databaseTargets) {
  describe.skipIf(!target.available)(`${target.name}: recent price answers`, () => {
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

    it('answers a repeated body with the same document', async () => {
      const first = await economist.request('POST', PATH, body);
      const second = await economist.request('POST', PATH, body);
      expect(first.status).toBe(200);
      expect(second.body).toEqual(first.body);
      expect(second.headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect(second.headers.get('cache-control')).toBe('no-store');
      // Another user gets the same answer (it depends on the body and the reference data only).
      expect((await admin.request('POST', PATH, body)).body).toEqual(first.body);
    });

    it('still requires a session and the CSRF token for a body it has answered', async () => {
      expect((await economist.request('POST', PATH, body)).status).toBe(200);
      const anon = await anonymous(t.url).request('POST', PATH, body);
      expect(anon.status).toBe(401);
      const noToken = await economist.request('POST', PATH, body, { 'x-csrf-token': '' });
      expect(noToken.status).toBe(403);
      expect((noToken.body as ErrorShape).error.location.field).toBe('x-csrf-token');
      const wrongToken = await economist.request('POST', PATH, body, { 'x-csrf-token': admin.csrfToken });
      expect(wrongToken.status).toBe(403);
    });

    it('refuses the cached body once the session is signed out', async () => {
      const leaving = await login(t.url, 'lasare');
      expect((await leaving.request('POST', PATH, body)).status).toBe(200);
      expect((await leaving.request('POST', '/api/v1/auth/logout')).status).toBeLessThan(300);
      expect((await leaving.request('POST', PATH, body)).status).toBe(401);
    });

    it('still applies the text gate, the schema and the calculation refusals to bodies like a cached one', async () => {
      const pnr = await economist.request('POST', PATH, { ...body, interpretations: { I7: '199001011239' } });
      expect(pnr.status).toBe(422);
      expect((pnr.body as ErrorShape).error.code).toBe('SAMV_ERR_PERSONNUMMER');
      const negative = await economist.request('POST', PATH, { ...body, minutes: -1 });
      expect(negative.status).toBe(400);
      const extra = await economist.request('POST', PATH, { ...body, extra: 1 });
      expect(extra.status).toBe(400);
      for (let i = 0; i < 2; i++) {
        const unknown = await economist.request('POST', PATH, { ...body, interpretations: { I99: 'x' } });
        expect(unknown.status).toBe(400);
        expect((unknown.body as ErrorShape).error.location.field).toBe('interpretations.I99');
      }
    });

    it('shows a parameter value recorded between two calls on the second', async () => {
      const before = (await economist.request('POST', PATH, body)).body as Price;
      const recorded = await admin.request('POST', '/api/v1/parameters', {
        parameterId: 'dagtid.timpris',
        validFrom: '2026-01-01',
        value: before.rateOre + 6000,
        baseYear: 2026,
        source: 'Beslut i länsövergripande tjänstepersonsarena',
        decisionRef: 'LTA 2026-12-01 § 9',
      });
      expect(recorded.status).toBe(201);
      const after = (await economist.request('POST', PATH, body)).body as Price;
      expect(after.rateOre).not.toBe(before.rateOre);
      expect(after.amountOre).not.toBe(before.amountOre);
      expect(after.billedMinutes).toBe(before.billedMinutes);
    });
  });
}
