/**
 * Swedish display of money. Amounts arrive from the API as integer öre (`…Ore` fields); they are
 * formatted with BigInt arithmetic so that no float ever touches an amount (conventions §1).
 */

const NBSP = '\u00a0';
const MINUS = '\u2212';

function groupThousands(digits: string): string {
  // Swedish groups thousands with a (no-break) space: 1 234 567.
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, NBSP);
}

/** `123456` öre → `1 234,56 kr` (no-break spaces, U+2212 minus, as sv-SE writes it). */
export function formatOre(amountOre: number | bigint | string, opts: { unit?: boolean } = {}): string {
  const n = BigInt(amountOre);
  const negative = n < 0n;
  const abs = negative ? -n : n;
  const whole = groupThousands((abs / 100n).toString());
  const cents = (abs % 100n).toString().padStart(2, '0');
  const text = `${negative ? MINUS : ''}${whole},${cents}`;
  return opts.unit === false ? text : `${text}${NBSP}kr`;
}

/** Whole kronor without öre, for chart axes: `1 234 kr` (rounded half away from zero). */
export function formatKronorRounded(amountOre: number | bigint): string {
  const n = BigInt(amountOre);
  const negative = n < 0n;
  const abs = negative ? -n : n;
  const kr = (abs + 50n) / 100n;
  return `${negative && kr !== 0n ? MINUS : ''}${groupThousands(kr.toString())}${NBSP}kr`;
}

/** Result of reading a kronor amount typed by a person. */
export type ParsedKronor = { readonly ok: true; readonly ore: number } | { readonly ok: false; readonly message: string };

const kronorPattern = /^([+-])?(\d+)(?:,(\d{1,2}))?$/;

/**
 * Read "1 234,56", "1234", "-12,5" or "12 kr" into öre. More than two decimals, a decimal point
 * or letters give a Swedish message that says how to write the amount instead.
 */
export function parseKronorInput(text: string): ParsedKronor {
  const cleaned = text
    .trim()
    .replace(/\s*kr\.?$/i, '')
    .replace(/[\s\u00a0\u202f]/g, '')
    .replace(/\u2212/g, '-');
  const m = kronorPattern.exec(cleaned);
  if (!m) {
    return { ok: false, message: `"${text}" är inte ett belopp. Skriv kronor med decimalkomma, till exempel 1\u00a0234,56.` };
  }
  const sign = m[1] === '-' ? -1n : 1n;
  const whole = BigInt(m[2] ?? '0');
  const frac = BigInt((m[3] ?? '').padEnd(2, '0'));
  const value = sign * (whole * 100n + frac);
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < -BigInt(Number.MAX_SAFE_INTEGER)) {
    return { ok: false, message: 'Beloppet är för stort. Skriv ett mindre belopp.' };
  }
  return { ok: true, ore: Number(value) };
}
