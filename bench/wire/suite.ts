/**
 * Web benchmark, bytes on the wire (issue 11, point 5): the real service (`samverkan start` from
 * dist with the built web app) asked for the guide's first load — index.html, the entry script
 * and its static imports, the guide chunk with its static imports, their CSS — as a browser asks:
 * with `accept-encoding: br`, with gzip only, and with none. Counts the bytes of each answer's
 * body as sent (node:http does not decompress) and checks content-encoding and cache-control.
 * The guide's answer latency in chromium stays in `npm run bench:web` (bench/web/web.measure.ts).
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { repeated } from '../harness/paired.js';
import type { Row, Suite, SuiteOptions, SuiteResult } from '../harness/suite.js';
import { startOurs } from '../api/processes.js';
import { closure, entryChunks } from '../web/bundle-graph.js';

const webDist = fileURLToPath(new URL('../../../packages/web/dist', import.meta.url));
const assets = join(webDist, 'assets');
const JS_BUDGET = 150 * 1024;

interface Answer {
  readonly bytes: number;
  readonly encoding: string | undefined;
  readonly cacheControl: string | undefined;
}

function fetchRaw(url: string, acceptEncoding: string | undefined): Promise<Answer> {
  return new Promise((resolve, reject) => {
    get(url, { headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding } }, (res) => {
      let bytes = 0;
      res.on('data', (c: Buffer) => {
        bytes += c.length;
      });
      res.on('end', () => {
        if (res.statusCode !== 200) reject(new Error(`${url}: ${String(res.statusCode)}`));
        else resolve({ bytes, encoding: res.headers['content-encoding'], cacheControl: res.headers['cache-control'] });
      });
    }).on('error', reject);
  });
}

async function run(opts: SuiteOptions): Promise<SuiteResult> {
  const guide = readdirSync(assets).find((f) => /^guide-page-.*\.js$/.test(f));
  if (guide === undefined)
    return {
      title: 'Web: bytes on the wire and the guide',
      intro: [],
      rows: [],
      notes: [],
      skipped: 'packages/web/dist has no guide chunk (run npm run build first)',
      failures: [],
    };
  const js = closure(assets, [...entryChunks(webDist), guide]);
  const css = readdirSync(assets).filter((f) => /^(index|guide-page)-.*\.css$/.test(f));
  const paths = ['/', ...[...js, ...css].map((f) => `/assets/${f}`)];
  const dir = mkdtempSync(join(tmpdir(), 'samverkan-bench-wire-'));
  const ours = await startOurs(dir);
  const failures: string[] = [];
  const rows: Row[] = [];
  const perFile: string[] = ['| file | identity | gzip | br | cache-control |', '|---|---|---|---|---|'];
  try {
    const encodings = [
      { name: 'br', header: 'gzip, deflate, br', expect: 'br' },
      { name: 'gzip', header: 'gzip, deflate', expect: 'gzip' },
      { name: 'identity', header: undefined, expect: undefined },
    ] as const;
    const sizes = new Map<string, Map<string, Answer>>();
    for (const p of paths) sizes.set(p, new Map());
    for (const e of encodings) {
      let jsBytes = 0;
      const r = await repeated(
        async () => {
          let total = 0;
          jsBytes = 0;
          for (const p of paths) {
            const a = await fetchRaw(`${ours.url}${p}`, e.header);
            sizes.get(p)?.set(e.name, a);
            total += a.bytes;
            if (p.endsWith('.js')) jsBytes += a.bytes;
            const big = a.bytes > 1024;
            if (big && a.encoding !== e.expect) failures.push(`${p} with ${e.name}: content-encoding ${String(a.encoding)}`);
            const wantCache = p === '/' ? 'no-cache' : 'public, max-age=31536000, immutable';
            if (a.cacheControl !== wantCache) failures.push(`${p}: cache-control ${String(a.cacheControl)}, expected ${wantCache}`);
          }
          return total / 1024;
        },
        { runs: opts.quick ? 5 : 7 },
      );
      rows.push({
        measure: `first load of the guide (${String(paths.length)} files), accept-encoding ${e.name}: bytes on the wire`,
        ours: { stats: r.stats, unit: 'KiB' },
        ...(e.name === 'identity'
          ? {}
          : {
              goal: {
                text: 'JavaScript ≤ 150 KiB on the wire',
                met: jsBytes <= JS_BUDGET,
                ...(jsBytes <= JS_BUDGET ? {} : { detail: `${((jsBytes - JS_BUDGET) / 1024).toFixed(1)} KiB over` }),
              },
            }),
      });
    }
    for (const p of paths) {
      const m = sizes.get(p);
      perFile.push(
        `| ${p} | ${String(m?.get('identity')?.bytes)} | ${String(m?.get('gzip')?.bytes)} | ${String(m?.get('br')?.bytes)} | ${String(m?.get('br')?.cacheControl)} |`,
      );
    }
  } finally {
    await ours.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  return {
    title: 'Web: bytes on the wire and the guide',
    intro: [
      "The guide's first load fetched from the real service (`samverkan start`, the built app in packages/web/dist with its `.br`/`.gz` files written at build) over loopback with node:http, which does not decompress: the figure is the body bytes as sent. The files are index.html and the static import graph of the entry and the guide chunk (the same set the browser benchmark sees chromium request), plus their CSS.",
      "The guide's answer latency in a real browser is measured by `npm run bench:web` (chromium), outside this run.",
    ],
    rows,
    notes: [
      'Bytes are the same in every run (precompressed files); the repetition guards against a flaky negotiation.',
      'Every answer over 1 KiB must carry the encoding asked for; hashed assets `public, max-age=31536000, immutable`, index.html `no-cache` (checked, failures listed).',
    ],
    extra: perFile.join('\n'),
    failures: [...new Set(failures)],
  };
}

/** The web (bytes on the wire) suite. */
export const suite: Suite = { name: 'web', run };
