/**
 * Exact decimal arithmetic for the rules (BigInt over a power-of-ten scale), so a check like
 * BR-CO-10 compares amounts as the schematron's xs:decimal does and never through floats.
 */

/** A decimal value `n / 10^scale`. */
export interface Dec {
  readonly n: bigint;
  readonly scale: number;
}

/** Parse an xs:decimal lexical value (`-12.50`, `25`, `.5`); null when it is not one. */
export function parseDec(text: string): Dec | null {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(text.trim());
  if (!m || ((m[2] ?? '') === '' && (m[3] ?? '') === '')) return null;
  const frac = m[3] ?? '';
  const n = BigInt(`${m[2] === '' ? '0' : (m[2] ?? '0')}${frac}`);
  return { n: m[1] === '-' ? -n : n, scale: frac.length };
}

const pow10 = (k: number): bigint => 10n ** BigInt(k);

function align(a: Dec, b: Dec): [bigint, bigint, number] {
  const s = Math.max(a.scale, b.scale);
  return [a.n * pow10(s - a.scale), b.n * pow10(s - b.scale), s];
}

export const ZERO: Dec = { n: 0n, scale: 0 };

export function add(a: Dec, b: Dec): Dec {
  const [x, y, s] = align(a, b);
  return { n: x + y, scale: s };
}

export function sub(a: Dec, b: Dec): Dec {
  const [x, y, s] = align(a, b);
  return { n: x - y, scale: s };
}

export function sum(values: readonly Dec[]): Dec {
  return values.reduce(add, ZERO);
}

export function cmp(a: Dec, b: Dec): number {
  const [x, y] = align(a, b);
  return x === y ? 0 : x < y ? -1 : 1;
}

export function eq(a: Dec, b: Dec): boolean {
  return cmp(a, b) === 0;
}

/** XPath `round(x * 100) div 100`: two decimals, a half rounded towards positive infinity. */
export function round2(a: Dec): Dec {
  if (a.scale <= 2) return a;
  const d = pow10(a.scale - 2);
  // floor((2n + d) / 2d) with floor division on BigInt (which itself truncates towards zero).
  const num = 2n * a.n + d;
  const den = 2n * d;
  const q = num / den;
  return { n: num % den !== 0n && num < 0n ? q - 1n : q, scale: 2 };
}

/** XPath `round(x)`: nearest integer, a half towards positive infinity. */
export function roundInt(a: Dec): bigint {
  const den = 2n * pow10(a.scale);
  const num = 2n * a.n + pow10(a.scale);
  const q = num / den;
  return num % den !== 0n && num < 0n ? q - 1n : q;
}

/** True when |a − b| ≤ slack (the schematron's u:slack). */
export function within(a: Dec, b: Dec, slack: Dec): boolean {
  const d = sub(a, b);
  const abs = d.n < 0n ? { n: -d.n, scale: d.scale } : d;
  return cmp(abs, slack) <= 0;
}

/** Decimal places written in the lexical value (BR-DEC-*: `substring-after(., '.')`). */
export function decimalsWritten(text: string): number {
  const i = text.indexOf('.');
  return i < 0 ? 0 : text.length - i - 1;
}

/** `q × price / base`, exact as a rational compared with `amount` within `slack` (PEPPOL-EN16931-R120). */
export function lineMatches(amount: Dec, quantity: Dec, price: Dec, base: Dec, extra: Dec, slack: Dec): boolean {
  // amount − extra ≈ q·p/b  ⇔  |(amount − extra)·b − q·p| ≤ slack·|b|, all scaled to one denominator.
  const lhs = sub(amount, extra);
  const scale = lhs.scale + base.scale;
  const left = lhs.n * base.n * pow10(quantity.scale + price.scale);
  const right = quantity.n * price.n * pow10(scale);
  const diff = left - right;
  const absDiff = diff < 0n ? -diff : diff;
  const bAbs = base.n < 0n ? -base.n : base.n;
  const bound = slack.n * bAbs * pow10(quantity.scale + price.scale + lhs.scale);
  // Both sides share the denominator 10^(lhs.scale + base.scale + q.scale + p.scale); slack carries its own scale.
  return absDiff * pow10(slack.scale) <= bound;
}
