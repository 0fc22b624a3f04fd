/**
 * Time-ordered UUIDs (RFC 9562 version 7: 48 bits of Unix milliseconds, then a counter, then
 * random bits) for rows written in bulk. Random v4 ids scatter a million inserts over every page
 * of the primary-key index and of `(import_id, id)`; ids that grow make both indexes append-only,
 * so a chunk of rows touches a few pages instead of one per row (decision 0176). Still UUIDs,
 * still unguessable enough for row ids (62 random bits), and unique across processes.
 */
import { randomBytes } from 'node:crypto';

let lastMs = 0;
let counter = 0;
/** Random bytes drawn in blocks (one call per 512 ids instead of one per id). */
let pool = Buffer.alloc(0);
let poolAt = 0;

function random8(): Buffer {
  if (poolAt + 8 > pool.length) {
    pool = randomBytes(4096);
    poolAt = 0;
  }
  const b = pool.subarray(poolAt, poolAt + 8);
  poolAt += 8;
  return b;
}

/** A new version-7 UUID, strictly greater (as text) than the previous one from this process. */
export function sequentialUuid(now: number = Date.now()): string {
  if (now > lastMs) {
    lastMs = now;
    counter = 0;
  } else {
    // Same millisecond (or the clock went back): count up; on overflow borrow the next millisecond.
    counter += 1;
    if (counter > 0xfff) {
      lastMs += 1;
      counter = 0;
    }
  }
  const ms = lastMs.toString(16).padStart(12, '0');
  const r = random8();
  const variant = ((r[0] ?? 0) & 0x3f) | 0x80;
  const tail = r.subarray(1, 8).toString('hex');
  return `${ms.slice(0, 8)}-${ms.slice(8, 12)}-7${counter.toString(16).padStart(3, '0')}-${variant.toString(16).padStart(2, '0')}${tail.slice(0, 2)}-${tail.slice(2, 14)}`;
}
