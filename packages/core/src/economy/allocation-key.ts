/**
 * The resource-allocation key (PRINC.tillaggsbelopp, TILL.bakgrund.fordelning: "samma
 * resursfördelningsmodell som i hälsovalet"): factors — andel äldre, glesbygd/tillgänglighet,
 * socioekonomi (GNI) — each with an exact decimal weight (weights sum to exactly 1), a measure per
 * municipality, its source and the decision that adopted it. Municipality k gets
 *   share_k = Σ_f weight_f × measure_kf / Σ_j measure_jf
 * as an exact rational; amounts are then split with the largest-remainder method. A key marked
 * `example: true` is labelled as such in every output that uses it.
 */
import { allocateLargestRemainder, type AllocationPart } from '../allocation.js';
import { addRational, compareRational, mulRational, rational, type Rational } from '../decimal.js';
import type { Municipality } from '../agreement/schema.js';
import type { Ore } from '../money.js';

/** One factor of the key. */
export interface AllocationFactor {
  readonly id: string;
  readonly name: string;
  readonly weight: Rational;
  /** What is measured, e.g. "invånare 80 år och äldre". */
  readonly measure: string;
  readonly source: string;
  readonly decision?: string;
  /** Measure per municipality code. */
  readonly values: ReadonlyMap<string, Rational>;
}

/** A whole key. */
export interface AllocationKey {
  readonly id: string;
  readonly title: string;
  /** True for a shipped or invented example: outputs then say so. */
  readonly example: boolean;
  readonly note?: string;
  readonly decision?: string;
  readonly factors: readonly AllocationFactor[];
}

/** One municipality's exact share. */
export interface KeyShare {
  readonly code: string;
  readonly name: string;
  readonly share: Rational;
}

/** The Swedish label every output that used an example key carries. */
export const EXAMPLE_KEY_NOTE =
  'Fördelningsnyckeln är ett EXEMPEL med påhittade värden, inte ett beslutat underlag. Beloppen per kommun är därför bara illustrationer.';

/** The exact share of each municipality: Σ_f w_f × m_kf / Σ_j m_jf (validated keys sum to exactly 1). */
export function keyShares(key: AllocationKey, municipalities: readonly Municipality[]): KeyShare[] {
  return municipalities.map((m) => {
    let share = rational(0n);
    for (const f of key.factors) {
      let total = rational(0n);
      for (const v of f.values.values()) total = addRational(total, v);
      const mine = f.values.get(m.code) ?? rational(0n);
      if (compareRational(total, rational(0n)) === 0) continue;
      share = addRational(share, mulRational(f.weight, mulRational(mine, rational(total.den, total.num))));
    }
    return { code: m.code, name: m.name, share };
  });
}

/** Split `total` by the key with the largest-remainder method (parts sum exactly to `total`). */
export function allocateByKey(total: Ore, key: AllocationKey, municipalities: readonly Municipality[]): AllocationPart[] {
  return allocateLargestRemainder(
    total,
    keyShares(key, municipalities).map((s) => ({ key: s.code, label: s.name, weight: s.share })),
  );
}
