/**
 * The session cookie read from the `Cookie` header by name (session-cookie.ts) is exactly what
 * @fastify/cookie's parser (the `cookie` package) gives for that name: for headers built from
 * awkward pieces (spaces and tabs, pairs without '=', repeated names, percent escapes valid and
 * not, empty values) and for the headers browsers send.
 */
import Fastify from 'fastify';
import cookie from '@fastify/cookie';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from './sessions.js';
import { sessionCookieOf } from './session-cookie.js';

const app = Fastify();
beforeAll(async () => {
  await app.register(cookie);
  await app.ready();
});
afterAll(async () => {
  await app.close();
});

function plugin(header: string, name = SESSION_COOKIE): string | undefined {
  return app.parseCookie(header)[name];
}

const piece = fc.constantFrom(
  SESSION_COOKIE,
  ` ${SESSION_COOKIE}`,
  `${SESSION_COOKIE}\t`,
  'samverkan_oidc',
  'samverkan_sessionx',
  'x',
  '=',
  ';',
  '; ',
  ' ',
  '\t',
  'abc',
  '%41',
  '%E2%82%AC',
  '%zz',
  '%',
  '"q"',
  'a=b',
);

describe('sessionCookieOf', () => {
  it('reads the session cookie of ordinary headers', () => {
    const id = 'q3k9_Zx-0aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456';
    expect(sessionCookieOf(`${SESSION_COOKIE}=${id}`)).toBe(id);
    expect(sessionCookieOf(`theme=dark; ${SESSION_COOKIE}=${id}; other=1`)).toBe(id);
    expect(sessionCookieOf(`${SESSION_COOKIE}=first; ${SESSION_COOKIE}=second`)).toBe('first');
    expect(sessionCookieOf('theme=dark')).toBeUndefined();
    expect(sessionCookieOf(undefined)).toBeUndefined();
    expect(sessionCookieOf('')).toBeUndefined();
  });

  it('agrees with @fastify/cookie on any header made of awkward pieces', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 14 }), (parts) => {
        const header = parts.join('');
        expect(sessionCookieOf(header)).toBe(plugin(header));
      }),
      { numRuns: 5000 },
    );
  });

  it('agrees with @fastify/cookie on arbitrary text, for any name', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), fc.constantFrom(SESSION_COOKIE, 'a', 'x y'), (header, name) => {
        expect(sessionCookieOf(header, name)).toBe(plugin(header, name));
      }),
      { numRuns: 5000 },
    );
  });
});
