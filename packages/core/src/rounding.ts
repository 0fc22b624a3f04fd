/**
 * Exact integer division with a named rounding mode. All money arithmetic that can produce a
 * fraction goes through here, so every rounding in Samverkan is explicit and named.
 */

/** Named rounding modes. `half-up` rounds halves away from zero (Swedish commercial rounding). */
export type RoundingMode = 'half-up' | 'half-even' | 'floor' | 'ceil' | 'toward-zero';

/** All rounding modes, for schemas and validation. */
export const roundingModes: readonly RoundingMode[] = ['half-up', 'half-even', 'floor', 'ceil', 'toward-zero'];

function abs(n: bigint): bigint {
  return n < 0n ? -n : n;
}

/** Divide `num` by `den` (den ≠ 0) and round the quotient to an integer with `mode`. */
export function divRound(num: bigint, den: bigint, mode: RoundingMode): bigint {
  if (den === 0n) throw new RangeError('divRound: division by zero');
  if (den < 0n) {
    num = -num;
    den = -den;
  }
  const q = num / den; // truncates toward zero
  const r = num % den; // same sign as num
  if (r === 0n) return q;
  const negative = num < 0n;
  switch (mode) {
    case 'toward-zero':
      return q;
    case 'floor':
      return negative ? q - 1n : q;
    case 'ceil':
      return negative ? q : q + 1n;
    case 'half-up': {
      const twice = abs(r) * 2n;
      if (twice >= den) return negative ? q - 1n : q + 1n;
      return q;
    }
    case 'half-even': {
      const twice = abs(r) * 2n;
      if (twice > den || (twice === den && q % 2n !== 0n)) return negative ? q - 1n : q + 1n;
      return q;
    }
  }
}

/** Round `value` to a multiple of `step` (e.g. 100 öre = whole kronor) with `mode`. */
export function roundToStep(value: bigint, step: bigint, mode: RoundingMode): bigint {
  if (step <= 0n) throw new RangeError('roundToStep: step must be positive');
  return divRound(value, step, mode) * step;
}
