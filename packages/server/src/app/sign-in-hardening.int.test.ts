/**
 * Sign-in hardening over HTTP on both databases (issue 9, point 4): failed sign-ins limited per
 * source address (any user name) and per user name (any address); X-Forwarded-For believed only
 * from listed proxies; a new sign-in ends the browser's previous session; password change, and
 * the change forced on an account whose password an administrator chose.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseTargets } from '../testing/databases.testkit.js';
import { anonymous, login, startTestServer, type Client, type TestServer } from '../testing/test-server.testkit.js';

interface ErrorBodyShape {
  error: { code: string; message: string; location: { field?: string } };
}

async function attempt(
  url: string,
  username: string,
  password: string,
  headers: Record<string, string> = {},
  cookie = '',
): Promise<Response> {
  return fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers, ...(cookie === '' ? {} : { cookie }) },
    body: JSON.stringify({ username, password }),
  });
}

function cookieOf(res: Response): string {
  return (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

async function me(url: string, cookie: string): Promise<number> {
  return (await fetch(`${url}/api/v1/auth/me`, { headers: { cookie } })).status;
}

for (const target of databaseTargets) {
  describe.skipIf(!target.available)(`${target.name}: sign-in limits and sessions`, () => {
    let direct: TestServer;
    let proxied: TestServer;
    beforeAll(async () => {
      [direct, proxied] = await Promise.all([startTestServer(target), startTestServer(target, { trustProxy: ['127.0.0.1'] })]);
    });
    afterAll(async () => {
      await Promise.all([direct.stop(), proxied.stop()]);
    });

    it('limits one address trying many user names (40 names used to give 40 × 401)', async () => {
      const from = { 'x-forwarded-for': '203.0.113.7' };
      const statuses: number[] = [];
      for (let i = 0; i < 40; i++) statuses.push((await attempt(proxied.url, `namn.${String(i)}`, 'fel-losenord-123', from)).status);
      expect(statuses.slice(0, 30).every((s) => s === 401)).toBe(true);
      expect(statuses.slice(30).every((s) => s === 429)).toBe(true);
      // The limit is the address's: another address behind the same proxy still gets an answer.
      expect((await attempt(proxied.url, 'namn.0', 'fel-losenord-123', { 'x-forwarded-for': '203.0.113.8' })).status).toBe(401);
    });

    it('limits one user name from rotating X-Forwarded-For addresses, without and with a trusted proxy', async () => {
      for (const [t, username] of [
        [direct, 'ekonom.harjedalen'],
        [proxied, 'ekonom.berg'],
      ] as const) {
        const statuses: number[] = [];
        for (let i = 0; i < 30; i++)
          statuses.push(
            (await attempt(t.url, username, 'gissning-' + String(i), { 'x-forwarded-for': `198.51.100.${String(i + 1)}` })).status,
          );
        expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
        expect(statuses.slice(10).every((s) => s === 429)).toBe(true);
        const right = await attempt(t.url, username, 'demo-samverkan', { 'x-forwarded-for': '192.0.2.99' });
        expect(right.status).toBe(429);
        expect(((await right.json()) as ErrorBodyShape).error).toMatchObject({
          code: 'SAMV_ERR_RATE_LIMITED',
          message: expect.stringContaining('För många inloggningsförsök') as unknown,
        });
      }
    });

    it('ignores X-Forwarded-For without a trusted proxy list: rotating it does not make new addresses', async () => {
      const t = await startTestServer(target, { demo: false });
      try {
        const statuses: number[] = [];
        for (let i = 0; i < 32; i++)
          statuses.push(
            (await attempt(t.url, `vem.${String(i)}`, 'fel-losenord-123', { 'x-forwarded-for': `198.51.100.${String(i + 1)}` })).status,
          );
        expect(statuses.slice(0, 30).every((s) => s === 401)).toBe(true);
        expect(statuses.slice(30)).toEqual([429, 429]);
      } finally {
        await t.stop();
      }
    });

    it('ends the previous session of the browser at a new sign-in; other browsers keep theirs', async () => {
      const first = await attempt(direct.url, 'chef', 'demo-samverkan');
      const a = cookieOf(first);
      const otherBrowser = cookieOf(await attempt(direct.url, 'chef', 'demo-samverkan'));
      expect(await me(direct.url, a)).toBe(200);
      const again = await attempt(direct.url, 'chef', 'demo-samverkan', {}, a);
      expect(again.status).toBe(200);
      const b = cookieOf(again);
      expect(b).not.toBe(a);
      expect(await me(direct.url, a)).toBe(401);
      expect(await me(direct.url, b)).toBe(200);
      expect(await me(direct.url, otherBrowser)).toBe(200);
    });

    describe('password change', () => {
      let admin: Client;
      let userId: string;
      const username = `byt.${target.name.toLowerCase()}`;
      const first = 'forsta-losenordet-fran-admin';
      const chosen = 'mitt-eget-langa-losenord';

      beforeAll(async () => {
        admin = await login(direct.url, 'admin');
        const created = await admin.request('POST', '/api/v1/users', { username, role: 'viewer', password: first });
        expect(created.status).toBe(201);
        userId = (created.body as { user: { id: string; mustChangePassword: boolean } }).user.id;
        expect((created.body as { user: { mustChangePassword: boolean } }).user.mustChangePassword).toBe(true);
      });

      it('forces the change on first sign-in: the session reaches only me, password and logout', async () => {
        const c = await login(direct.url, username, first);
        const who = await c.request('GET', '/api/v1/auth/me');
        expect(who.status).toBe(200);
        expect(who.body).toMatchObject({ user: { username }, mustChangePassword: true });
        for (const path of ['/api/v1/disputes', '/api/v1/documents', '/api/v1/index-values']) {
          const r = await c.request('GET', path);
          expect(r.status).toBe(403);
          expect((r.body as ErrorBodyShape).error).toMatchObject({
            code: 'SAMV_ERR_FORBIDDEN',
            location: { field: 'mustChangePassword' },
            message: expect.stringContaining('byta lösenord') as unknown,
          });
        }
        const write = await c.request('POST', '/api/v1/disputes', { subject: 'x' });
        expect(write.status).toBe(403);
      });

      it('refuses a wrong current password, a short one and an unchanged one in Swedish, naming the field', async () => {
        const c = await login(direct.url, username, first);
        const wrong = await c.request('POST', '/api/v1/auth/password', { currentPassword: 'inte-det-har', newPassword: chosen });
        expect(wrong.status).toBe(400);
        expect((wrong.body as ErrorBodyShape).error).toMatchObject({
          location: { field: 'currentPassword' },
          message: 'Nuvarande lösenord: det nuvarande lösenordet stämmer inte.',
        });
        const short = await c.request('POST', '/api/v1/auth/password', { currentPassword: first, newPassword: 'kort' });
        expect(short.status).toBe(400);
        expect((short.body as ErrorBodyShape).error.message).toBe('Nytt lösenord: lösenordet måste vara minst 12 tecken långt.');
        const same = await c.request('POST', '/api/v1/auth/password', { currentPassword: first, newPassword: first });
        expect(same.status).toBe(400);
        expect((same.body as ErrorBodyShape).error.location.field).toBe('newPassword');
        expect(
          (await anonymous(direct.url).request('POST', '/api/v1/auth/password', { currentPassword: first, newPassword: chosen })).status,
        ).toBe(401);
      });

      it('changes the password: old sessions end, this browser gets a new one, the change is audited without the hash', async () => {
        const c = await login(direct.url, username, first);
        const elsewhere = await login(direct.url, username, first);
        const res = await fetch(`${direct.url}/api/v1/auth/password`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', cookie: c.cookie, 'x-csrf-token': c.csrfToken },
          body: JSON.stringify({ currentPassword: first, newPassword: chosen }),
        });
        expect(res.status).toBe(200);
        const body = (await res.json()) as { mustChangePassword: boolean; csrfToken: string };
        expect(body.mustChangePassword).toBe(false);
        const fresh = cookieOf(res);
        expect(fresh).not.toBe(c.cookie);
        expect(await me(direct.url, c.cookie)).toBe(401);
        expect(await me(direct.url, elsewhere.cookie)).toBe(401);
        expect((await fetch(`${direct.url}/api/v1/disputes`, { headers: { cookie: fresh } })).status).toBe(200);
        expect((await attempt(direct.url, username, first)).status).toBe(401);
        const again = await login(direct.url, username, chosen);
        expect((await again.request('GET', '/api/v1/auth/me')).body).toMatchObject({ mustChangePassword: false });
        const audit = await direct.store.db
          .selectFrom('audit_log')
          .selectAll()
          .where('entity_id', '=', userId)
          .where('action', '=', 'change-password')
          .execute();
        expect(audit).toHaveLength(1);
        expect(JSON.stringify(audit)).not.toContain('$argon2');
        expect(audit[0]?.actor).toBe(`user:${username}`);
      });

      it('forces a change again after an administrator resets the password', async () => {
        const reset = await admin.request('PATCH', `/api/v1/users/${userId}`, { password: 'nytt-fran-administratoren' });
        expect(reset.status).toBe(200);
        expect((reset.body as { user: { mustChangePassword: boolean } }).user.mustChangePassword).toBe(true);
        const c = await login(direct.url, username, 'nytt-fran-administratoren');
        expect((await c.request('GET', '/api/v1/auth/me')).body).toMatchObject({ mustChangePassword: true });
        expect((await c.request('GET', '/api/v1/disputes')).status).toBe(403);
      });
    });
  });
}
