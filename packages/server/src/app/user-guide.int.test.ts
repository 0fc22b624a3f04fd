/**
 * The user guide on the wire: docs/anvandarguide.md as a page with its style sheet and its
 * screenshots, and nothing outside docs/screenshots reachable through the image route. The guide
 * never touches the store, so SQLite alone is enough here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqliteTarget } from '../testing/databases.testkit.js';
import { startTestServer, type TestServer } from '../testing/test-server.testkit.js';

describe('användarguiden på /anvandarguide', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(sqliteTarget, { demo: false });
  });
  afterAll(async () => {
    await t.stop();
  });

  it('visar guiden som HTML med ett kapitel per roll och appens CSP', async () => {
    const res = await fetch(`${t.url}/anvandarguide`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toContain("style-src 'self'");
    const html = await res.text();
    expect(html).toContain('<h1 id="användarguide-för-samverkan">');
    for (const role of [
      'Sjuksköterska och biståndshandläggare',
      'Regionekonom',
      'Kommunekonom',
      'Chef och strateg',
      'Läsare',
      'Administratör',
    ]) {
      expect(html).toMatch(new RegExp(`<h2 id="[^"]+">[^<]*${role}`));
    }
    const images = [...html.matchAll(/<img src="([^"]+)"/g)].map((m) => m[1] ?? '');
    expect(images.length).toBeGreaterThan(10);
    for (const src of images) {
      const img = await fetch(`${t.url}${src}`);
      expect(img.status, src).toBe(200);
      expect(img.headers.get('content-type')).toBe('image/png');
      expect(
        Buffer.from(await img.arrayBuffer())
          .subarray(1, 4)
          .toString(),
      ).toBe('PNG');
    }
  });

  it('stilmallen finns; andra filer än skärmbilder nås inte', async () => {
    const css = await fetch(`${t.url}/anvandarguide/stil.css`);
    expect(css.status).toBe(200);
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    for (const path of [
      '/anvandarguide/screenshots/..%2Fanvandarguide.md',
      '/anvandarguide/screenshots/finns-inte.png',
      '/anvandarguide/screenshots/.env',
    ]) {
      expect((await fetch(`${t.url}${path}`)).status, path).toBe(404);
    }
  });
});
