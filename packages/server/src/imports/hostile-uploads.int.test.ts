/**
 * Hostile import files against the real server, on SQLite and PostgreSQL (decision 0110; issue
 * "2/5 Hardening", point 2): a shared-strings bomb (3.5 GB inflated from a few MB), a small
 * workbook with one 300 MB cell, a one-cell 40 MB CSV and an upload over the stated maximum are
 * each refused with 4xx while `/healthz` keeps answering within a second, the process's memory
 * stays bounded, nothing is stored and no spool file is left; the same for the .xls signature, a
 * client that aborts mid-upload, and a rejected or accepted import. A spool folder left by a killed
 * server is swept at start; a live process's folder is not.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseTargets } from '../testing/databases.testkit.js';
import { login, startTestServer, type Client, type TestServer } from '../testing/test-server.testkit.js';
import { fixtureCsv, kindFixtures, XLSX_TYPE } from './import-fixtures.testkit.js';
import { hugeCellWorkbook, sharedStringsBomb } from './hostile-files.testkit.js';

const MiB = 1024 * 1024;
const MAX_UPLOAD = 48 * MiB;
const fixture = kindFixtures[0];
if (fixture === undefined) throw new Error('no import fixtures');

interface Outcome {
  readonly status: number;
  readonly body: { error?: { code: string; message: string; location: { line?: number } } } | null;
  /** Slowest `/healthz` answer while the upload ran (ms). */
  readonly slowestHealth: number;
  /** Growth of this process's RSS (the server runs in it) over its value before the upload. */
  readonly rssGrowth: number;
}

/** POST `bytes` as the web app does, over node:http so an early answer (413) is read while still sending. */
function post(
  url: string,
  client: Client,
  bytes: Buffer,
  contentType: string,
  opts: { chunked?: boolean; abortAfter?: number } = {},
): Promise<{ status: number; text: string }> {
  const u = new URL(`${url}/api/v1/imports/${fixture?.kind ?? ''}?filename=fientlig`);
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = {
      'content-type': contentType,
      cookie: client.cookie,
      'x-csrf-token': client.csrfToken,
    };
    if (opts.chunked !== true) headers['content-length'] = bytes.length;
    const req = httpRequest({ host: u.hostname, port: u.port, path: u.pathname + u.search, method: 'POST', headers });
    let answered = false;
    req.on('response', (res) => {
      answered = true;
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') });
        // An early answer (413, 400) leaves the request half sent: close it, or the server waits for it on close.
        req.destroy();
      });
    });
    req.on('error', (e) => {
      if (opts.abortAfter !== undefined) resolve({ status: 0, text: '' });
      else if (!answered) reject(e);
    });
    req.on('close', () => {
      if (!answered) resolve({ status: 0, text: '' });
    });
    let offset = 0;
    const pump = (): void => {
      while (offset < bytes.length && !answered) {
        if (opts.abortAfter !== undefined && offset >= opts.abortAfter) {
          req.destroy();
          return;
        }
        const chunk = bytes.subarray(offset, offset + MiB);
        offset += chunk.length;
        if (!req.write(chunk)) {
          req.once('drain', pump);
          return;
        }
      }
      if (!answered) req.end();
    };
    pump();
  });
}

/** Upload while polling `/healthz` and sampling memory. */
async function hostile(
  t: TestServer,
  client: Client,
  bytes: Buffer,
  contentType: string,
  opts: { chunked?: boolean } = {},
): Promise<Outcome> {
  global.gc?.();
  const rss0 = process.memoryUsage().rss;
  let peak = rss0;
  let slowest = 0;
  let running = true;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  const health = (async () => {
    while (running) {
      const started = performance.now();
      const res = await fetch(`${t.url}/healthz`, { signal: AbortSignal.timeout(5000) });
      await res.text();
      slowest = Math.max(slowest, performance.now() - started);
      expect(res.status).toBe(200);
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  try {
    const res = await post(t.url, client, bytes, contentType, opts);
    return {
      status: res.status,
      body: res.text === '' ? null : (JSON.parse(res.text) as Outcome['body']),
      slowestHealth: slowest,
      rssGrowth: peak - rss0,
    };
  } finally {
    running = false;
    clearInterval(sampler);
    await health;
  }
}

/** Files in this process's spool folder of `t` (the server runs in this process). */
function spooled(t: TestServer): string[] {
  return readdirSync(t.spoolDir)
    .filter((d) => d.startsWith(`p${String(process.pid)}-`))
    .flatMap((d) => readdirSync(join(t.spoolDir, d)));
}

for (const target of databaseTargets) {
  describe.skipIf(!target.available)(`${target.name}: hostile uploads`, () => {
    let t: TestServer;
    let c: Client;
    let root: string;
    let live: ChildProcess;
    let deadFolder: string;
    let liveFolder: string;
    const counts = async (): Promise<number[]> =>
      Promise.all(
        (['imports', 'import_rows', 'audit_log'] as const).map(
          async (table) =>
            (
              await t.store.db
                .selectFrom(table)
                .select((eb) => eb.fn.countAll<number>().as('n'))
                .executeTakeFirstOrThrow()
            ).n,
        ),
      );

    beforeAll(async () => {
      root = mkdtempSync(join(tmpdir(), 'samverkan-hostile-'));
      // A server killed mid-upload left its folder; its process is gone. Another server is alive.
      const dead = spawnSync(process.execPath, ['-e', '']).pid;
      live = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 120000)'], { stdio: 'ignore' });
      deadFolder = join(root, `p${String(dead)}-0123456789ab`);
      liveFolder = join(root, `p${String(live.pid ?? 0)}-0123456789ab`);
      for (const f of [deadFolder, liveFolder]) {
        mkdirSync(f);
        writeFileSync(join(f, 'upload-1'), Buffer.alloc(MiB, 1));
      }
      t = await startTestServer(target, { spoolDir: root, fileLimits: { maxUploadBytes: MAX_UPLOAD, maxSharedStringsBytes: 32 * MiB } });
      c = await login(t.url, fixture.user);
    }, 60_000);
    afterAll(async () => {
      live.kill();
      await t.stop();
      rmSync(root, { recursive: true, force: true });
    });

    it('swept the spool folder of a killed server at start, and left a live process’s folder alone', () => {
      expect(existsSync(deadFolder)).toBe(false);
      expect(existsSync(join(liveFolder, 'upload-1'))).toBe(true);
      expect(t.logs.some((l) => l.includes('avbruten server'))).toBe(true);
    });

    it('refuses a shared-strings bomb (3.5 GB inflated) while /healthz answers, memory bounded, nothing stored, no spool file', async () => {
      const before = await counts();
      for (const declared of [undefined, 30 * MiB]) {
        const bomb = sharedStringsBomb(3500, declared);
        expect(bomb.length).toBeLessThan(MAX_UPLOAD);
        const r = await hostile(t, c, bomb, XLSX_TYPE);
        expect(r.status, JSON.stringify(r.body)).toBeGreaterThanOrEqual(400);
        expect(r.status).toBeLessThan(500);
        expect(r.body?.error?.code).toMatch(/^SAMV_ERR_FILE_(LIMIT|FORMAT)$/);
        expect(r.body?.error?.message).toContain('inget har sparats');
        expect(r.slowestHealth).toBeLessThan(1000);
        expect(r.rssGrowth).toBeLessThan(400 * MiB);
      }
      expect(await counts()).toEqual(before);
      expect(spooled(t)).toEqual([]);
    }, 60_000);

    it('refuses a small workbook with one 300 MB cell, naming the limit', async () => {
      const before = await counts();
      const workbook = hugeCellWorkbook(300);
      expect(workbook.length).toBeLessThan(MiB);
      const r = await hostile(t, c, workbook, XLSX_TYPE);
      expect(r.status, JSON.stringify(r.body)).toBe(422);
      expect(r.body?.error).toMatchObject({ code: 'SAMV_ERR_FILE_LIMIT', message: expect.stringMatching(/gränsen är 1 MB/) as unknown });
      expect(r.slowestHealth).toBeLessThan(1000);
      expect(r.rssGrowth).toBeLessThan(200 * MiB);
      expect(await counts()).toEqual(before);
      expect(spooled(t)).toEqual([]);
    }, 60_000);

    it('refuses a one-cell 40 MB CSV as soon as the cell passes 32 767 characters (no 500)', async () => {
      const before = await counts();
      const r = await hostile(t, c, Buffer.alloc(40 * MiB, 0x41), 'text/csv');
      expect(r.status, JSON.stringify(r.body)).toBe(422);
      expect(r.body?.error).toMatchObject({
        code: 'SAMV_ERR_FILE_LIMIT',
        location: { line: 1 },
        message: expect.stringMatching(/32\s767 tecken/) as unknown,
      });
      expect(r.slowestHealth).toBeLessThan(1000);
      expect(r.rssGrowth).toBeLessThan(200 * MiB);
      expect(await counts()).toEqual(before);
      expect(spooled(t)).toEqual([]);
    }, 60_000);

    it('answers 413 in Swedish, naming the maximum, for an upload over it — declared or streamed', async () => {
      const before = await counts();
      const big = Buffer.alloc(MAX_UPLOAD + MiB, 0x41);
      for (const chunked of [false, true]) {
        const r = await hostile(t, c, big, 'text/csv', { chunked });
        expect(r.status, JSON.stringify(r.body)).toBe(413);
        expect(r.body?.error).toMatchObject({ code: 'SAMV_ERR_TOO_LARGE', message: expect.stringMatching(/48 MB/) as unknown });
        expect(r.slowestHealth).toBeLessThan(1000);
      }
      expect(await counts()).toEqual(before);
      expect(spooled(t)).toEqual([]);
    }, 60_000);

    it('leaves no spool file after an .xls signature, a client abort, a rejected and an accepted import', async () => {
      const xls = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(10 * MiB)]);
      for (let i = 0; i < 2; i++) {
        const r = await post(t.url, c, xls, 'application/vnd.ms-excel');
        expect(r.status).toBe(400);
        expect(r.text).toContain('.xls');
        expect(spooled(t)).toEqual([]);
      }
      await post(t.url, c, Buffer.alloc(20 * MiB, 0x41), 'text/csv', { abortAfter: 5 * MiB });
      const deadline = Date.now() + 5000;
      while (spooled(t).length > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      expect(spooled(t)).toEqual([]);
      const bad = await post(t.url, c, Buffer.from('fel;rubrik\n1;2\n'), 'text/csv');
      expect(bad.status).toBe(422);
      expect(spooled(t)).toEqual([]);
      const ok = await post(t.url, c, Buffer.from(fixtureCsv(fixture, 'sv-semicolon')), 'text/csv');
      expect(ok.status, ok.text).toBe(201);
      expect(spooled(t)).toEqual([]);
    }, 60_000);
  });
}
