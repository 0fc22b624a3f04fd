/**
 * One personnummer gate for everything a person writes: every free-text string of every write
 * route's body (found by walking the server's own OpenAPI document, so new routes are tried
 * too), every query parameter, paths, and an import's file name are refused with 422 naming the
 * field and never echoing the value — and the value reaches neither a log line nor the audit
 * chain. Before the gate, 25 of these fields stored it.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseTargets } from '../testing/databases.testkit.js';
import { anonymous, login, startTestServer, type Client, type TestServer } from '../testing/test-server.testkit.js';
import { fetchRoutes, fillPath, stringSpots, valueAt, type OpenApiRoute } from '../testing/openapi-routes.testkit.js';
import { NOT_TEXT } from './text-gate.js';

// Built at runtime so no personnummer-like literal sits in the repository.
const pnr = (...parts: string[]): string => parts.join('');
const PN = pnr('19121212', '-', '1212');
const FORMS = [PN, pnr('19121212', '1212'), pnr('121212', '-', '1212')];

interface ErrorShape {
  error: { code: string; message: string; location: { field?: string } };
}

/** The fields the hardening issue found storing a personnummer (route, body field). */
const FOUND_STORING: readonly (readonly [string, string])[] = [
  ['POST /api/v1/disputes', 'subject'],
  ['POST /api/v1/disputes', 'note'],
  ['POST /api/v1/disputes/{id}/escalate', 'note'],
  ['POST /api/v1/disputes/{id}/decide', 'outcome'],
  ['POST /api/v1/disputes/{id}/close', 'note'],
  ['PATCH /api/v1/invoice-bases/{id}', 'buyerReference'],
  ['PATCH /api/v1/invoice-bases/{id}', 'note'],
  ['POST /api/v1/users', 'username'],
  ['POST /api/v1/users', 'displayName'],
  ['POST /api/v1/users', 'email'],
  ['PATCH /api/v1/users/{id}', 'displayName'],
  ['PATCH /api/v1/users/{id}', 'email'],
  ['POST /api/v1/index-values', 'source'],
  ['POST /api/v1/index-values', 'decisionRef'],
  ['POST /api/v1/parameters', 'source'],
  ['POST /api/v1/parameters', 'decisionRef'],
  ['POST /api/v1/allocation-keys', 'title'],
  ['POST /api/v1/allocation-keys', 'note'],
  ['POST /api/v1/allocation-keys', 'source'],
  ['POST /api/v1/allocation-keys', 'decisionRef'],
  ['POST /api/v1/allocation-keys', 'factors.0.name'],
  ['POST /api/v1/allocation-keys', 'factors.0.measure'],
  ['POST /api/v1/allocation-keys', 'factors.0.source'],
  ['POST /api/v1/allocation-keys', 'factors.0.decision'],
  ['POST /api/v1/terminations', 'reference'],
];

function isIdentifier(schema: Record<string, unknown>): boolean {
  return schema['format'] === 'uuid' || schema[NOT_TEXT] === true;
}

function expectRefused(res: { status: number; body: unknown }, field: string, what: string): void {
  expect({
    what,
    status: res.status,
    code: (res.body as ErrorShape).error.code,
    field: (res.body as ErrorShape).error.location.field,
  }).toEqual({ what, status: 422, code: 'SAMV_ERR_PERSONNUMMER', field });
  const text = JSON.stringify(res.body);
  for (const form of FORMS) expect(text, what).not.toContain(form);
}

for (const target of databaseTargets) {
  describe.skipIf(!target.available)(`${target.name}: the personnummer gate`, () => {
    let t: TestServer;
    let admin: Client;
    let routes: OpenApiRoute[];
    beforeAll(async () => {
      t = await startTestServer(target);
      admin = await login(t.url, 'admin');
      routes = (await fetchRoutes(t.url)).routes;
    });
    afterAll(async () => {
      await t.stop();
    });

    it('refuses a personnummer in every free-text body field of every write route, naming the field', async () => {
      const tried = new Set<string>();
      for (const route of routes.filter((r) => r.method !== 'GET' && r.body !== undefined)) {
        const path = fillPath(route, () => randomUUID());
        for (const spot of stringSpots(route.body)) {
          if (spot.path === '' || isIdentifier(spot.schema)) continue;
          const res = await admin.request(route.method, path, valueAt(spot.path, `gäller ${PN} enligt beslut`));
          expectRefused(res, `body.${spot.path}`, `${route.method} ${route.path} ${spot.path}`);
          tried.add(`${route.method} ${route.path}|${spot.path}`);
        }
      }
      const missing = FOUND_STORING.filter(([route, field]) => !tried.has(`${route}|${field}`));
      expect(missing).toEqual([]);
      expect(tried.size).toBeGreaterThanOrEqual(FOUND_STORING.length);
    });

    it('refuses it in a valid request too, and nothing is stored', async () => {
      const before = await t.store.db
        .selectFrom('disputes')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      const res = await admin.request('POST', '/api/v1/disputes', {
        document: 'ORD',
        level: 'organisation',
        subject: `Tvist om ${PN}`,
        parties: ['region', '2380'],
      });
      expectRefused(res, 'body.subject', 'valid dispute');
      const after = await t.store.db
        .selectFrom('disputes')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      expect(String(after.n)).toBe(String(before.n)); // PostgreSQL counts arrive as text
      const key = await admin.request('POST', '/api/v1/allocation-keys', {
        name: 'pn-prov',
        title: 'Prov',
        validFrom: '2026-01-01',
        source: 'test',
        factors: [{ id: 'f', name: 'F', weight: '1', measure: 'M', source: 'S', values: { '2380': '1' }, decision: PN }],
      });
      expectRefused(key, 'body.factors.0.decision', 'allocation key factor');
    });

    it('refuses it in every query parameter and in paths, before any handler', async () => {
      for (const route of routes) {
        const path = fillPath(route, () => randomUUID());
        for (const q of route.query) {
          const res = await admin.request(
            route.method,
            `${path}?${q.name}=${encodeURIComponent(PN)}`,
            route.method === 'GET' ? undefined : {},
          );
          expectRefused(res, `query.${q.name}`, `${route.method} ${route.path} ?${q.name}`);
        }
      }
      expectRefused(await anonymous(t.url).request('GET', `/api/v1/disputes/${PN}`), 'path.id', 'path parameter');
      expectRefused(await anonymous(t.url).request('GET', `/api/v1/finns-inte/${encodeURIComponent(PN)}`), 'path', 'unknown path');
      // A record's id in the path is a UUID whose hex groups may by chance read as a personnummer:
      // it addresses a record (404 here), it is not refused.
      const unlucky = pnr('3f', '121212', '-', '1212', '-4abc-8def-0123456789ab');
      expect((await admin.request('GET', `/api/v1/disputes/${unlucky}`)).status).toBe(404);
      expect((await admin.request('GET', `/api/v1/invoice-bases/${unlucky}`)).status).toBe(404);
      expect((await admin.request('GET', `/api/v1/import-records?importId=${unlucky}`)).status).not.toBe(422);
    });

    it('refuses a personnummer in an import file name, and the name reaches no log line', async () => {
      for (const name of [`${PN}.csv`, `lista ${pnr('121212', '1212')}.csv`]) {
        const res = await fetch(`${t.url}/api/v1/imports/costs?filename=${encodeURIComponent(name)}`, {
          method: 'POST',
          headers: { 'content-type': 'text/csv', cookie: admin.cookie, 'x-csrf-token': admin.csrfToken },
          body: 'a;b\n1;2\n',
        });
        expect(res.status).toBe(422);
        expect(await res.text()).not.toContain(name);
      }
    });

    it('lets no personnummer into a log line or the audit chain', async () => {
      // User agents and encoded URLs are logged too.
      await fetch(`${t.url}/healthz?x=${pnr('19121212', '%2D', '1212')}`, { headers: { 'user-agent': `agent ${PN}` } });
      const logs = t.logs.join('\n');
      expect(logs).toContain('[personnummer]');
      for (const form of [...FORMS, pnr('19121212', '%2D', '1212')]) expect(logs).not.toContain(form);
      const audit = JSON.stringify(await t.store.db.selectFrom('audit_log').selectAll().execute());
      expect(audit.length).toBeGreaterThan(100);
      for (const form of FORMS) expect(audit).not.toContain(form);
    });
  });
}
