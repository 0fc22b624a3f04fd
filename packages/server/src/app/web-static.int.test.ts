/**
 * The built web app on the wire: precompressed Brotli/gzip chosen by Accept-Encoding, a year's
 * immutable caching for hashed assets and revalidation for index.html (also as the SPA fallback).
 * Static serving never touches the store, so SQLite alone is enough here.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { get, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqliteTarget } from '../testing/databases.testkit.js';
import { startTestServer, type TestServer } from '../testing/test-server.testkit.js';
import { cacheControlFor, IMMUTABLE_CACHE, REVALIDATE_CACHE } from './web-static.js';

const indexHtml = `<!doctype html><html lang="sv"><title>Samverkan</title><script type="module" src="/assets/index-AbCd12_x.js"></script>${'<!-- fyll -->'.repeat(80)}</html>`;
const appJs = `export const guide = ${JSON.stringify('ansvarsguide '.repeat(400))};`;

/** A raw GET (node:http does not decompress, unlike fetch), with the Accept-Encoding given. */
function raw(url: string, acceptEncoding?: string): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    get(url, { headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => {
        chunks.push(c);
      });
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) });
      });
      res.on('error', reject);
    }).on('error', reject);
  });
}

describe('webbappen på tråden: förkomprimerat och cachat', () => {
  let t: TestServer;
  let webDir: string;
  beforeAll(async () => {
    webDir = mkdtempSync(join(tmpdir(), 'samverkan-web-'));
    mkdirSync(join(webDir, 'assets'));
    writeFileSync(join(webDir, 'index.html'), indexHtml);
    writeFileSync(join(webDir, 'index.html.br'), brotliCompressSync(indexHtml));
    writeFileSync(join(webDir, 'index.html.gz'), gzipSync(indexHtml));
    writeFileSync(join(webDir, 'assets/index-AbCd12_x.js'), appJs);
    writeFileSync(join(webDir, 'assets/index-AbCd12_x.js.br'), brotliCompressSync(appJs));
    writeFileSync(join(webDir, 'assets/index-AbCd12_x.js.gz'), gzipSync(appJs));
    writeFileSync(join(webDir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    t = await startTestServer(sqliteTarget, { webDir, demo: false });
  });
  afterAll(async () => {
    await t.stop();
    rmSync(webDir, { recursive: true, force: true });
  });

  it('skickar brotli när webbläsaren tar emot det, annars gzip, annars okomprimerat', async () => {
    const url = `${t.url}/assets/index-AbCd12_x.js`;
    const br = await raw(url, 'gzip, deflate, br, zstd');
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.headers['vary']).toMatch(/accept-encoding/i);
    expect(brotliDecompressSync(br.body).toString()).toBe(appJs);
    expect(br.body.length).toBeLessThan(appJs.length / 5);

    const gz = await raw(url, 'gzip, deflate');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString()).toBe(appJs);

    const plain = await raw(url);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(appJs);
  });

  it('hashade filer cachas ett år som oföränderliga, oavsett kodning', async () => {
    for (const enc of ['br', 'gzip', undefined]) {
      expect((await raw(`${t.url}/assets/index-AbCd12_x.js`, enc)).headers['cache-control']).toBe('public, max-age=31536000, immutable');
    }
  });

  it('index.html (direkt, som / och som reservsida för klientens vägar) valideras om varje gång', async () => {
    for (const path of ['/index.html', '/', '/ekonomi/fakturaunderlag']) {
      const res = await raw(`${t.url}${path}`, 'br');
      expect(res.status, path).toBe(200);
      expect(res.headers['cache-control'], path).toBe('no-cache');
      expect(res.headers['content-encoding'], path).toBe('br');
      expect(brotliDecompressSync(res.body).toString(), path).toBe(indexHtml);
    }
    const plain = await raw(`${t.url}/ekonomi`);
    expect(plain.headers['cache-control']).toBe('no-cache');
    expect(plain.body.toString()).toBe(indexHtml);
  });

  it('filer utan innehållshash i namnet cachas inte som oföränderliga', async () => {
    const res = await raw(`${t.url}/favicon.svg`, 'br');
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.headers['content-encoding']).toBeUndefined();
  });

  it('väljer policy efter filnamnet', () => {
    expect(cacheControlFor('/srv/web/assets/guide-page-D0UQsZlv.js')).toBe(IMMUTABLE_CACHE);
    expect(cacheControlFor('/srv/web/assets/guide-page-D0UQsZlv.js.br')).toBe(IMMUTABLE_CACHE);
    expect(cacheControlFor('/srv/web/assets/index-D2aKSThQ.css.gz')).toBe(IMMUTABLE_CACHE);
    expect(cacheControlFor('/srv/web/index.html')).toBe(REVALIDATE_CACHE);
    expect(cacheControlFor('/srv/web/index.html.br')).toBe(REVALIDATE_CACHE);
    expect(cacheControlFor('/srv/web/assets/logo.svg')).toBe(REVALIDATE_CACHE);
  });
});
