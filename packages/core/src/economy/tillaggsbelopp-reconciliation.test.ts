import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseAllocationKey } from './allocation-key-file.js';
import { keyShares } from './allocation-key.js';
import { caught, data, exampleIndex, exampleKeyText } from './economy.testkit.js';
import { reconcileTillaggsbelopp } from './tillaggsbelopp-reconciliation.js';

const key = () => parseAllocationKey(exampleKeyText(), 'allocation-key.example.yaml', data().municipalities);
const run = (connected: number, choices?: Record<string, string>, year = 2026) =>
  reconcileTillaggsbelopp(data(), { year, connected, index: exampleIndex, key: key(), ...(choices ? { choices } : {}) });

// Example index: LPIK 2025 3 %, 2026 2,5 %.
// Full chain (I5 default): 3 735 428 → 3 847 491 → 3 943 678 kr; 25 940 → 26 718 → 27 386 kr.
const BASE = 394367800;
const ADJ = 2738600;

describe('flow 5: tilläggsbelopp reconciliation (TILL.avstamning)', () => {
  it('inside the normal variation: the amount is distributed unchanged (129 and 169 are inside)', () => {
    for (const n of [129, 150, 169]) {
      const r = run(n);
      expect(r.inside).toBe(true);
      expect(r.adjustmentOre).toBe(0);
      expect(r.totalOre).toBe(BASE);
    }
    const r = run(150);
    expect([r.lower, r.upper, r.baseOre, r.adjustmentPerPersonOre]).toEqual([129, 169, BASE, ADJ]);
    // Example key shares × 3 943 678 kr, largest remainder (computed independently).
    expect(r.allocations.map((a) => a.amountOre)).toEqual([
      26179117, 23592817, 36451315, 46103123, 21135758, 44510277, 33549540, 162845853,
    ]);
    expect(r.keyIsExample).toBe(true);
    expect(r.keyNote).toContain('EXEMPEL');
  });

  it('I3 beyond-bound (default): + adj × (count − upper) above, − adj × (lower − count) below', () => {
    const above = run(175);
    expect([above.inside, above.personsAdjusted, above.adjustmentOre, above.totalOre]).toEqual([false, 6, 6 * ADJ, BASE + 6 * ADJ]);
    expect(above.allocations.map((a) => a.amountOre)).toEqual([
      27269888, 24575828, 37970083, 48024041, 22016393, 46364828, 34947404, 169630935,
    ]);
    const below = run(120);
    expect([below.personsAdjusted, below.adjustmentOre, below.totalOre]).toEqual([-9, -9 * ADJ, BASE - 9 * ADJ]);
    expect(below.trace.interpretations).toContainEqual({ id: 'I3', option: 'beyond-bound' });
  });

  it('I3 from-reference: adj × (count − 144)', () => {
    const above = run(175, { I3: 'from-reference' });
    expect([above.personsAdjusted, above.totalOre]).toEqual([31, BASE + 31 * ADJ]);
    const below = run(120, { I3: 'from-reference' });
    expect([below.personsAdjusted, below.totalOre]).toEqual([-24, BASE - 24 * ADJ]);
    // Inside the interval nothing changes, whatever the policy.
    expect(run(160, { I3: 'from-reference' }).totalOre).toBe(BASE);
  });

  it('I5 from-2026: only LPIK 2026 is applied (3 828 814 kr and 26 589 kr)', () => {
    const r = run(175, { I5: 'from-2026' });
    expect([r.baseOre, r.adjustmentPerPersonOre]).toEqual([382881400, 2658900]);
    expect(r.trace.indexValues.map((u) => `${u.series} ${String(u.year)}`)).toEqual(['LPIK 2026']);
    expect(run(175).trace.indexValues.map((u) => `${u.series} ${String(u.year)}`)).toEqual(['LPIK 2025', 'LPIK 2026']);
  });

  it('the trace shows derivation, uplift, comparison, revision and split with their clauses and I4', () => {
    const t = run(175).trace;
    const ids = t.steps.map((s) => s.id);
    for (const id of [
      'harledning-tillaggsbelopp',
      'harledning-justeringsbelopp',
      'till.tillaggsbelopp:2026',
      'jamforelse',
      'justering',
      'fordelning',
    ])
      expect(ids).toContain(id);
    expect(t.clauses).toEqual(
      expect.arrayContaining(['TILL.avstamning', 'TILL.grundforutsattningar', 'TILL.bakgrund', 'TILL.bakgrund.fordelning']),
    );
    expect(t.interpretations.map((i) => i.id)).toEqual(['I1', 'I2', 'I3', 'I4', 'I5', 'I6', 'I13']);
  });

  it('a missing LPIK year is an error naming the series and year', () => {
    const e = caught(() => run(150, undefined, 2028));
    expect(e.code).toBe('SAMV_ERR_MISSING_INDEX');
    expect(e.message).toContain('LPIK för år 2028');
  });

  it('allocations always sum to the reconciled total, each within one öre of its exact share (property)', () => {
    const k = key();
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 400 }), fc.constantFrom('beyond-bound', 'from-reference'), (n, policy) => {
        const r = run(n, { I3: policy });
        expect(r.allocations.reduce((s, a) => s + a.amountOre, 0)).toBe(r.totalOre);
        keyShares(k, data().municipalities).forEach((share, i) => {
          // |amount − total × num/den| < 1  ⇔  |amount × den − total × num| < den
          const diff = BigInt(r.allocations[i]!.amountOre) * share.share.den - BigInt(r.totalOre) * share.share.num;
          expect(diff < share.share.den && -diff < share.share.den).toBe(true);
        });
      }),
      { numRuns: 60 },
    );
  });
});
