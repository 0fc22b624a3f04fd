/**
 * The one line per request (request-log.ts, decision 0230) from the running service: written once
 * the answer has gone out, with method, URL, status and time, for answers and refusals alike, and
 * without Fastify's deprecated `disableRequestLogging` (no FSTDEP023 warning at start).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseTargets } from '../testing/databases.testkit.js';
import { anonymous, startTestServer, type TestServer } from '../testing/test-server.testkit.js';

interface Line {
  level: number;
  msg: string;
  reqId: string;
  req: { method: string; url: string; remoteAddress: string; userAgent?: string };
  res: { statusCode: number };
  responseTime: number;
}

const target = databaseTargets[0];

describe.skipIf(target === undefined || !target.available)('the request line', () => {
  let t: TestServer;
  const warnings: string[] = [];
  const onWarning = (w: Error & { code?: string }): void => {
    warnings.push(`${w.code ?? ''} ${w.message}`);
  };
  beforeAll(async () => {
    process.on('warning', onWarning);
    if (target !== undefined) t = await startTestServer(target, { demo: false });
  });
  afterAll(async () => {
    process.off('warning', onWarning);
    await t.stop();
  });

  const linesFor = (url: string): Line[] =>
    t.logs.map((l) => JSON.parse(l) as Line).filter((l) => l.msg === 'request completed' && l.req.url === url);

  it('is written once per request with method, URL, status and time', async () => {
    const res = await fetch(`${t.url}/healthz?rad=1`, { headers: { 'user-agent': 'testagent/1' } });
    expect(res.status).toBe(200);
    await res.text();
    await expect.poll(() => linesFor('/healthz?rad=1').length).toBe(1);
    const [line] = linesFor('/healthz?rad=1');
    expect(line).toMatchObject({
      level: 30,
      req: { method: 'GET', remoteAddress: '127.0.0.1', userAgent: 'testagent/1' },
      res: { statusCode: 200 },
    });
    expect(line?.responseTime).toBeGreaterThanOrEqual(0);
    expect(line?.reqId).toMatch(/^req-/);
    expect(t.logs.some((l) => l.includes('"incoming request"'))).toBe(false);
  });

  it('is written for refusals too, with their status', async () => {
    const res = await anonymous(t.url).request('POST', '/api/v1/calculations/price', { flow: 'dagtid', year: 2026, minutes: 1 });
    expect(res.status).toBe(401);
    await expect.poll(() => linesFor('/api/v1/calculations/price').map((l) => l.res.statusCode)).toEqual([401]);
  });

  it('leaves Fastify without a deprecation warning', () => {
    expect(warnings.filter((w) => w.includes('FSTDEP'))).toEqual([]);
  });
});
