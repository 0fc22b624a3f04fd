/**
 * On every request: read the session cookie, look the session up, and for unsafe methods made
 * with a session require the `x-csrf-token` header (the token from login / me). Requests
 * without a valid session proceed as anonymous; protected routes then answer 401.
 */
import { SamverkanError } from '@samverkan/core';
import { csrfTokenMatches, findSessionUser, SESSION_COOKIE } from '../auth/sessions.js';
import type { App, AppContext } from './app-context.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Sign-in itself cannot carry a token yet; SameSite=Lax keeps cross-site posts out anyway. */
const CSRF_EXEMPT = new Set(['/api/v1/auth/login']);

/** Install the session and CSRF hook. */
export function installSessionHook(app: App, ctx: AppContext): void {
  app.decorateRequest('user', null);
  app.decorateRequest('sessionId', null);
  app.addHook('onRequest', async (request) => {
    const sessionId = request.cookies[SESSION_COOKIE];
    if (sessionId === undefined || sessionId === '') return;
    const user = await findSessionUser(ctx.store.db, sessionId);
    if (user === undefined) return;
    request.user = user;
    request.sessionId = sessionId;
    const path = request.url.split('?')[0] ?? '';
    if (SAFE_METHODS.has(request.method) || CSRF_EXEMPT.has(path)) return;
    const sent = request.headers['x-csrf-token'];
    if (!csrfTokenMatches(ctx.config.sessionSecret, sessionId, typeof sent === 'string' ? sent : undefined)) {
      throw new SamverkanError('SAMV_ERR_FORBIDDEN', 'CSRF-skyddet stoppade begäran: huvudet x-csrf-token saknas eller stämmer inte. Hämta en ny token via /api/v1/auth/me.', {
        field: 'x-csrf-token',
      });
    }
  });
}
