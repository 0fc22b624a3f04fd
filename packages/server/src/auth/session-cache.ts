/**
 * A short-lived in-process cache of live sessions, so a signed-in request does not read the
 * sessions and users tables every time (10.5 % of a signed-in calculation's time, issue 11).
 *
 * Every change this process makes to a session or a user forgets the affected entries when it
 * commits (sign-out, password change, role or municipality change, deactivation, any user update).
 * A read that raced with such a change is not cached: `generation` counts invalidations, and an
 * entry is only stored when no invalidation happened between the read and the store. A change made
 * by another process (a second server or the CLI on the same database) is seen at the latest after
 * `SESSION_CACHE_MS` (decision 0175). Only live sessions are cached; unknown ids always go to the
 * database.
 */
import type { LiveSession } from './sessions.js';

/** How long a cached session is trusted without reading the database again. */
export const SESSION_CACHE_MS = 5_000;
/** Bound on the entries (each a few hundred bytes): beyond it the oldest go first. */
const MAX_ENTRIES = 10_000;

interface Entry {
  readonly session: LiveSession;
  /** Epoch ms after which the entry is not used: the cache time or the session's end, whichever is first. */
  readonly until: number;
}

const entries = new Map<string, Entry>();
let invalidations = 0;

/** The invalidation count; take it before reading the database, hand it to `rememberSession`. */
export function sessionGeneration(): number {
  return invalidations;
}

/** The cached live session for the session id's hash, when still fresh. */
export function cachedSession(idHash: string, now = Date.now()): LiveSession | undefined {
  const e = entries.get(idHash);
  if (e === undefined) return undefined;
  if (e.until <= now) {
    entries.delete(idHash);
    return undefined;
  }
  return e.session;
}

/** Remember a live session read from the database, unless something was invalidated since `generation`. */
export function rememberSession(idHash: string, session: LiveSession, expiresAt: string, generation: number, now = Date.now()): void {
  if (generation !== invalidations) return;
  const until = Math.min(now + SESSION_CACHE_MS, Date.parse(expiresAt));
  if (!(until > now)) return;
  if (entries.size >= MAX_ENTRIES) {
    const oldest = entries.keys().next();
    if (oldest.done !== true) entries.delete(oldest.value);
  }
  entries.set(idHash, { session, until });
}

/** Forget one session (sign-out). */
export function forgetSession(idHash: string): void {
  invalidations++;
  entries.delete(idHash);
}

/** Forget every session of a user (password, role, municipality, activity or name changed). */
export function forgetUserSessions(userId: string): void {
  invalidations++;
  for (const [k, e] of entries) if (e.session.user.id === userId) entries.delete(k);
}
