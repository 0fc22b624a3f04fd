/**
 * What a session id derives to, worked out once per id instead of on every request: the SHA-256
 * under which the sessions table (and the session cache) knows it, and its CSRF token under the
 * session secret (HMAC-SHA256). Both are pure functions of the id and the secret, so nothing here
 * can go stale: a signed-out or expired session is still refused by the session lookup, and every
 * request's token is still compared in constant time (sessions.ts). Bounded: beyond `MAX_KEYS`
 * ids the oldest is dropped and derived again when it returns (issue 11: the HMAC and the hash
 * were a twentieth of a signed-in request, decision 0230).
 */
import { createHash, createHmac } from 'node:crypto';

/** Session ids whose derived keys are kept (each ~200 bytes). */
export const MAX_KEYS = 10_000;

interface Entry {
  /** SHA-256 of the id (hex), the key of the sessions table. */
  readonly idHash: string;
  /** The CSRF token the client must send (as bytes, for the constant-time comparison) and its secret; made on first need. */
  csrf?: { readonly secret: string; readonly token: Buffer };
}

const keys = new Map<string, Entry>();

/** SHA-256 of a session id (hex). */
export function sessionIdHash(sessionId: string): string {
  return createHash('sha256').update(sessionId, 'utf8').digest('hex');
}

/** The CSRF token of a session. */
export function csrfTokenFor(secret: string, sessionId: string): string {
  return createHmac('sha256', secret).update(`csrf:${sessionId}`, 'utf8').digest('base64url');
}

function entryOf(sessionId: string): Entry {
  const known = keys.get(sessionId);
  if (known !== undefined) return known;
  const entry: Entry = { idHash: sessionIdHash(sessionId) };
  if (keys.size >= MAX_KEYS) {
    const oldest = keys.keys().next();
    if (oldest.done !== true) keys.delete(oldest.value);
  }
  keys.set(sessionId, entry);
  return entry;
}

/** The SHA-256 of `sessionId` (hex), derived once and then remembered. */
export function knownIdHash(sessionId: string): string {
  return entryOf(sessionId).idHash;
}

/** The CSRF token of `sessionId` under `secret` as bytes, derived once (only for sessions that were found) and then remembered. */
export function expectedCsrfToken(secret: string, sessionId: string): Buffer {
  const entry = entryOf(sessionId);
  if (entry.csrf === undefined || entry.csrf.secret !== secret)
    entry.csrf = { secret, token: Buffer.from(csrfTokenFor(secret, sessionId)) };
  return entry.csrf.token;
}

/** How many ids are remembered (tests of the bound). */
export function rememberedKeyCount(): number {
  return keys.size;
}
