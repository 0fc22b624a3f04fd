/**
 * Vite plugin: after the bundle is written, put a Brotli (`.br`, quality 11) and a gzip (`.gz`,
 * level 9) copy beside every text asset, so the server sends compressed bytes per Accept-Encoding
 * without compressing anything per request (packages/server/src/app/web-static.ts). Done once at
 * build with node:zlib at the highest levels: the time is spent once, the bytes saved on every load.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

/** Text files worth compressing; images and fonts are compressed already. */
const COMPRESSIBLE = /\.(?:js|mjs|css|html|svg|json|txt|map)$/;
/** Below this a compressed copy saves less than its own headers cost. */
const MIN_BYTES = 512;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

/** Write `.br` and `.gz` beside each compressible file of `dir` (only when smaller than the file). */
export function precompressDir(dir: string): { files: number; raw: number; brotli: number; gzip: number } {
  const total = { files: 0, raw: 0, brotli: 0, gzip: 0 };
  for (const path of files(dir)) {
    if (!COMPRESSIBLE.test(path)) continue;
    const raw = readFileSync(path);
    if (raw.length < MIN_BYTES) continue;
    const br = brotliCompressSync(raw, {
      params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length },
    });
    const gz = gzipSync(raw, { level: 9 });
    if (br.length < raw.length) writeFileSync(`${path}.br`, br);
    if (gz.length < raw.length) writeFileSync(`${path}.gz`, gz);
    total.files++;
    total.raw += raw.length;
    total.brotli += Math.min(br.length, raw.length);
    total.gzip += Math.min(gz.length, raw.length);
  }
  return total;
}

/** The plugin: precompress the output directory once the bundle is written. */
export function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'samverkan-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    closeBundle() {
      const t = precompressDir(outDir);
      this.info(
        `${String(t.files)} filer förkomprimerade: ${String(Math.round(t.raw / 1024))} KiB → brotli ${String(Math.round(t.brotli / 1024))} KiB, gzip ${String(Math.round(t.gzip / 1024))} KiB`,
      );
    },
  };
}
