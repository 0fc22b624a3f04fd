import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, serializeRequest } from './logger.js';

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
});
