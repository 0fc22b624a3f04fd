/**
 * The session cookie: HttpOnly (no script can read it), SameSite=Lax (not sent on cross-site
 * POSTs), Secure when the request came over HTTPS (directly or via a trusted proxy), path `/`.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';
import { createSession, csrfTokenFor, deleteSession, SESSION_COOKIE } from './sessions.js';
import type { SessionUser } from './session-user.js';

/**
 * Start a session for `user`, set the cookie, and return the CSRF token for it. The session this
 * browser had before (the cookie it sent) ends first: signing in again never leaves the old id
 * valid, and an id planted in the browser before sign-in is worthless (session fixation).
 */
export async function startSession(
  db: Kysely<Database>,
  request: FastifyRequest,
  reply: FastifyReply,
  user: SessionUser,
  settings: { sessionSecret: string; sessionMinutes: number },
): Promise<string> {
  const previous = request.cookies[SESSION_COOKIE];
  if (previous !== undefined && previous !== '') await deleteSession(db, previous);
  const { sessionId } = await createSession(db, user.id, settings.sessionMinutes);
  reply.setCookie(SESSION_COOKIE, sessionId, {
    httpOnly: true,
    sameSite: 'lax',
    secure: request.protocol === 'https',
    path: '/',
    maxAge: settings.sessionMinutes * 60,
  });
  return csrfTokenFor(settings.sessionSecret, sessionId);
}

/** Remove the session cookie from the browser. */
export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}
