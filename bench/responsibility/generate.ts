/**
 * Seeded random care situations, stored compactly (one byte per input) so every engine sees the
 * same situations and memory stays small for a million of them.
 */

/** Inputs in the order they are stored. */
export const FIELDS = [
  'municipality', // 0–7 = the eight codes, 8 = none
  'storsjoglantan',
  'atDayActivity',
  'housing', // 0–3
  'safeAtHome',
  'needOver14Days',
  'cfs', // 0–8 = CFS 1–9, 9 = unknown
  'cognitiveImpairment',
  'cannotReachHealthCentre',
  'prefersHealthCentre',
  'preferenceRisksSafety',
] as const;
/** Number of values of each input, in FIELDS order (the packed situation is a mixed-radix number over these). */
export const RADIX = [9, 3, 3, 4, 3, 3, 10, 3, 3, 3, 3];

/** mulberry32: a small, fast, seeded PRNG (32-bit state). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` situations as bytes: situation i occupies bytes [i × 11, i × 11 + 11). */
export function generate(count: number, seed: number): Uint8Array {
  const rnd = mulberry32(seed);
  const out = new Uint8Array(count * FIELDS.length);
  for (let i = 0; i < out.length; i++) out[i] = Math.floor(rnd() * (RADIX[i % FIELDS.length] ?? 1));
  return out;
}
