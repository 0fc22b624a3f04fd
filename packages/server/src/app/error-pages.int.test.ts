/**
 * Errors that help: odd paths (`%00`, `..%2f`, bad percent-encoding), NUL bytes, invalid UTF-8,
 * oversized headers and URLs get a 4xx with a Swedish body in the API's error shape and no stack
 * trace in the log; a full or read-only database answers 503 saying what happened and what to
 * do. Storage failures are induced for real: `PRAGMA max_page_count` and `PRAGMA query_only` on
 * the server's own SQLite connection, `default_transaction_read_only` on PostgreSQL.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseTargets } from '../testing/databases.testkit.js';
import { login, startTestServer, type Client, type TestServer } from '../testing/test-server.testkit.js';
import { MAX_HEADER_BYTES } from './client-errors.js';

interface ErrorShape {
  error: { code: string; message: string; location: { field?: string } };
}

/** One raw HTTP exchange over a socket (for what only the HTTP parser sees). */
function rawRequest(url: string, head: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.end(head));
    let data = '';
    socket.setEncoding('utf8');
    socket.on('data', (c: string) => (data += c));
    socket.on('error', reject);
    socket.on('close', () => {
      const [statusLine = '', ...rest] = data.split('\r\n');
      resolve({ status: Number(statusLine.split(' ')[1]), body: rest.join('\r\n').split('\r\n\r\n').slice(1).join('') });
    });
  });
}

function expectSwedish(res: { status: number; body: unknown }, status: number, what: string): void {
  expect({ what, status: res.status }).toEqual({ what, status });
  const body = typeof res.body === 'string' ? (JSON.parse(res.body) as ErrorShape) : (res.body as ErrorShape);
  expect(body.error.code, what).toMatch(/^SAMV_ERR_/);
  expect(body.error.message, what).toMatch(/[åäöÅÄÖ]|Fältet|Begäran|Adressen|Det finns/);
  expect(JSON.stringify(body), what).not.toMatch(/\bat \w+ \(|node_modules|Bad Request|Forbidden/);
}

for (const target of databaseTargets) {
  describe.skipIf(!target.available)(`${target.name}: errors that help`, () => {
    let t: TestServer;
    let admin: Client;
    let webDir: string;
    beforeAll(async () => {
      webDir = mkdtempSync(join(tmpdir(), 'samverkan-web-'));
      writeFileSync(join(webDir, 'index.html'), '<!doctype html><title>Samverkan</title>');
      t = await startTestServer(target, { webDir });
      admin = await login(t.url, 'admin');
    });
    afterAll(async () => {
      await t.stop();
      rmSync(webDir, { recursive: true, force: true });
    });

    it('answers odd paths with a Swedish 4xx and logs no stack trace', async () => {
      const logsBefore = t.logs.length;
      const cases: [string, number][] = [
        ['/%00', 400],
        ['/a%00b', 400],
        ['/api/v1/users/%00', 400],
        ['/api/v1/disputes/%00', 400],
        ['/api/v1/invoice-bases/%00', 400],
        ['/api/v1/clauses/%00', 400],
        ['/api/docs/%00', 400],
        ['/api/docs/static/%00', 400],
        ['/..%2f..%2fetc%2fpasswd', 404],
        ['/api/docs/..%2f..%2fpackage.json', 404],
        ['/api/v1/disputes/%E0%A4%A', 400],
        ['/api/v1/disputes/%zz', 400],
        [`/api/v1/disputes/${'a'.repeat(200)}`, 404],
        ['/api/v1/clauses?q=%00', 400],
      ];
      for (const [path, status] of cases) expectSwedish(await admin.request('GET', path), status, path);
      const long = await admin.request('GET', `/api/v1/${'a'.repeat(12_000)}`);
      expectSwedish(long, 404, 'long unknown path');
      expect(JSON.stringify(long.body).length).toBeLessThan(1000);
      const logged = t.logs.slice(logsBefore).join('\n');
      expect(logged).not.toContain('"stack"');
      expect(logged).not.toContain('"level":50');
    });

    it('refuses NUL bytes and unpaired surrogates in bodies naming the field (no PostgreSQL 22021)', async () => {
      for (const subject of ['a\u0000b', 'a\ud800b']) {
        const res = await admin.request('POST', '/api/v1/disputes', {
          document: 'ORD',
          level: 'individ',
          subject,
          parties: ['region', '2380'],
        });
        expectSwedish(res, 400, JSON.stringify(subject));
        expect((res.body as ErrorShape).error.location.field).toBe('body.subject');
      }
      const user = await admin.request('PATCH', '/api/v1/users/%00', { displayName: 'x' });
      expectSwedish(user, 400, 'NUL in a path parameter');
    });

    it('refuses invalid UTF-8 in a body instead of storing U+FFFD', async () => {
      const before = await t.store.db
        .selectFrom('disputes')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      const body = Buffer.concat([
        Buffer.from('{"document":"ORD","level":"individ","subject":"a'),
        Buffer.from([0xff, 0xfe]),
        Buffer.from('","parties":["region","2380"]}'),
      ]);
      const res = await fetch(`${t.url}/api/v1/disputes`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: admin.cookie, 'x-csrf-token': admin.csrfToken },
        body,
      });
      expectSwedish({ status: res.status, body: await res.text() }, 400, 'invalid UTF-8');
      const after = await t.store.db
        .selectFrom('disputes')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      expect(String(after.n)).toBe(String(before.n));
    });

    it('answers oversized headers (431), an oversized URL (414) and malformed HTTP (400) in Swedish', async () => {
      const headers = await rawRequest(t.url, `GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(MAX_HEADER_BYTES + 100)}\r\n\r\n`);
      expectSwedish(headers, 431, 'headers');
      const url = await rawRequest(t.url, `GET /healthz?${'a'.repeat(MAX_HEADER_BYTES + 100)} HTTP/1.1\r\nHost: x\r\n\r\n`);
      expectSwedish(url, 414, 'url');
      const garbage = await rawRequest(t.url, 'NOT HTTP AT ALL\r\n\r\n');
      expectSwedish(garbage, 400, 'garbage');
      expect((await fetch(`${t.url}/healthz`)).status).toBe(200);
    });
  });

  describe.skipIf(!target.available)(`${target.name}: full and read-only storage`, () => {
    let t: TestServer;
    let admin: Client;
    beforeAll(async () => {
      t = await startTestServer(target);
      admin = await login(t.url, 'admin');
    });
    afterAll(async () => {
      await t.stop();
    });

    const dispute = { document: 'ORD', level: 'organisation', subject: 'Lagringsprov', parties: ['region', '2380'] };

    it.skipIf(target.name !== 'SQLite')('a full database answers 503 SAMV_ERR_STORAGE_FULL saying what to do', async () => {
      const db = t.server.store.db;
      const pages = await sql<{ page_count: number }>`pragma page_count`.execute(db);
      const count = pages.rows[0]?.page_count ?? 0;
      await sql.raw(`pragma max_page_count = ${String(count)}`).execute(db);
      try {
        // Enough new rows to need a new page.
        let res = await admin.request('POST', '/api/v1/disputes', { ...dispute, subject: 'x'.repeat(2000) });
        for (let i = 0; i < 20 && res.status === 201; i++)
          res = await admin.request('POST', '/api/v1/disputes', { ...dispute, subject: 'x'.repeat(2000) });
        expect(res.status).toBe(503);
        expect((res.body as ErrorShape).error).toMatchObject({
          code: 'SAMV_ERR_STORAGE_FULL',
          message: expect.stringMatching(/full.*inget sparades.*frigöra utrymme/) as unknown,
        });
      } finally {
        await sql.raw('pragma max_page_count = 4294967294').execute(db);
      }
      expect((await admin.request('POST', '/api/v1/disputes', dispute)).status).toBe(201);
      expect(t.logs.join('\n')).not.toContain('"stack"');
    });

    it.skipIf(target.name !== 'SQLite')('a read-only database answers 503 SAMV_ERR_READ_ONLY; reading still works', async () => {
      const db = t.server.store.db;
      await sql`pragma query_only = 1`.execute(db);
      try {
        const res = await admin.request('POST', '/api/v1/disputes', dispute);
        expect(res.status).toBe(503);
        expect((res.body as ErrorShape).error).toMatchObject({
          code: 'SAMV_ERR_READ_ONLY',
          message: expect.stringMatching(/skrivskyddad.*inget sparades.*Läsning fungerar/) as unknown,
        });
        expect((await admin.request('GET', '/api/v1/disputes')).status).toBe(200);
      } finally {
        await sql`pragma query_only = 0`.execute(db);
      }
    });

    it.skipIf(target.name !== 'PostgreSQL').each([
      ['25006', 'SAMV_ERR_READ_ONLY', /skrivskyddad.*inget sparades/],
      ['53100', 'SAMV_ERR_STORAGE_FULL', /full.*inget sparades/],
    ])('PostgreSQL error %s on a write answers 503 %s', async (sqlstate, code, message) => {
      // PostgreSQL raises the very error a standby (25006) or a full disk (53100) raises, through
      // the real driver: a trigger on the table the request writes.
      const db = t.store.db;
      await sql
        .raw(
          `create or replace function samv_refuse() returns trigger language plpgsql as $$ begin raise exception 'prov' using errcode = '${sqlstate}'; end $$`,
        )
        .execute(db);
      await sql.raw('create trigger samv_refuse before insert on disputes for each row execute function samv_refuse()').execute(db);
      try {
        const res = await admin.request('POST', '/api/v1/disputes', dispute);
        expect(res.status).toBe(503);
        expect((res.body as ErrorShape).error).toMatchObject({ code, message: expect.stringMatching(message) as unknown });
        expect((await admin.request('GET', '/api/v1/disputes')).status).toBe(200);
      } finally {
        await sql.raw('drop trigger samv_refuse on disputes').execute(db);
      }
    });
  });
}
