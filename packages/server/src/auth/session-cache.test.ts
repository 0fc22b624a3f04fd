import { describe, expect, it } from 'vitest';
import { cachedSession, forgetSession, forgetUserSessions, rememberSession, SESSION_CACHE_MS, sessionGeneration } from './session-cache.js';
import type { LiveSession } from './sessions.js';

const session = (id: string, role: 'admin' | 'viewer' = 'viewer'): LiveSession => ({
  user: { id, username: id, displayName: id, role, municipality: null },
  mustChangePassword: false,
});
const later = '2999-01-01T00:00:00.000Z';

describe('session cache', () => {
  it('serves a remembered session for a short time only', () => {
    const now = 1_000_000;
    rememberSession('h-short', session('u-short'), later, sessionGeneration(), now);
    expect(cachedSession('h-short', now + SESSION_CACHE_MS - 1)?.user.id).toBe('u-short');
    expect(cachedSession('h-short', now + SESSION_CACHE_MS)).toBeUndefined();
  });

  it('never serves a session past its own end', () => {
    const now = Date.parse('2026-01-01T00:00:00.000Z');
    rememberSession('h-end', session('u-end'), '2026-01-01T00:00:01.000Z', sessionGeneration(), now);
    expect(cachedSession('h-end', now + 999)).toBeDefined();
    expect(cachedSession('h-end', now + 1000)).toBeUndefined();
    rememberSession('h-ended', session('u-end'), '2025-12-31T23:59:59.000Z', sessionGeneration(), now);
    expect(cachedSession('h-ended', now)).toBeUndefined();
  });

  it('forgets on sign-out and on any change to the user', () => {
    const now = Date.now();
    rememberSession('h-a1', session('u-a'), later, sessionGeneration(), now);
    rememberSession('h-a2', session('u-a'), later, sessionGeneration(), now);
    rememberSession('h-b', session('u-b'), later, sessionGeneration(), now);
    forgetSession('h-a1');
    expect(cachedSession('h-a1', now)).toBeUndefined();
    expect(cachedSession('h-a2', now)).toBeDefined();
    forgetUserSessions('u-a');
    expect(cachedSession('h-a2', now)).toBeUndefined();
    expect(cachedSession('h-b', now)?.user.id).toBe('u-b');
  });

  it('does not cache a read that raced with an invalidation', () => {
    const now = Date.now();
    const before = sessionGeneration(); // a request starts reading the old row …
    forgetUserSessions('u-race'); // … while the role change commits
    rememberSession('h-race', session('u-race', 'admin'), later, before, now);
    expect(cachedSession('h-race', now)).toBeUndefined();
  });
});
