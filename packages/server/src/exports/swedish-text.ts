/**
 * Text shared by the human-readable exports (PDF, Excel): amounts, quantities and units in
 * Swedish, and amounts as exact decimals for machine formats (SIE, Excel cell values). Every
 * amount is formatted from integer öre with integer arithmetic, never through a float.
 */
import { formatKronor, ore } from '@samverkan/core';

/** `1 234,56 kr` (no-break space between thousands, decimal comma, U+2212 minus). */
export function kronorText(amountOre: number, opts: { unit?: boolean } = {}): string {
  return formatKronor(ore(amountOre), opts);
}

/** `1234.56` / `-50.01`: öre as an exact two-decimal number written with a dot. */
export function oreDecimal(amountOre: number): string {
  const n = BigInt(ore(amountOre));
  const abs = n < 0n ? -n : n;
  return `${n < 0n ? '-' : ''}${(abs / 100n).toString()}.${(abs % 100n).toString().padStart(2, '0')}`;
}

/** An exact decimal quantity (`1.5`, `-1`) in Swedish: `1,5`, `−1`. */
export function quantityText(quantity: string): string {
  return quantity.replace('.', ',').replace(/^-/, '\u2212');
}

const units: Readonly<Record<string, readonly [one: string, many: string]>> = {
  'started-hour': ['påbörjad timme', 'påbörjade timmar'],
  hour: ['timme', 'timmar'],
  minute: ['minut', 'minuter'],
  piece: ['st', 'st'],
  device: ['hjälpmedel', 'hjälpmedel'],
  person: ['person', 'personer'],
  'lump-sum': ['klumpsumma', 'klumpsummor'],
};

/** Our unit in Swedish, singular for ±1 and plural otherwise (`37 minuter`, `1 påbörjad timme`). */
export function unitText(unit: string, quantity: string | number = 2): string {
  const u = units[unit];
  if (u === undefined) return unit;
  const q = String(quantity).replace(/^[-\u2212]/, '');
  return q === '1' ? u[0] : u[1];
}

/** `per 60 minuter` / `per påbörjad timme`: what a unit price applies to. */
export function pricePerText(unit: string, baseQuantity: number): string {
  return baseQuantity === 1 ? `per ${unitText(unit, 1)}` : `per ${String(baseQuantity)} ${unitText(unit, baseQuantity)}`;
}

/** ISO date (`2026-03-04`) as a Swedish reader expects it: unchanged, the Swedish standard form. */
export function dateText(iso: string | null): string {
  return iso ?? '–';
}
