/**
 * Bounded work per request: every string, array, object and number a client can send is
 * bounded in the published schemas (walked from the OpenAPI document, so new routes are
 * checked); the amplification request of the hardening issue (an array of hundreds of
 * thousands of failing items) is refused quickly with a small body while /healthz keeps
 * answering within a second and memory stays under the stated ceiling; query numbers are
 * finite and within their range.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseTargets } from '../testing/databases.testkit.js';
import { login, startTestServer, type Client, type TestServer } from '../testing/test-server.testkit.js';
import { fetchRoutes, type OpenApiRoute } from '../testing/openapi-routes.testkit.js';
import { unboundedSpots } from './schema-bounds.js';
import { JSON_BODY_LIMIT } from './json-body.js';

/** The README's ceiling: hostile requests add at most this much to the process's memory (bytes). */
const MEMORY_CEILING = 256 * 1024 * 1024;
/** An error body is never larger than this (bytes). */
const MAX_ERROR_BODY = 8 * 1024;

interface ErrorShape {
  error: { code: string; message: string; location: { field?: string } };
}

/** The largest body that still fits the limit: an array of failing items. */
function amplificationBody(): string {
  const head = '{"document":"ORD","level":"individ","subject":"x","parties":[';
  const count = Math.floor((JSON_BODY_LIMIT - head.length - 10) / 3);
  return `${head}${Array.from({ length: count }, () => '""').join(',')}]}`;
}

async function healthzLatency(url: string): Promise<number> {
  const t0 = performance.now();
  const res = await fetch(`${url}/healthz`);
  await res.text();
  return performance.now() - t0;
}

for (const target of databaseTargets) {
  describe.skipIf(!target.available)(`${target.name}: bounded work per request`, () => {
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

    it('publishes a bound for every string, array, object and number of every route input', () => {
      expect(routes.length).toBeGreaterThan(30);
      const unbounded = routes.flatMap((r) => [
        ...unboundedSpots(r.body).map((s) => `${r.method} ${r.path} body${s.path} ${s.missing}`),
        ...r.query.flatMap((q) => unboundedSpots(q.schema).map((s) => `${r.method} ${r.path} ?${q.name}${s.path} ${s.missing}`)),
      ]);
      expect(unbounded).toEqual([]);
    });

    it('refuses the amplification request quickly with a small body, /healthz answering meanwhile, memory under the ceiling', async () => {
      const body = amplificationBody();
      expect(body.length).toBeLessThanOrEqual(JSON_BODY_LIMIT);
      const rssBefore = process.memoryUsage().rss;
      let peak = rssBefore;
      const sampler = setInterval(() => {
        peak = Math.max(peak, process.memoryUsage().rss);
      }, 5);
      const started = performance.now();
      const hostile = Array.from({ length: 8 }, async () => {
        const res = await fetch(`${t.url}/api/v1/disputes`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
        return { status: res.status, size: (await res.text()).length };
      });
      const latencies: number[] = [];
      for (let i = 0; i < 5; i++) latencies.push(await healthzLatency(t.url));
      const answers = await Promise.all(hostile);
      const elapsed = performance.now() - started;
      clearInterval(sampler);
      for (const a of answers) {
        expect(a.status).toBe(400);
        expect(a.size).toBeLessThan(MAX_ERROR_BODY);
      }
      expect(Math.max(...latencies)).toBeLessThan(1000);
      expect(elapsed).toBeLessThan(10_000);
      expect(peak - rssBefore).toBeLessThan(MEMORY_CEILING);
    });

    it('refuses a body over the limit (413) and nesting deeper than 32 levels (400)', async () => {
      const big = JSON.stringify({ subject: 'x'.repeat(JSON_BODY_LIMIT) });
      const res = await fetch(`${t.url}/api/v1/disputes`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: big });
      expect(res.status).toBe(413);
      expect(((await res.json()) as ErrorShape).error).toMatchObject({ code: 'SAMV_ERR_TOO_LARGE', location: { field: 'body' } });
      const deep = await admin.request('POST', '/api/v1/assess', JSON.parse(`${'{"a":'.repeat(40)}1${'}'.repeat(40)}`) as unknown);
      expect(deep.status).toBe(400);
      expect((deep.body as ErrorShape).error.message).toBe('Begärans kropp är nästlad i fler än 32 nivåer.');
    });

    it('names the field and the limit of a too long string or list', async () => {
      const long = await admin.request('POST', '/api/v1/disputes', {
        document: 'ORD',
        level: 'individ',
        subject: 'x'.repeat(2001),
        parties: ['region', '2380'],
      });
      expect((long.body as ErrorShape).error).toMatchObject({
        code: 'SAMV_ERR_INVALID_INPUT',
        message: 'Fältet ”Ärende” får vara högst 2000 tecken.',
      });
      const list = await admin.request('POST', '/api/v1/disputes', {
        document: 'ORD',
        level: 'individ',
        subject: 'x',
        parties: ['region', '2380', '2309'],
      });
      expect((list.body as ErrorShape).error.message).toBe('Fältet ”Parter” får ha högst 2 element.');
    });

    it.each(['Infinity', '-Infinity', '1e400', '1e20', 'NaN'])(
      'refuses %s as a query number (limit, beforeSeq, offset, year) with 400, not 500',
      async (n) => {
        for (const path of [
          `/api/v1/audit?limit=${n}`,
          `/api/v1/audit?beforeSeq=${n}`,
          `/api/v1/records?offset=${n}`,
          `/api/v1/calendar?year=${n}`,
        ]) {
          const res = await admin.request('GET', path);
          expect({ path, status: res.status }).toEqual({ path, status: 400 });
          expect((res.body as ErrorShape).error.code).toBe('SAMV_ERR_INVALID_INPUT');
        }
      },
    );
  });
}
