/**
 * The streaming UTF-8 check (decision 0260) says exactly what a fatal `TextDecoder` says of the
 * whole input, however it is cut into chunks: valid text, invalid bytes, overlong forms,
 * surrogates, sequences cut at a chunk's end or at the end of the input.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Utf8Check } from './utf8-check.js';

function decoderSays(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function checkSays(bytes: Uint8Array, cuts: readonly number[]): boolean {
  const check = new Utf8Check();
  let at = 0;
  for (const c of [...cuts].sort((a, b) => a - b)) {
    const to = Math.min(bytes.length, c);
    if (to > at) check.update(Buffer.from(bytes.subarray(at, to)));
    at = Math.max(at, to);
  }
  if (at < bytes.length) check.update(Buffer.from(bytes.subarray(at)));
  return check.valid();
}

const piece = fc.oneof(
  fc.string({ unit: 'grapheme' }).map((s) => new Uint8Array(Buffer.from(s, 'utf8'))),
  fc
    .constantFrom(
      [0xc3, 0xb6], // ö
      [0xe2, 0x82, 0xac], // €
      [0xf0, 0x9f, 0x98, 0x80], // 😀
      [0xc0, 0xaf], // overlong
      [0xed, 0xa0, 0x80], // surrogate
      [0xf4, 0x90, 0x80, 0x80], // above U+10FFFF
      [0xc3], // cut
      [0xe2, 0x82], // cut
      [0x80], // stray continuation
      [0xff],
    )
    .map((b) => new Uint8Array(b)),
  fc.uint8Array({ maxLength: 6 }),
);
const input = fc.array(piece, { maxLength: 12 }).map((ps) => new Uint8Array(Buffer.concat(ps.map((p) => Buffer.from(p)))));

describe('Utf8Check', () => {
  it('agrees with a fatal TextDecoder on the whole input, for any chunking', () => {
    fc.assert(
      fc.property(input, fc.array(fc.nat({ max: 80 }), { maxLength: 8 }), (bytes, cuts) => {
        expect(checkSays(bytes, cuts)).toBe(decoderSays(bytes));
      }),
      { numRuns: 3000 },
    );
  });

  it('refuses a sequence cut off at the very end and accepts it when the next chunk finishes it', () => {
    const euro = Buffer.from('€', 'utf8');
    const cut = new Utf8Check();
    cut.update(euro.subarray(0, 2));
    expect(cut.valid()).toBe(false);
    cut.update(euro.subarray(2));
    expect(cut.valid()).toBe(true);
  });
});
