/**
 * The service's frame on both databases: health and readiness, Swedish 404 and validation
 * errors, the OpenAPI 3.1 document and its browsable page, the built web app with SPA
 * fallback, and a graceful close.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseTargets } from '../testing/databases.testkit.js';
import { anonymous, login, startTestServer, type TestServer } from '../testing/test-server.testkit.js';

interface ErrorShape {
  error: { code: string; message: string; location: Record<string, unknown>; details: unknown[] };
}

for (const target of databaseTargets) {
  describe.skipIf(!target.available)(`${target.name}: service basics`, () => {
    let t: TestServer;
    let webDir: string;
    beforeAll(async () => {
      webDir = mkdtempSync(join(tmpdir(), 'samverkan-web-'));
      writeFileSync(
        join(webDir, 'index.html'),
        '<!doctype html><html lang="sv"><title>Samverkan</title><script type="module" src="/app.js"></script></html>',
      );
      writeFileSync(join(webDir, 'app.js'), 'console.log("samverkan")');
      t = await startTestServer(target, { webDir });
    });
    afterAll(async () => {
      await t.stop();
      rmSync(webDir, { recursive: true, force: true });
    });

    it('answers /healthz and /readyz (database reachable, agreement loaded)', async () => {
      expect((await anonymous(t.url).request('GET', '/healthz')).body).toEqual({ status: 'ok' });
      const ready = await anonymous(t.url).request('GET', '/readyz');
      expect(ready.status).toBe(200);
      expect(ready.body).toMatchObject({
        status: 'ready',
        database: target.name === 'SQLite' ? 'sqlite' : 'postgres',
        agreement: expect.stringContaining('jamtland-2026') as unknown,
      });
    });

    it('answers an unknown API path with a Swedish 404 in the error shape', async () => {
      const res = await anonymous(t.url).request('GET', '/api/v1/finns-inte');
      expect(res.status).toBe(404);
      expect(res.body).toEqual({
        error: {
          code: 'SAMV_ERR_NOT_FOUND',
          message: expect.stringContaining('Det finns ingen resurs GET /api/v1/finns-inte') as unknown,
          location: { path: '/api/v1/finns-inte' },
          details: [],
        },
      });
    });

    it('turns schema failures into SAMV_ERR_INVALID_INPUT naming the field in Swedish', async () => {
      const anon = anonymous(t.url);
      const missing = (await anon.request('POST', '/api/v1/auth/login', { username: 'admin' })).body as ErrorShape;
      expect(missing.error).toMatchObject({
        code: 'SAMV_ERR_INVALID_INPUT',
        message: 'Fältet ”Lösenord” saknas.',
        location: { field: 'body.password' },
      });
      const unknown = (await anon.request('POST', '/api/v1/auth/login', { username: 'admin', password: 'x', roll: 'admin' }))
        .body as ErrorShape;
      expect(unknown.error.message).toBe('Fältet ”roll” är okänt (stavfel?).');
      const query = await anon.request('GET', '/api/v1/clauses?document=ord');
      expect(query.status).toBe(400);
      expect((query.body as ErrorShape).error.message).toBe('Fältet ”Dokument” har fel format.');
      const res = await fetch(`${t.url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"username":',
      });
      expect(res.status).toBe(400);
      expect(((await res.json()) as ErrorShape).error).toMatchObject({
        code: 'SAMV_ERR_INVALID_INPUT',
        message: 'Begärans kropp är inte giltig JSON.',
      });
    });

    it('serves the agreement data without sign-in', async () => {
      const clauses = (await anonymous(t.url).request('GET', '/api/v1/clauses?q=tvist&document=ORD')).body as {
        clauses: { id: string; document: string }[];
      };
      expect(clauses.clauses.length).toBeGreaterThan(0);
      expect(clauses.clauses.every((c) => c.document === 'ORD')).toBe(true);
      const m = (await anonymous(t.url).request('GET', '/api/v1/municipalities')).body as { municipalities: { code: string }[] };
      expect(m.municipalities.map((x) => x.code)).toContain('2380');
    });

    it('publishes an OpenAPI 3.1 document listing the routes, and a browsable page', async () => {
      const res = await fetch(`${t.url}/api/openapi.json`);
      expect(res.status).toBe(200);
      const doc = (await res.json()) as { openapi: string; paths: Record<string, Record<string, unknown>> };
      expect(doc.openapi).toBe('3.1.0');
      for (const [path, method] of [
        ['/api/v1/auth/login', 'post'],
        ['/api/v1/auth/me', 'get'],
        ['/api/v1/index-values', 'post'],
        ['/api/v1/parameters', 'get'],
        ['/api/v1/users/{id}', 'patch'],
        ['/api/v1/audit/verify', 'get'],
        ['/api/v1/disputes/{id}/escalate', 'post'],
        ['/healthz', 'get'],
      ] as const) {
        expect(doc.paths[path]?.[method], `${method.toUpperCase()} ${path}`).toBeDefined();
      }
      const page = await fetch(`${t.url}/api/docs/`);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toContain('text/html');
      expect(await page.text()).toContain('swagger');
    });

    it('serves the built web app with a fallback to index.html outside /api', async () => {
      const root = await fetch(`${t.url}/`);
      expect(root.headers.get('content-type')).toContain('text/html');
      expect(await root.text()).toContain('<title>Samverkan</title>');
      const deep = await fetch(`${t.url}/avtal/ORD`);
      expect(deep.status).toBe(200);
      expect(await deep.text()).toContain('<title>Samverkan</title>');
      const js = await fetch(`${t.url}/app.js`);
      expect(await js.text()).toContain('samverkan');
      expect((await fetch(`${t.url}/api/v1/nej`)).status).toBe(404);
    });

    it('closes gracefully: requests in flight finish, then the port is released', async () => {
      const second = await startTestServer(target, { demo: false });
      const client = await login(second.url, 'admin').catch(() => undefined);
      expect(client).toBeUndefined(); // no demo users without demo data
      // A sign-in whose body is still arriving when close() is called must still be answered.
      const body = JSON.stringify({ username: 'ingen', password: 'x'.repeat(20) });
      const req = request(`${second.url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': String(body.length) },
      });
      const answered = new Promise<number>((resolve, reject) => {
        req.on('response', (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on('error', reject);
      });
      req.write(body.slice(0, 10));
      await new Promise((r) => setTimeout(r, 150));
      const closing = second.server.close();
      await new Promise((r) => setTimeout(r, 50));
      req.end(body.slice(10));
      expect(await answered).toBe(401);
      await closing;
      await expect(fetch(`${second.url}/healthz`)).rejects.toThrow();
      await second.server.close(); // idempotent
      await second.stop();
    });
  });
}
