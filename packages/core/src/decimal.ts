/**
 * Exact decimal numbers as rationals of BigInts. Index percentages ("2,9"), shares and weights
 * are parsed into these, never into floats.
 */
import { invalidInput } from './errors.js';

/** An exact rational number `num / den` with `den > 0`. */
export interface Rational {
  readonly num: bigint;
  readonly den: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  a = a < 0n ? -a : a;
  b = b < 0n ? -b : b;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/** Build a rational in lowest terms. */
export function rational(num: bigint, den: bigint = 1n): Rational {
  if (den === 0n) throw new RangeError('rational: zero denominator');
  if (den < 0n) {
    num = -num;
    den = -den;
  }
  const g = gcd(num, den) || 1n;
  return { num: num / g, den: den / g };
}

const decimalPattern = /^([+-])?(\d+)(?:[.,](\d+))?$/;

/**
 * Parse a decimal written with a point or a Swedish comma ("2,9", "-0.25", "3"). Spaces used as
 * thousands separators are allowed. Anything else is an error naming `field`.
 */
export function parseDecimal(text: string, field: string): Rational {
  const cleaned = text
    .trim()
    .replace(/[\s\u00a0\u202f]/g, '')
    .replace(/\u2212/g, '-');
  const m = decimalPattern.exec(cleaned);
  if (!m) throw invalidInput(field, `${field}: "${text}" är inte ett decimaltal (skriv t.ex. 2,9 eller 2.9).`, text);
  const sign = m[1] === '-' ? -1n : 1n;
  const whole = m[2] ?? '0';
  const frac = m[3] ?? '';
  const den = 10n ** BigInt(frac.length);
  return rational(sign * BigInt(whole + frac), den);
}

/** Add two rationals. */
export function addRational(a: Rational, b: Rational): Rational {
  return rational(a.num * b.den + b.num * a.den, a.den * b.den);
}

/** Multiply two rationals. */
export function mulRational(a: Rational, b: Rational): Rational {
  return rational(a.num * b.num, a.den * b.den);
}

/** Format a rational as a decimal string with at most `maxDecimals` digits (for display and traces). */
export function formatRational(r: Rational, maxDecimals = 6): string {
  const negative = r.num < 0n;
  const n = negative ? -r.num : r.num;
  const whole = n / r.den;
  let rem = n % r.den;
  let digits = '';
  for (let i = 0; i < maxDecimals && rem !== 0n; i++) {
    rem *= 10n;
    digits += (rem / r.den).toString();
    rem %= r.den;
  }
  return `${negative ? '-' : ''}${whole.toString()}${digits ? '.' + digits : ''}`;
}

/** Compare two rationals: negative, zero or positive. */
export function compareRational(a: Rational, b: Rational): number {
  const d = a.num * b.den - b.num * a.den;
  return d < 0n ? -1 : d > 0n ? 1 : 0;
}
