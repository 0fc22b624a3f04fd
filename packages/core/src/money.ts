/**
 * Money is an integer number of öre, branded so that a plain number cannot pass for it.
 * Every boundary (parsing, arithmetic results, data from a store) goes through `ore()`, which
 * refuses anything that is not a safe integer. Formatting happens only at the edge.
 */
import { SamverkanError } from './errors.js';
import { divRound, type RoundingMode } from './rounding.js';
import type { Rational } from './decimal.js';

declare const oreBrand: unique symbol;

/** An amount of money in integer öre (1 kr = 100 öre). */
export type Ore = number & { readonly [oreBrand]: true };

/** Guard: accept `n` as öre only if it is a safe integer; `field` names it in the error. */
export function ore(n: number | bigint, field = 'belopp'): Ore {
  const v = typeof n === 'bigint' ? Number(n) : n;
  if (typeof n === 'bigint' && (n > BigInt(Number.MAX_SAFE_INTEGER) || n < BigInt(Number.MIN_SAFE_INTEGER))) {
    throw new SamverkanError('SAMV_ERR_NOT_INTEGER_ORE', `${field}: beloppet ${n.toString()} öre är för stort.`, {
      field,
      value: n.toString(),
    });
  }
  if (!Number.isSafeInteger(v)) {
    throw new SamverkanError('SAMV_ERR_NOT_INTEGER_ORE', `${field}: ${String(n)} är inte ett helt antal öre.`, { field, value: n });
  }
  return v as Ore;
}

/** Zero öre. */
export const ZERO_ORE: Ore = 0 as Ore;

/** Sum of amounts, checked. */
export function sumOre(amounts: readonly Ore[]): Ore {
  let total = 0n;
  for (const a of amounts) total += BigInt(a);
  return ore(total, 'summa');
}

/** a + b, checked. */
export function addOre(a: Ore, b: Ore): Ore {
  return ore(BigInt(a) + BigInt(b), 'summa');
}

/** a − b, checked. */
export function subOre(a: Ore, b: Ore): Ore {
  return ore(BigInt(a) - BigInt(b), 'differens');
}

/** −a. */
export function negateOre(a: Ore): Ore {
  return ore(-BigInt(a));
}

/** Multiply an amount by an exact rational and round to whole öre with a named mode. */
export function mulOre(a: Ore, factor: Rational, mode: RoundingMode, field = 'belopp'): Ore {
  return ore(divRound(BigInt(a) * factor.num, factor.den, mode), field);
}

/** Multiply an amount by an integer count (hours, devices, persons), checked. */
export function timesOre(a: Ore, n: number | bigint, field = 'belopp'): Ore {
  return ore(BigInt(a) * BigInt(n), field);
}

/** Whole kronor to öre. */
export function kronor(kr: number | bigint): Ore {
  return ore(BigInt(kr) * 100n, 'kronor');
}

/**
 * Digits grouped by three with a no-break space, as Intl's sv-SE grouping writes them ("1 234 567";
 * four digits are grouped too). By hand because Intl.NumberFormat cost about a tenth of rendering a
 * calculation's steps (issue 11); money.test.ts checks it against Intl on generated values.
 */
export function groupDigits(digits: string): string {
  const n = digits.length;
  if (n <= 3) return digits;
  let head = n % 3;
  if (head === 0) head = 3;
  let out = digits.slice(0, head);
  for (let i = head; i < n; i += 3) out += `\u00a0${digits.slice(i, i + 3)}`;
  return out;
}

/**
 * Swedish display of an amount: `1 234,56 kr` (thousands separated by a no-break space, decimal
 * comma, minus sign U+2212 as Intl's sv-SE uses). Exact: formats the integer's digits, never a float.
 */
export function formatKronor(a: Ore, opts: { unit?: boolean } = {}): string {
  const n = BigInt(a);
  const negative = n < 0n;
  const digits = (negative ? -n : n).toString().padStart(3, '0');
  const whole = groupDigits(digits.slice(0, -2));
  const text = `${negative ? '\u2212' : ''}${whole},${digits.slice(-2)}`;
  return opts.unit === false ? text : `${text} kr`;
}

const kronorPattern = /^([+-])?(\d+)(?:[.,](\d{1,2}))?$/;

/**
 * Parse kronor as written in Swedish exports ("1 234,56", "1234.5", "-12", "12 kr") into öre.
 * More than two decimals is an error: öre is the smallest unit and nothing is rounded silently.
 */
export function parseKronor(text: string, field: string): Ore {
  const cleaned = text
    .trim()
    .replace(/\s*kr\.?$/i, '')
    .replace(/[\s\u00a0\u202f]/g, '')
    .replace(/\u2212/g, '-');
  const m = kronorPattern.exec(cleaned);
  if (!m) {
    throw new SamverkanError('SAMV_ERR_INVALID_INPUT', `${field}: "${text}" är inte ett belopp i kronor (skriv t.ex. 1 234,56).`, {
      field,
      value: text,
    });
  }
  const sign = m[1] === '-' ? -1n : 1n;
  const whole = BigInt(m[2] ?? '0');
  const frac = BigInt((m[3] ?? '').padEnd(2, '0') || '0');
  return ore(sign * (whole * 100n + frac), field);
}
