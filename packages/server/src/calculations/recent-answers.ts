/**
 * The serialized answers of recent calculations, per reference version (issue 11). A calculation
 * route's answer is a pure function of its validated body and the reference data (the effective
 * agreement and the index series, reference-cache.ts), not of who asks or when, so the JSON bytes
 * of a recent answer are sent again instead of calculating, rendering the Swedish step texts and
 * serializing anew. Only the handler's own work is skipped: the session, CSRF, role, text gate,
 * body limits and schema all run before the handler on every request, and a body the calculation
 * refuses (an unknown interpretation) throws before anything is remembered. A recorded parameter
 * or index value makes a new reference object, and with it an empty cache; the old one goes with
 * its reference (a WeakMap). Bounded per reference version; the least recently used goes first
 * (decision 0230).
 */
import type { CalculationReference } from '../reference/reference-cache.js';

/** Recent answers of one route, keyed by the validated body. */
export class RecentAnswers {
  readonly #max: number;
  readonly #caches = new WeakMap<CalculationReference, Map<string, Buffer>>();

  /** At most `max` answers per reference version. */
  constructor(max: number) {
    if (!Number.isSafeInteger(max) || max < 1) throw new Error(`RecentAnswers: max must be a positive integer, got ${String(max)}`);
    this.#max = max;
  }

  /** The answer's JSON bytes for `key` under `reference`, computed by `answer` when not recent. */
  bytes(reference: CalculationReference, key: string, answer: () => unknown): Buffer {
    let cache = this.#caches.get(reference);
    if (cache === undefined) {
      cache = new Map();
      this.#caches.set(reference, cache);
    }
    const hit = cache.get(key);
    if (hit !== undefined) {
      // Most recently used last: the first key is the one to drop.
      cache.delete(key);
      cache.set(key, hit);
      return hit;
    }
    const bytes = Buffer.from(JSON.stringify(answer()), 'utf8');
    if (cache.size >= this.#max) {
      const oldest = cache.keys().next();
      if (oldest.done !== true) cache.delete(oldest.value);
    }
    cache.set(key, bytes);
    return bytes;
  }

  /** How many answers are kept under `reference` (tests of the bound). */
  size(reference: CalculationReference): number {
    return this.#caches.get(reference)?.size ?? 0;
  }
}

/** Price answers kept per reference version (each ~3 KB, so at most ~1.5 MB). */
export const MAX_PRICE_ANSWERS = 500;

/** The recent answers of `POST /api/v1/calculations/price`. */
export const priceAnswers = new RecentAnswers(MAX_PRICE_ANSWERS);
