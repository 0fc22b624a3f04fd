/**
 * Serve the built web app (`packages/web/dist`) at `/` when it exists, with an SPA fallback:
 * any GET outside /api that matches no file gets index.html, so client-side routes survive a
 * reload. Everything else that matches no route is a Swedish 404 in the API's error shape.
 *
 * The build writes `.br` and `.gz` beside each text asset (packages/web/build/precompress-plugin.ts);
 * they are sent per Accept-Encoding, so nothing is compressed per request. Files whose name carries
 * Vite's content hash never change under that name and are cached for a year; everything else
 * (index.html above all, which names the current hashes) is revalidated on every load.
 */
import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import fastifyStatic from '@fastify/static';
import { SamverkanError } from '@samverkan/core';
import type { App } from './app-context.js';
import { errorBody } from './error-handler.js';

/** Cache policy for hashed build assets: they never change under their name. */
export const IMMUTABLE_CACHE = 'public, max-age=31536000, immutable';
/** Cache policy for everything else (index.html names the hashed assets of the current build). */
export const REVALIDATE_CACHE = 'no-cache';

/** Vite's `[name]-[hash].[ext]` under assets/, with the precompressed variants. */
const HASHED_ASSET = /[/\\]assets[/\\][^/\\]+-[A-Za-z0-9_-]{8,}\.[a-z0-9]+(?:\.br|\.gz)?$/;

/** The cache-control header for a file served from the web directory. */
export function cacheControlFor(path: string): string {
  return HASHED_ASSET.test(path) && !basename(path).startsWith('index.html') ? IMMUTABLE_CACHE : REVALIDATE_CACHE;
}

/** True when `webDir` holds a built app. */
export function hasWebApp(webDir: string): boolean {
  return existsSync(join(webDir, 'index.html'));
}

/** Register static serving (when built) and the not-found handler. */
export async function registerWebAndNotFound(app: App, webDir: string): Promise<void> {
  const web = hasWebApp(webDir);
  if (web) {
    await app.register(fastifyStatic, {
      root: webDir,
      prefix: '/',
      index: ['index.html'],
      wildcard: true,
      preCompressed: true,
      // send's own header would say max-age=0; ours is set per file below.
      cacheControl: false,
      setHeaders: (res, path) => {
        res.setHeader('cache-control', cacheControlFor(path));
        res.setHeader('vary', 'accept-encoding');
      },
    });
  }
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    const isApi = path === '/api' || path.startsWith('/api/');
    if (web && !isApi && (request.method === 'GET' || request.method === 'HEAD')) {
      return reply.type('text/html; charset=utf-8').sendFile('index.html');
    }
    // Named back, but cut: a 16 kB path must not make a 32 kB error body.
    const shown = path.length > 200 ? `${path.slice(0, 199)}…` : path;
    const e = new SamverkanError(
      'SAMV_ERR_NOT_FOUND',
      `Det finns ingen resurs ${request.method} ${shown}. Se /api/docs för API:ets adresser.`,
      { path: shown },
    );
    return reply.status(404).type('application/json; charset=utf-8').send(errorBody(e));
  });
}
