/**
 * Largest-remainder allocation: split a total so that the parts sum exactly to it and each part
 * differs from its exact share by less than one öre. Ties in the remainder go to the larger
 * weight, then to the alphabetically first label (Swedish collation), so the result is
 * deterministic (economy.md, Common rules).
 */
import { invalidInput } from './errors.js';
import { ore, type Ore } from './money.js';
import type { Rational } from './decimal.js';

/** One party's claim on a total. */
export interface AllocationWeight<K extends string = string> {
  readonly key: K;
  /** Label used for the alphabetical tie-break (e.g. the municipality's name). */
  readonly label: string;
  /** Non-negative weight; weights need not sum to one, they are normalised. */
  readonly weight: Rational;
}

/** One party's part of a split. */
export interface AllocationPart<K extends string = string> {
  readonly key: K;
  readonly label: string;
  readonly amountOre: Ore;
  /** The exact share of the total as a rational (weight / sum of weights). */
  readonly share: Rational;
}

const collator = new Intl.Collator('sv');

function lcm(a: bigint, b: bigint): bigint {
  let x = a;
  let y = b;
  while (y !== 0n) [x, y] = [y, x % y];
  return (a / x) * b;
}

/** Split `total` by `weights` with the largest-remainder method (exact, deterministic). */
export function allocateLargestRemainder<K extends string>(total: Ore, weights: readonly AllocationWeight<K>[]): AllocationPart<K>[] {
  if (weights.length === 0) throw invalidInput('fördelningsnyckel', 'Fördelningsnyckeln är tom: minst en part behövs.');
  let common = 1n;
  for (const w of weights) {
    if (w.weight.num < 0n) throw invalidInput('fördelningsnyckel', `Vikten för ${w.label} är negativ.`, w.key);
    common = lcm(common, w.weight.den);
  }
  const ints = weights.map((w) => (w.weight.num * common) / w.weight.den);
  const sum = ints.reduce((a, b) => a + b, 0n);
  if (sum === 0n) throw invalidInput('fördelningsnyckel', 'Fördelningsnyckelns vikter summerar till noll.');

  const t = BigInt(total);
  const sign = t < 0n ? -1n : 1n;
  const abs = t * sign;
  const floors = ints.map((w) => (abs * w) / sum);
  const remainders = ints.map((w) => (abs * w) % sum);
  let left = abs - floors.reduce((a, b) => a + b, 0n);

  const order = weights
    .map((w, i) => i)
    .sort((a, b) => {
      const ra = remainders[a] ?? 0n;
      const rb = remainders[b] ?? 0n;
      if (ra !== rb) return ra > rb ? -1 : 1;
      const wa = ints[a] ?? 0n;
      const wb = ints[b] ?? 0n;
      if (wa !== wb) return wa > wb ? -1 : 1;
      return collator.compare(weights[a]?.label ?? '', weights[b]?.label ?? '');
    });
  const extra = new Array<bigint>(weights.length).fill(0n);
  for (const i of order) {
    if (left === 0n) break;
    extra[i] = 1n;
    left -= 1n;
  }
  return weights.map((w, i) => ({
    key: w.key,
    label: w.label,
    amountOre: ore(sign * ((floors[i] ?? 0n) + (extra[i] ?? 0n)), `andel ${w.label}`),
    share: { num: ints[i] ?? 0n, den: sum },
  }));
}
