/**
 * Server-side sessions. The session id (256 random bits) lives only in the HttpOnly cookie; the
 * table stores its SHA-256, so a copy of the database cannot be used to sign in. The CSRF token
 * is derived from the session id with HMAC-SHA256 under SESSION_SECRET: nothing extra to store,
 * and it changes with every session.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';
import { flag } from '../store/flag.js';
import { nowIso } from '../store/clock.js';
import { isRole } from './roles.js';
import type { SessionUser } from './session-user.js';
import { cachedSession, forgetSession, rememberSession, sessionGeneration } from './session-cache.js';
import { csrfTokenFor, expectedCsrfToken, knownIdHash, sessionIdHash } from './session-keys.js';

export { csrfTokenFor };

/** Name of the session cookie. */
export const SESSION_COOKIE = 'samverkan_session';

/** Start a session for `userId`; returns the id for the cookie. */
export async function createSession(
  db: Kysely<Database>,
  userId: string,
  minutes: number,
): Promise<{ sessionId: string; expiresAt: string }> {
  const sessionId = randomBytes(32).toString('base64url');
  const now = new Date();
  const expiresAt = new Date(now.getTime() + minutes * 60_000).toISOString();
  await db
    .insertInto('sessions')
    .values({ id_hash: sessionIdHash(sessionId), user_id: userId, created_at: now.toISOString(), expires_at: expiresAt })
    .execute();
  return { sessionId, expiresAt };
}

/** A live session: its user, and whether the session may only change the password. */
export interface LiveSession {
  readonly user: SessionUser;
  readonly mustChangePassword: boolean;
}

/**
 * The live session of `sessionId`, or undefined (unknown, expired, or user deactivated). Served
 * from the short-lived cache when fresh (session-cache.ts); `fresh` reads the database regardless.
 */
export async function findSession(
  db: Kysely<Database>,
  sessionId: string,
  options: { readonly fresh?: boolean } = {},
): Promise<LiveSession | undefined> {
  const idHash = knownIdHash(sessionId);
  if (options.fresh !== true) {
    const hit = cachedSession(idHash);
    if (hit !== undefined) return hit;
  }
  const generation = sessionGeneration();
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'users.id',
      'users.username',
      'users.display_name',
      'users.role',
      'users.municipality_code',
      'users.active',
      'users.must_change_password',
      'sessions.expires_at',
    ])
    .where('sessions.id_hash', '=', idHash)
    .executeTakeFirst();
  if (!row || !flag(row.active) || row.expires_at <= nowIso() || !isRole(row.role)) return undefined;
  const session: LiveSession = {
    user: { id: row.id, username: row.username, displayName: row.display_name, role: row.role, municipality: row.municipality_code },
    mustChangePassword: flag(row.must_change_password),
  };
  rememberSession(idHash, session, row.expires_at, generation);
  return session;
}

/** End a session (no error when it does not exist). */
export async function deleteSession(db: Kysely<Database>, sessionId: string): Promise<void> {
  const idHash = sessionIdHash(sessionId);
  forgetSession(idHash);
  await db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
  // Again after the delete: a request that read the row meanwhile must not keep it cached.
  forgetSession(idHash);
}

/** Remove expired sessions (called at start-up and on sign-in). */
export async function deleteExpiredSessions(db: Kysely<Database>): Promise<void> {
  await db.deleteFrom('sessions').where('expires_at', '<=', nowIso()).execute();
}

/**
 * The live session of `sessionId` when the session cache holds it, without a promise: the hot path
 * of the session hook. Undefined means "ask `findSession`" (not cached, expired, or unknown).
 */
export function cachedLiveSession(sessionId: string): LiveSession | undefined {
  return cachedSession(knownIdHash(sessionId));
}

/** Constant-time check of a CSRF token sent by the client (the expected token is derived once per session, session-keys.ts). */
export function csrfTokenMatches(secret: string, sessionId: string, sent: string | undefined): boolean {
  if (sent === undefined) return false;
  const expected = expectedCsrfToken(secret, sessionId);
  const given = Buffer.from(sent);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
