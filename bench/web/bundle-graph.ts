/**
 * The JavaScript a first load of a page fetches, read from the built files: the entry script and
 * modulepreloads of index.html, every chunk they import statically, and a page chunk with its
 * static imports. Dynamic `import("…")` targets are loaded later, so they are not counted.
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

const staticImport = /(?:\bimport\s*|\bfrom\s*)["'](\.\.?\/[^"']+\.js)["']/g;

/** Chunks imported statically by `file` (paths relative to the assets folder). */
export function staticImports(assetsDir: string, file: string): string[] {
  const code = readFileSync(join(assetsDir, file), 'utf8');
  const out: string[] = [];
  for (const m of code.matchAll(staticImport)) out.push((m[1] ?? '').replace(/^\.\//, ''));
  return out;
}

/** The closure of `roots` under static imports. */
export function closure(assetsDir: string, roots: readonly string[]): string[] {
  const seen = new Set<string>();
  const todo = [...roots];
  while (todo.length > 0) {
    const f = todo.pop();
    if (f === undefined || seen.has(f)) continue;
    seen.add(f);
    todo.push(...staticImports(assetsDir, f));
  }
  return [...seen].sort();
}

/** Scripts and modulepreloads named in index.html. */
export function entryChunks(distDir: string): string[] {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const out: string[] = [];
  for (const m of html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="\/assets\/([^"]+\.js)"/g))
    out.push(m[1] ?? '');
  return out;
}

/** gzip size (level 9, as a static pre-compressor would) and raw size of the given chunks. */
export function gzipSizes(assetsDir: string, files: readonly string[]): { file: string; raw: number; gzip: number }[] {
  return files.map((file) => {
    const bytes = readFileSync(join(assetsDir, file));
    return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  });
}
