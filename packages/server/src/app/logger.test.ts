import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, requestLineText, serializeRequest } from './logger.js';

describe('logger', () => {
  it('writes JSON and redacts secrets', () => {
    const lines: string[] = [];
    const log = createLogger(
      'info',
      new Writable({
        write: (c: Buffer, _e, cb) => {
          lines.push(c.toString());
          cb();
        },
      }),
    );
    log.info(
      {
        password: 'p1',
        user: { password: 'p2', passwordHash: 'h' },
        req: { headers: { cookie: 'samverkan_session=abc', authorization: 'Bearer t' } },
        sessionSecret: 's',
      },
      'test',
    );
    const text = lines.join('');
    for (const secret of ['p1', 'p2', '"h"', 'abc', 'Bearer t', '"s"']) expect(text).not.toContain(secret);
    expect(JSON.parse(text)).toMatchObject({ msg: 'test', password: '[dolt]', user: { password: '[dolt]' } });
  });
  it('drops the query string of sign-in URLs (the OIDC code)', () => {
    expect(serializeRequest({ method: 'GET', url: '/api/v1/auth/oidc/callback?code=abc&state=x', headers: {} }).url).toBe(
      '/api/v1/auth/oidc/callback',
    );
    expect(serializeRequest({ method: 'GET', url: '/api/v1/clauses?q=tvist', headers: {} }).url).toBe('/api/v1/clauses?q=tvist');
  });

  it('builds the request line as pino writes it, personnummer masked', () => {
    const lines: string[] = [];
    const log = createLogger(
      'info',
      new Writable({
        write: (c: Buffer, _e, cb) => {
          lines.push(c.toString());
          cb();
        },
      }),
    );
    const pnr = ['19121212', '-', '1212'].join('');
    const req = { method: 'GET', url: `/healthz?x=${pnr}`, ip: '127.0.0.1', headers: { 'user-agent': 'agent "x"', cookie: 'hemlig' } };
    log.child({ reqId: 'req-7' }).info({ req, res: { statusCode: 200 }, responseTime: 1.25 }, 'request completed');
    const viaPino = JSON.parse(lines[0] ?? '') as Record<string, unknown>;
    const text = requestLineText(log, { reqId: 'req-7', req, statusCode: 200, responseTime: 1.25 });
    expect(text.endsWith('}\n')).toBe(true);
    const direct = JSON.parse(text) as Record<string, unknown>;
    expect(typeof direct['time']).toBe('number');
    expect({ ...direct, time: 0 }).toEqual({ ...viaPino, time: 0 });
    expect(Object.keys(direct)).toEqual(Object.keys(viaPino));
    expect(text).not.toContain(pnr);
    expect(text).not.toContain('hemlig');
    expect(direct).toMatchObject({ level: 30, reqId: 'req-7', msg: 'request completed', req: { url: '/healthz?x=[personnummer]' } });
  });
  it('writes the request fields exactly as JSON.stringify(serializeRequest(req)) would, missing and odd values too', () => {
    const log = createLogger(
      'info',
      new Writable({
        write: (_c: Buffer, _e, cb) => {
          cb();
        },
      }),
    );
    const reqs = [
      { method: 'POST', url: '/api/v1/calculations/price', ip: '127.0.0.1', headers: { 'user-agent': 'autocannon' } },
      { method: 'GET', url: '/api/v1/auth/oidc/callback?code=abc', headers: {} },
      { method: 'GET', url: '/a"b\\c\u00e5?q=%C3%A5', ip: '::1', headers: { 'user-agent': ['x', 'y'] } },
      { url: undefined, ip: 7, headers: undefined },
      {},
    ];
    for (const req of reqs) {
      const text = requestLineText(log, { reqId: 'req-1', req, statusCode: 404, responseTime: 0.5 });
      const fields = text.slice(text.indexOf(',"req":') + 7, text.indexOf(',"res":'));
      expect(fields).toBe(JSON.stringify(serializeRequest(req)));
    }
  });
});
