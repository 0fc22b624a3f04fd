/**
 * Completeness by enumeration: EVERY combination of the finite care inputs goes through `assess`,
 * and the answer is compared with the spec table (responsibility.md, R1–R8, with R4 split by the
 * SABO wish for the region's open clinic) written here as an independent, straightforward
 * function — not with the engine's own tables.
 *
 * Unknown inputs: an answer is decided exactly when every way of filling in the unknown inputs
 * gives the same party (and unit); otherwise it is undecided and lists as missing exactly the
 * unknown inputs that can change the answer.
 */
import { describe, expect, it } from 'vitest';
import { shippedAgreement } from '../agreement/shipped-agreement.testkit.js';
import { assess } from './assess.js';
import { compileResponsibilityRules } from './load-rules.js';
import type { Situation, Tri } from './situation.js';

const HOUSINGS = ['ordinart', 'sarskilt_boende', 'korttidsplats', 'lss_bostad'] as const;
type HousingT = (typeof HOUSINGS)[number];

/** A fully known situation, as the spec table reads it. */
interface Known {
  registered: boolean;
  storsjoglantan: boolean;
  atDayActivity: boolean;
  housing: HousingT;
  safeAtHome: boolean;
  needOver14Days: boolean;
  cfs: number;
  cognitiveImpairment: boolean;
  cannotReachHealthCentre: boolean;
  prefersHealthCentre: boolean;
  preferenceRisksSafety: boolean;
}

/** The spec table, first match wins (responsibility.md, "Evaluate in this order"). */
function specRule(k: Known): { rule: string; party: 'region' | 'kommun'; unit: string } {
  if (!k.registered) return { rule: 'R1', party: 'region', unit: '' };
  if (k.storsjoglantan) return { rule: 'R2', party: 'region', unit: 'Storsjögläntan' };
  if (k.atDayActivity) return { rule: 'R3', party: 'kommun', unit: '' };
  // SABO Ansvarsfördelning: a wish for the region's open clinic is respected (no safety condition).
  if (k.housing !== 'ordinart')
    return k.prefersHealthCentre
      ? { rule: 'R4o', party: 'region', unit: 'regionens öppna mottagning' }
      : { rule: 'R4', party: 'kommun', unit: '' };
  // Criterion 3: CFS ≥ 6, or CFS = 5 with cognitive impairment.
  const frail = k.cfs >= 6 || (k.cfs === 5 && k.cognitiveImpairment);
  const allMet = k.safeAtHome && k.needOver14Days && frail && k.cannotReachHealthCentre;
  if (!allMet) return { rule: 'R7', party: 'region', unit: 'hälsocentralen' };
  if (k.prefersHealthCentre && !k.preferenceRisksSafety) return { rule: 'R6', party: 'region', unit: 'hälsocentralen' };
  return { rule: 'R5', party: 'kommun', unit: '' };
}

/** The variables that may be unknown, with their known values. */
const VARS = [
  ['storsjoglantan', [false, true]],
  ['atDayActivity', [false, true]],
  ['safeAtHome', [false, true]],
  ['needOver14Days', [false, true]],
  ['cfs', [1, 2, 3, 4, 5, 6, 7, 8, 9]],
  ['cognitiveImpairment', [false, true]],
  ['cannotReachHealthCentre', [false, true]],
  ['prefersHealthCentre', [false, true]],
  ['preferenceRisksSafety', [false, true]],
] as const;
type VarName = (typeof VARS)[number][0];

interface Expected {
  decided: boolean;
  party: string;
  unit: string;
  rules: Set<string>;
  missing: string[];
}

// The spec table over every fully known situation, indexed in mixed radix over
// (registered, housing, VARS...), so that filling in unknowns is a table lookup.
const radices = [2, HOUSINGS.length, ...VARS.map(([, values]) => values.length)];
const strides = radices.map((_, i) => radices.slice(i + 1).reduce((a, b) => a * b, 1));
const knownSize = radices.reduce((a, b) => a * b, 1);
const knownRule: string[] = [];
const knownClass: string[] = [];
for (let idx = 0; idx < knownSize; idx++) {
  const digit = (i: number): number => Math.floor(idx / strides[i]!) % radices[i]!;
  const k = { registered: digit(0) === 1, housing: HOUSINGS[digit(1)]! } as Known;
  VARS.forEach(([name, values], i) => {
    (k as unknown as Record<string, unknown>)[name] = values[digit(i + 2)];
  });
  const r = specRule(k);
  knownRule.push(r.rule);
  knownClass.push(`${r.party}|${r.unit}`);
}

/** Fill in the unknowns every possible way and see whether the answer depends on them. */
function expectedFor(registered: boolean, housing: HousingT, given: Map<VarName, boolean | number>): Expected {
  // Per variable: the value digits it may take (one when known, all when unknown).
  const domains = VARS.map(([name, values]) => {
    const v = given.get(name);
    return v === undefined ? values.map((_, i) => i) : [(values as readonly (boolean | number)[]).indexOf(v)];
  });
  const base = (registered ? 1 : 0) * strides[0]! + HOUSINGS.indexOf(housing) * strides[1]!;
  const classes = new Set<string>();
  const rules = new Set<string>();
  const missing = new Set<number>();
  const walk = (i: number, idx: number): void => {
    if (i === VARS.length) {
      const cls = knownClass[idx]!;
      classes.add(cls);
      rules.add(knownRule[idx]!);
      // Flip each unknown variable through its other values: does the answer change?
      domains.forEach((dom, u) => {
        if (dom.length < 2 || missing.has(u)) return;
        const stride = strides[u + 2]!;
        const cur = Math.floor(idx / stride) % radices[u + 2]!;
        if (dom.some((alt) => knownClass[idx + (alt - cur) * stride] !== cls)) missing.add(u);
      });
      return;
    }
    for (const v of domains[i]!) walk(i + 1, idx + v * strides[i + 2]!);
  };
  walk(0, base);
  const decided = classes.size === 1;
  const [party, unit] = decided ? [...classes][0]!.split('|') : ['undecided', ''];
  return { decided, party: party!, unit: unit!, rules, missing: VARS.map(([n]) => n).filter((_, i) => missing.has(i)) };
}

const TRI: readonly Tri[] = [0, 1, 2];
const asValue = (t: Tri): boolean | undefined => (t === 2 ? undefined : t === 1);

function expectedCriterion(t: Tri): 'met' | 'not_met' | 'unknown' {
  return t === 2 ? 'unknown' : t === 1 ? 'met' : 'not_met';
}

function expectedFrailty(cfs: number | null, cog: Tri): 'met' | 'not_met' | 'unknown' {
  if (cfs === null) return 'unknown';
  if (cfs >= 6) return 'met';
  if (cfs <= 4) return 'not_met';
  return expectedCriterion(cog);
}

describe('every combination of the care inputs', () => {
  it('yields exactly one decided or explicitly undecided outcome, as the spec table says', () => {
    const agreement = shippedAgreement();
    const rules = compileResponsibilityRules(agreement);
    const codes = [...agreement.municipalities.map((m) => m.code), 'none'];
    const undecidedRules = new Set(['R2u', 'R3u', 'R4u', 'R6u', 'R8']);
    const failures: string[] = [];
    let count = 0;
    let undecided = 0;
    const started = performance.now();
    const cfsValues: (number | null)[] = [1, 2, 3, 4, 5, 6, 7, 8, 9, null];
    for (const housing of HOUSINGS)
      for (const atDayActivity of TRI)
        for (const storsjoglantan of TRI)
          for (const safeAtHome of TRI)
            for (const needOver14Days of TRI)
              for (const cfs of cfsValues)
                for (const cognitiveImpairment of TRI)
                  for (const cannotReachHealthCentre of TRI)
                    for (const prefersHealthCentre of TRI)
                      for (const preferenceRisksSafety of TRI) {
                        const given = new Map<VarName, boolean | number>();
                        const put = (n: VarName, v: boolean | number | undefined): void => {
                          if (v !== undefined) given.set(n, v);
                        };
                        put('storsjoglantan', asValue(storsjoglantan));
                        put('atDayActivity', asValue(atDayActivity));
                        put('safeAtHome', asValue(safeAtHome));
                        put('needOver14Days', asValue(needOver14Days));
                        put('cfs', cfs ?? undefined);
                        put('cognitiveImpairment', asValue(cognitiveImpairment));
                        put('cannotReachHealthCentre', asValue(cannotReachHealthCentre));
                        put('prefersHealthCentre', asValue(prefersHealthCentre));
                        put('preferenceRisksSafety', asValue(preferenceRisksSafety));
                        const expRegistered = expectedFor(true, housing, given);
                        const expNone = expectedFor(false, housing, given);
                        for (const code of codes) {
                          const municipality = code === 'none' ? null : (rules.municipalities.get(code) ?? null);
                          const s: Situation = {
                            date: '2026-03-01',
                            housing,
                            municipality,
                            homeRegion: null,
                            atDayActivity,
                            storsjoglantan,
                            safeAtHome,
                            needOver14Days,
                            cfs,
                            cognitiveImpairment,
                            cannotReachHealthCentre,
                            prefersHealthCentre,
                            preferenceRisksSafety,
                            listedAtOtherHealthCentre: 2,
                            timeMinutes: null,
                            products: [],
                          };
                          const answer = assess(agreement, rules, s);
                          const care = answer.careResponsibility;
                          const exp = municipality === null ? expNone : expRegistered;
                          count++;
                          const where = (): string => JSON.stringify({ ...s, products: undefined, municipality: code });
                          if (care.party !== exp.party || (care.unit ?? '') !== exp.unit) {
                            failures.push(
                              `${where()}: party ${care.party}/${care.unit ?? ''} (${care.rule}), expected ${exp.party}/${exp.unit}`,
                            );
                          } else if (exp.decided && !exp.rules.has(care.rule)) {
                            failures.push(`${where()}: rule ${care.rule}, expected one of ${[...exp.rules].join(',')}`);
                          } else if (!exp.decided && !undecidedRules.has(care.rule)) {
                            failures.push(`${where()}: undecided by ${care.rule}, which is not an undecided rule`);
                          } else if ([...care.missing].sort().join(',') !== [...exp.missing].sort().join(',')) {
                            failures.push(`${where()}: missing [${care.missing.join(',')}], expected [${exp.missing.join(',')}]`);
                          } else if (care.party === 'kommun' && care.municipality?.code !== code) {
                            failures.push(`${where()}: municipality ${care.municipality?.code ?? 'null'}, expected ${code}`);
                          } else if (care.party !== 'kommun' && care.municipality !== null) {
                            failures.push(`${where()}: a municipality on a ${care.party} answer`);
                          } else if (care.clauses.length === 0) {
                            failures.push(`${where()}: no clause`);
                          }
                          // Criteria: each met / not_met / unknown, in ordinary housing only, and only where they
                          // decide: not for visitors (R1), Storsjögläntan (R2) or while at day activity (R3).
                          const criteriaDecide = housing === 'ordinart' && code !== 'none' && storsjoglantan === 0 && atDayActivity === 0;
                          const criteriaIrrelevant = code === 'none' || storsjoglantan === 1 || atDayActivity === 1;
                          if (criteriaIrrelevant && answer.criteria.length !== 0) {
                            failures.push(`${where()}: criteria listed although ${care.rule} does not look at them`);
                          } else if (criteriaDecide && answer.criteria.length !== 4) {
                            failures.push(`${where()}: ${String(answer.criteria.length)} criteria, expected all four`);
                          } else if (housing === 'ordinart' && answer.criteria.length > 0) {
                            const got = answer.criteria.map((c) => c.status).join(',');
                            const want = [
                              expectedCriterion(safeAtHome),
                              expectedCriterion(needOver14Days),
                              expectedFrailty(cfs, cognitiveImpairment),
                              expectedCriterion(cannotReachHealthCentre),
                            ].join(',');
                            if (got !== want) failures.push(`${where()}: criteria ${got}, expected ${want}`);
                          } else if (answer.criteria.length !== 0) {
                            failures.push(`${where()}: criteria outside ordinary housing`);
                          }
                          if (care.party === 'undecided') undecided++;
                          if (failures.length > 20) throw new Error(failures.join('\n'));
                        }
                      }
    const seconds = (performance.now() - started) / 1000;
    // 4 × 3 × 3 × 3 × 3 × 10 × 3 × 3 × 3 × 3 input combinations × 9 registrations (8 codes and none).
    expect(count).toBe(4 * 3 * 3 * 3 * 3 * 10 * 3 * 3 * 3 * 3 * 9);
    expect(failures).toEqual([]);
    // Both kinds of outcome occur (the walk really covers undecided cases).
    expect(undecided).toBeGreaterThan(0);
    expect(undecided).toBeLessThan(count);
    expect(seconds).toBeLessThan(60);
  }, 120_000);
});
