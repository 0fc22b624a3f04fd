/**
 * Sign-in throttling (decision 0130). Failed attempts are counted twice, per source address (any
 * user name: one address cannot try many accounts) and per user name (any address: rotating
 * addresses cannot guess one account). Only failures count, so an office behind one address can
 * all sign in at nine o'clock. Counters live in the process: with PostgreSQL and several server
 * processes each enforces its own limit (see docs/operations.md).
 */
import { SamverkanError } from '@samverkan/core';

/** Failed attempts allowed per window. */
export interface SignInLimitSettings {
  readonly perAddress: number;
  readonly perUsername: number;
  readonly windowMs: number;
}

/** The defaults: ten guesses per account and thirty per address a minute. */
export const SIGN_IN_LIMITS: SignInLimitSettings = { perAddress: 30, perUsername: 10, windowMs: 60_000 };

/** Entries kept at most; beyond that the oldest windows are dropped (memory stays bounded). */
const MAX_ENTRIES = 100_000;

interface Window {
  count: number;
  readonly endsAt: number;
}

/** Counters of failed sign-ins. */
export class SignInLimiter {
  readonly #windows = new Map<string, Window>();

  constructor(
    readonly settings: SignInLimitSettings = SIGN_IN_LIMITS,
    private readonly now: () => number = Date.now,
  ) {}

  /** Throw SAMV_ERR_RATE_LIMITED when the address or the user name has used up its attempts. */
  check(address: string, username: string): void {
    const waits = [this.#wait(`a:${address}`, this.settings.perAddress), this.#wait(`u:${normalise(username)}`, this.settings.perUsername)];
    const wait = Math.max(...waits);
    if (wait > 0) {
      throw new SamverkanError(
        'SAMV_ERR_RATE_LIMITED',
        `För många inloggningsförsök. Vänta ${String(Math.ceil(wait / 1000))} sekunder och försök igen.`,
        { field: 'username' },
      );
    }
  }

  /** Count one failed attempt. */
  fail(address: string, username: string): void {
    this.#count(`a:${address}`);
    this.#count(`u:${normalise(username)}`);
  }

  /** Milliseconds until `key` may try again (0 when it may now). */
  #wait(key: string, max: number): number {
    const w = this.#windows.get(key);
    if (w === undefined) return 0;
    const left = w.endsAt - this.now();
    if (left <= 0) {
      this.#windows.delete(key);
      return 0;
    }
    return w.count >= max ? left : 0;
  }

  #count(key: string): void {
    const now = this.now();
    const w = this.#windows.get(key);
    if (w !== undefined && w.endsAt > now) {
      w.count += 1;
      return;
    }
    this.#windows.delete(key);
    if (this.#windows.size >= MAX_ENTRIES) this.#prune(now);
    this.#windows.set(key, { count: 1, endsAt: now + this.settings.windowMs });
  }

  #prune(now: number): void {
    for (const [key, w] of this.#windows) if (w.endsAt <= now) this.#windows.delete(key);
    // Still full (an attack from very many addresses): drop the oldest, insertion order.
    for (const key of this.#windows.keys()) {
      if (this.#windows.size < MAX_ENTRIES) break;
      this.#windows.delete(key);
    }
  }
}

function normalise(username: string): string {
  return username.trim().toLowerCase();
}
