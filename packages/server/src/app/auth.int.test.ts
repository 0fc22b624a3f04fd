/**
 * Sign-in over HTTP against the real server on both databases: login/logout/me, the session
 * cookie's flags, CSRF, the sign-in rate limit, security headers, secrets kept out of the logs,
 * and OIDC answering in Swedish when it is not configured.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseTargets } from '../testing/databases.testkit.js';
import { anonymous, login, startTestServer, type TestServer } from '../testing/test-server.testkit.js';

interface ErrorBodyShape {
  error: { code: string; message: string };
}

for (const target of databaseTargets) {
  describe.skipIf(!target.available)(`${target.name}: sign-in, sessions and CSRF`, () => {
    let t: TestServer;
    beforeAll(async () => {
      t = await startTestServer(target);
    });
    afterAll(async () => {
      await t.stop();
    });

    it('signs in, reports the user with a CSRF token, and sets an HttpOnly SameSite=Lax cookie', async () => {
      const res = await fetch(`${t.url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'ekonom.ostersund', password: 'demo-samverkan' }),
      });
      expect(res.status).toBe(200);
      const cookie = res.headers.get('set-cookie') ?? '';
      expect(cookie).toMatch(/^samverkan_session=[A-Za-z0-9_-]{43};/);
      expect(cookie).toContain('HttpOnly');
      expect(cookie).toContain('SameSite=Lax');
      expect(cookie).not.toContain('Secure'); // plain http here; Secure is set behind HTTPS
      const body = (await res.json()) as { user: unknown; csrfToken: string };
      expect(body.user).toMatchObject({ username: 'ekonom.ostersund', role: 'municipality_economist', municipality: '2380' });
      expect(body.csrfToken.length).toBeGreaterThan(20);
    });

    it('stores only a hash of the session id', async () => {
      const c = await login(t.url, 'chef');
      const sessionId = c.cookie.split('=')[1] ?? '';
      const rows = await t.store.db.selectFrom('sessions').select('id_hash').execute();
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.some((r) => r.id_hash === sessionId)).toBe(false);
      expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.id_hash))).toBe(true);
    });

    it('me returns the user and the same CSRF token; logout ends the session', async () => {
      const c = await login(t.url, 'lasare');
      const me = await c.request('GET', '/api/v1/auth/me');
      expect(me.status).toBe(200);
      expect(me.body).toMatchObject({ user: { username: 'lasare', role: 'viewer' }, csrfToken: c.csrfToken });
      const out = await c.request('POST', '/api/v1/auth/logout');
      expect(out.status).toBe(204);
      const after = await c.request('GET', '/api/v1/auth/me');
      expect(after.status).toBe(401);
      expect((after.body as ErrorBodyShape).error.code).toBe('SAMV_ERR_UNAUTHENTICATED');
    });

    it('refuses a wrong password and an unknown user with the same Swedish message', async () => {
      const anon = anonymous(t.url);
      const wrong = await anon.request('POST', '/api/v1/auth/login', { username: 'admin', password: 'fel-losenord-123' });
      const unknown = await anon.request('POST', '/api/v1/auth/login', { username: 'finns-inte', password: 'fel-losenord-123' });
      expect(wrong.status).toBe(401);
      expect(unknown.status).toBe(401);
      expect((wrong.body as ErrorBodyShape).error.message).toBe('Fel användarnamn eller lösenord.');
      expect((unknown.body as ErrorBodyShape).error.message).toBe('Fel användarnamn eller lösenord.');
    });

    it('rejects an unsafe request with a session but without or with a wrong CSRF token', async () => {
      const admin = await login(t.url, 'admin');
      const body = { series: 'VPI', year: 2030, percent: '1.0', source: 'test' };
      const none = await admin.request('POST', '/api/v1/index-values', body, { 'x-csrf-token': '' });
      expect(none.status).toBe(403);
      expect((none.body as ErrorBodyShape).error.message).toContain('x-csrf-token');
      const wrong = await admin.request('POST', '/api/v1/index-values', body, { 'x-csrf-token': 'a'.repeat(43) });
      expect(wrong.status).toBe(403);
      const other = await login(t.url, 'admin');
      const foreign = await admin.request('POST', '/api/v1/index-values', body, { 'x-csrf-token': other.csrfToken });
      expect(foreign.status).toBe(403);
      const ok = await admin.request('POST', '/api/v1/index-values', body);
      expect(ok.status).toBe(201);
    });

    it('sends security headers with a CSP that allows only the app itself', async () => {
      const res = await fetch(`${t.url}/api/v1/documents`);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("style-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
      expect(res.headers.get('referrer-policy')).toBe('same-origin');
      expect(res.headers.get('cache-control')).toBe('no-store');
    });

    it('answers OIDC sign-in with a Swedish 501 when it is not configured', async () => {
      for (const path of ['/api/v1/auth/oidc/login', '/api/v1/auth/oidc/callback?code=x&state=y']) {
        const res = await anonymous(t.url).request('GET', path);
        expect(res.status).toBe(501);
        expect((res.body as ErrorBodyShape).error.code).toBe('SAMV_ERR_NOT_CONFIGURED');
        expect((res.body as ErrorBodyShape).error.message).toContain('OIDC_ISSUER');
      }
    });

    it('keeps passwords, cookies and CSRF tokens out of the logs', async () => {
      const c = await login(t.url, 'ekonom.krokom');
      await c.request('GET', '/api/v1/auth/me');
      const logs = t.logs.join('\n');
      expect(logs).toContain('"username":"ekonom.krokom"');
      expect(logs).not.toContain('demo-samverkan');
      expect(logs).not.toContain(c.cookie.split('=')[1] ?? 'x');
      expect(logs).not.toContain(c.csrfToken);
      for (const line of t.logs) expect(() => JSON.parse(line) as unknown).not.toThrow();
    });

    it('rate-limits sign-in attempts per address and user name with a Swedish 429', async () => {
      const anon = anonymous(t.url);
      const statuses: number[] = [];
      for (let i = 0; i < 12; i++)
        statuses.push(
          (await anon.request('POST', '/api/v1/auth/login', { username: 'ekonom.region', password: 'gissning-nummer-' + String(i) }))
            .status,
        );
      expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
      expect(statuses[10]).toBe(429);
      const limited = await anon.request('POST', '/api/v1/auth/login', { username: 'ekonom.region', password: 'demo-samverkan' });
      expect(limited.status).toBe(429);
      expect((limited.body as ErrorBodyShape).error).toMatchObject({ code: 'SAMV_ERR_RATE_LIMITED' });
      expect((limited.body as ErrorBodyShape).error.message).toContain('För många inloggningsförsök');
      // Another user name from the same address is not locked out.
      await expect(login(t.url, 'chef')).resolves.toBeDefined();
    });
  });
}
