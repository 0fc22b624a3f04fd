/**
 * Serve the built web app (`packages/web/dist`) at `/` when it exists, with an SPA fallback:
 * any GET outside /api that matches no file gets index.html, so client-side routes survive a
 * reload. Everything else that matches no route is a Swedish 404 in the API's error shape.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import { SamverkanError } from '@samverkan/core';
import type { App } from './app-context.js';
import { errorBody } from './error-handler.js';

/** True when `webDir` holds a built app. */
export function hasWebApp(webDir: string): boolean {
  return existsSync(join(webDir, 'index.html'));
}

/** Register static serving (when built) and the not-found handler. */
export async function registerWebAndNotFound(app: App, webDir: string): Promise<void> {
  const web = hasWebApp(webDir);
  if (web) await app.register(fastifyStatic, { root: webDir, prefix: '/', index: ['index.html'], wildcard: true });
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    const isApi = path === '/api' || path.startsWith('/api/');
    if (web && !isApi && (request.method === 'GET' || request.method === 'HEAD')) {
      return reply.type('text/html; charset=utf-8').sendFile('index.html');
    }
    const e = new SamverkanError('SAMV_ERR_NOT_FOUND', `Det finns ingen resurs ${request.method} ${path}. Se /api/docs för API:ets adresser.`, { path });
    return reply.status(404).type('application/json; charset=utf-8').send(errorBody(e));
  });
}
