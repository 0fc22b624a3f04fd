/**
 * On every request: read the session cookie (only that one, session-cookie.ts), look the session up, and for unsafe methods made
 * with a session require the `x-csrf-token` header (the token from login / me). Requests
 * without a valid session proceed as anonymous; protected routes then answer 401. A session that
 * must change its password (an administrator chose it) reaches only the routes needed for that.
 */
import { SamverkanError } from '@samverkan/core';
import type { FastifyRequest } from 'fastify';
import { cachedLiveSession, csrfTokenMatches, findSession, type LiveSession } from '../auth/sessions.js';
import { sessionCookieOf } from '../auth/session-cookie.js';
import type { App, AppContext } from './app-context.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Sign-in itself cannot carry a token yet; SameSite=Lax keeps cross-site posts out anyway. */
const CSRF_EXEMPT = new Set(['/api/v1/auth/login']);
/** What a session that must change its password may call (method and path). */
const PASSWORD_CHANGE_ROUTES = new Set([
  'GET /api/v1/auth/me',
  'GET /api/v1/auth/config',
  'POST /api/v1/auth/password',
  'POST /api/v1/auth/logout',
  'POST /api/v1/auth/login',
]);

function csrfRefused(): SamverkanError {
  return new SamverkanError(
    'SAMV_ERR_FORBIDDEN',
    'CSRF-skyddet stoppade begäran: huvudet x-csrf-token saknas eller stämmer inte. Hämta en ny token via /api/v1/auth/me.',
    { field: 'x-csrf-token' },
  );
}

function passwordChangeFirst(): SamverkanError {
  return new SamverkanError(
    'SAMV_ERR_FORBIDDEN',
    'Du måste byta lösenord innan du kan fortsätta: lösenordet valdes av en administratör. Byt det via POST /api/v1/auth/password (sidan Byt lösenord).',
    { field: 'mustChangePassword' },
  );
}

/** Install the session and CSRF hook. */
export function installSessionHook(app: App, ctx: AppContext): void {
  app.decorateRequest('user', null);
  app.decorateRequest('sessionId', null);
  app.decorateRequest('mustChangePassword', false);
  /** Attach a live session to the request, or the refusal (CSRF, password change first). */
  const attach = (request: FastifyRequest, sessionId: string, session: LiveSession | undefined): SamverkanError | undefined => {
    if (session === undefined) return undefined;
    request.user = session.user;
    request.sessionId = sessionId;
    request.mustChangePassword = session.mustChangePassword;
    const url = request.url;
    const query = url.indexOf('?');
    const path = query === -1 ? url : url.slice(0, query);
    if (!SAFE_METHODS.has(request.method) && !CSRF_EXEMPT.has(path)) {
      const sent = request.headers['x-csrf-token'];
      if (!csrfTokenMatches(ctx.config.sessionSecret, sessionId, typeof sent === 'string' ? sent : undefined)) return csrfRefused();
    }
    if (session.mustChangePassword && path.startsWith('/api/') && !PASSWORD_CHANGE_ROUTES.has(`${request.method} ${path}`))
      return passwordChangeFirst();
    return undefined;
  };
  // Callback style: a session in the cache (the common case) is attached without a promise; only
  // a miss waits for the database.
  app.addHook('onRequest', (request, _reply, done) => {
    const sessionId = sessionCookieOf(request.headers.cookie);
    if (sessionId === undefined || sessionId === '') {
      done();
      return;
    }
    const cached = cachedLiveSession(sessionId);
    if (cached !== undefined) {
      const refused = attach(request, sessionId, cached);
      if (refused === undefined) done();
      else done(refused);
      return;
    }
    findSession(ctx.store.db, sessionId).then(
      (session) => {
        const refused = attach(request, sessionId, session);
        if (refused === undefined) done();
        else done(refused);
      },
      (e: unknown) => {
        done(e as Error);
      },
    );
  });
}
