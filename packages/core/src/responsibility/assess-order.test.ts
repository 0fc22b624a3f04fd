/**
 * The answer caches (assess-cache.ts) and what compiling prepares (assess-care.ts `prepareCare`)
 * must never show: an answer does not depend on which situations were asked before it, on whether
 * it is the first sight of its cell or a repeat, or on whether the rules were prepared when
 * compiled or on first use. A cache key that left out something the answer depends on would hand
 * one situation's answer (rule, missing inputs, municipality, rate, quoted clause) to another and
 * fail here: the same situations are answered forwards on one freshly compiled rule set and
 * backwards on another, so each answer is built by a different first sight.
 */
import { describe, expect, it } from 'vitest';
import { shippedAgreement } from '../agreement/shipped-agreement.testkit.js';
import { assess, assessCareResponsibility } from './assess.js';
import { cachesOf } from './assess-cache.js';
import { criteriaSpace, housings, productFlags, productKinds } from './inputs.js';
import { compileResponsibilityRules, type ResponsibilityRules } from './load-rules.js';
import type { ProductQuestion, Situation, Tri } from './situation.js';

const agreement = shippedAgreement();
const COUNT = 3_000;

/** mulberry32: seeded, so a failure names a situation that comes back. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function situations(rules: ResponsibilityRules): Situation[] {
  const rnd = random(20261201);
  const pick = (n: number): number => Math.floor(rnd() * n);
  const tri = (): Tri => pick(3) as Tri;
  const municipalities = [...rules.municipalities.values()];
  const dates = ['2025-06-01', '2026-03-01', '2026-12-31', '2027-01-15'];
  return Array.from({ length: COUNT }, (): Situation => {
    const municipality = pick(9) === 8 ? null : (municipalities[pick(municipalities.length)] ?? null);
    const products = Array.from({ length: pick(4) === 0 ? 1 + pick(2) : 0 }, (_, k): ProductQuestion => ({
      kind: productKinds[pick(productKinds.length)] ?? 'aid',
      label: k === 0 ? 'Sondmat' : null,
      flags: Object.fromEntries(productFlags.map((f) => [f, tri()])) as ProductQuestion['flags'],
    }));
    const cfs = pick(10);
    return {
      date: dates[pick(dates.length)] ?? '2026-03-01',
      housing: housings[pick(housings.length)] ?? 'ordinart',
      municipality,
      homeRegion: municipality === null && pick(2) === 0 ? 'Region Västernorrland' : null,
      atDayActivity: tri(),
      storsjoglantan: tri(),
      safeAtHome: tri(),
      needOver14Days: tri(),
      cfs: cfs === 9 ? null : cfs + 1,
      cognitiveImpairment: tri(),
      cannotReachHealthCentre: tri(),
      prefersHealthCentre: tri(),
      preferenceRisksSafety: tri(),
      listedAtOtherHealthCentre: tri(),
      timeMinutes: pick(3) === 0 ? null : pick(1440),
      products,
    };
  });
}

/** The care answer and the whole answer of each situation, as JSON, asked in the given order. */
function answersInOrder(rules: ResponsibilityRules, all: readonly Situation[], order: readonly number[]): string[] {
  const out = new Array<string>(all.length);
  for (const i of order) {
    const s = all[i] as Situation;
    out[i] = `${JSON.stringify(assessCareResponsibility(rules, s))}\n${JSON.stringify(assess(agreement, rules, s))}`;
  }
  return out;
}

/** The indices of the first answer that differs, with both versions, or undefined. */
function firstDifference(a: readonly string[], b: readonly string[]): { index: number; a: string; b: string } | undefined {
  const index = a.findIndex((x, i) => x !== b[i]);
  return index < 0 ? undefined : { index, a: a[index] ?? '', b: b[index] ?? '' };
}

describe('answers do not depend on the order they are asked in', () => {
  const forwardRules = compileResponsibilityRules(agreement);
  const all = situations(forwardRules);
  const forward = [...all.keys()];
  const backward = [...forward].reverse();

  it('compiling prepares every criteria cell and the missing-input masks', () => {
    const c = cachesOf(compileResponsibilityRules(agreement));
    expect(c.plan).toBeDefined();
    expect(c.criteria).toHaveLength(criteriaSpace.size);
    expect(c.criteria.every((e) => e.answers.length === 4)).toBe(true);
  });

  it('forwards on one compiled rule set, backwards on another, and again warm: the same answers', () => {
    const first = answersInOrder(forwardRules, all, forward);
    const other = answersInOrder(compileResponsibilityRules(agreement), all, backward);
    expect(firstDifference(first, other)).toBeUndefined();
    // Warm: every answer of the forward rules again, now from the caches, in the other order.
    expect(firstDifference(first, answersInOrder(forwardRules, all, backward))).toBeUndefined();
    // Undecided, decided, with and without criteria and products: the sample covers each kind.
    const kinds = new Set(
      first.map((j) => (JSON.parse(j.split('\n')[0] ?? '{}') as { careResponsibility: { rule: string } }).careResponsibility.rule),
    );
    expect(kinds.size).toBeGreaterThanOrEqual(10);
  });

  it('rules prepared on first use (a copy the compiler never saw) answer as the compiled ones', () => {
    const copy: ResponsibilityRules = { ...forwardRules };
    expect(cachesOf(copy).plan).toBeUndefined();
    const first = answersInOrder(forwardRules, all, forward);
    expect(firstDifference(first, answersInOrder(copy, all, backward))).toBeUndefined();
    expect(cachesOf(copy).plan).toBeDefined();
  });
});
