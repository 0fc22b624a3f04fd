/** Swedish display of counts, decimals and percentages (decimal comma, space as thousands separator). */

const NBSP = '\u00a0';
const MINUS = '\u2212';

/** Thousands separated by a space, but four-digit numbers (2025, 1123) left whole, as Swedish print does. */
function group(digits: string): string {
  return digits.length <= 4 ? digits : digits.replace(/\B(?=(\d{3})+(?!\d))/g, NBSP);
}

/** An integer count: `12 345`, `2025`. */
export function formatInteger(n: number): string {
  if (!Number.isSafeInteger(n)) return String(n);
  const negative = n < 0;
  return `${negative ? MINUS : ''}${group(Math.abs(n).toString())}`;
}

/**
 * An exact decimal string from the API (`"2.9"`, `"-0.25"`, `"47,18"`) shown with a decimal
 * comma; the value is never converted to a float, so what the agreement says is what is shown.
 */
export function formatDecimalString(value: string): string {
  const m = /^([+-]?)(\d+)(?:[.,](\d+))?$/.exec(value.trim());
  if (!m) return value;
  const sign = m[1] === '-' ? MINUS : '';
  const whole = group(m[2] ?? '0');
  return m[3] ? `${sign}${whole},${m[3]}` : `${sign}${whole}`;
}

/** A percentage given as an exact decimal string: `"2.9"` → `2,9 %`. */
export function formatPercent(value: string | number): string {
  return `${formatDecimalString(String(value))}${NBSP}%`;
}

/** A share `part / whole` of two integer counts as a percentage with one decimal, half up. */
export function formatShare(part: number, whole: number): string {
  if (whole === 0) return `0,0${NBSP}%`;
  // Integer arithmetic in tenths of a percent: round(part × 1000 / whole), half up.
  const p = BigInt(part);
  const w = BigInt(whole);
  const tenths = (p * 2000n + w) / (2n * w);
  return `${(tenths / 10n).toString()},${(tenths % 10n).toString()}${NBSP}%`;
}
