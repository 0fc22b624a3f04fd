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

const TAB = 9;
const SPACE = 32;

/** `text[start, end)` without leading and trailing spaces and tabs (as the `cookie` package trims). */
function trimmed(text: string, start: number, end: number): string {
  let a = start;
  let b = end;
  while (a < b && (text.charCodeAt(a) === SPACE || text.charCodeAt(a) === TAB)) a++;
  while (b > a && (text.charCodeAt(b - 1) === SPACE || text.charCodeAt(b - 1) === TAB)) b--;
  return text.slice(a, b);
}

/**
 * The session cookie's value in a `Cookie` header, read exactly as @fastify/cookie's parser (the
 * `cookie` package) reads it — pairs split at `;`, name and value trimmed of spaces and tabs, the
 * first pair of a name wins, the value percent-decoded when it decodes — but without building an
 * object of every cookie the browser sends: every request reads this one (issue 11, decision
 * 0230). The equivalence is tested against the plugin's own parser.
 */
export function sessionCookieOf(header: string | undefined, name: string = SESSION_COOKIE): string | undefined {
  if (header === undefined || header.length < 2) return undefined;
  const len = header.length;
  let index = 0;
  do {
    let eq = header.indexOf('=', index);
    if (eq === -1) eq = len;
    if (eq === len) break;
    let end = header.indexOf(';', index);
    if (end === -1) end = len;
    if (eq > end) {
      // A pair without '=': start again after the last ';' before the next '='.
      index = header.lastIndexOf(';', eq - 1) + 1;
      continue;
    }
    if (trimmed(header, index, eq) === name) return decoded(trimmed(header, eq + 1, end));
    index = end + 1;
  } while (index < len);
  return undefined;
}

function decoded(value: string): string {
  if (!value.includes('%')) return value;
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** Remove the session cookie from the browser. */
export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}
