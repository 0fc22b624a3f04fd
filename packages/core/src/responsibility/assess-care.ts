/**
 * The care question: the four criteria (one lookup in the criteria tables per combination of
 * their inputs) and the health-care responsibility (one lookup in the care table).
 */
import { SamverkanError } from '../errors.js';
import type { CareAnswer, CriterionAnswer } from './answer.js';
import {
  cachesOf,
  EMPTY,
  housingIndex,
  NO_CRITERIA,
  rankOf,
  type CarePlan,
  type Caches,
  type CareResult,
  type CriteriaEntry,
} from './assess-cache.js';
import { careSpace, criteriaSpace, housings } from './inputs.js';
import type { CompiledCriterion, ResponsibilityRules } from './load-rules.js';
import type { Situation, Tri } from './situation.js';

// The strides of the two spaces as module constants: the hot path multiplies by numbers the
// compiler sees as constants instead of loading (and checking) array elements.
const CRIT_SAFE = criteriaSpace.strides[0] ?? 0;
const CRIT_NEED = criteriaSpace.strides[1] ?? 0;
const CRIT_CFS = criteriaSpace.strides[2] ?? 0;
const CRIT_COGNITIVE = criteriaSpace.strides[3] ?? 0;
const CRIT_REACH = criteriaSpace.strides[4] ?? 0;
const CARE_REGISTERED = careSpace.strides[0] ?? 0;
const CARE_STORSJO = careSpace.strides[1] ?? 0;
const CARE_DAY_ACTIVITY = careSpace.strides[2] ?? 0;
const CARE_HOUSING = careSpace.strides[3] ?? 0;
const CARE_PREFERS = careSpace.strides[8] ?? 0;
const CARE_RISKS = careSpace.strides[9] ?? 0;

function criteriaCell(s: Situation): number {
  const cfsDigit = s.cfs === null ? 9 : s.cfs - 1;
  return (
    s.safeAtHome * CRIT_SAFE +
    s.needOver14Days * CRIT_NEED +
    cfsDigit * CRIT_CFS +
    s.cognitiveImpairment * CRIT_COGNITIVE +
    s.cannotReachHealthCentre * CRIT_REACH
  );
}

/**
 * Every criteria cell's entry and the care table's missing-input masks, computed once per compiled
 * rules (compileResponsibilityRules calls this), so no answer pays for them: the four criterion
 * answers of a cell (shared between cells with the same status and missing inputs), the cell's
 * contribution to the care cell number, and which raw inputs its unknown criteria stand for.
 */
export function prepareCare(rules: ResponsibilityRules, c: Caches = cachesOf(rules)): void {
  if (c.plan) return;
  const careDims = careSpace.dims;
  // Care dimensions that are criteria (by id), and each criterion's care dimension.
  const critOfDim = new Int32Array(careDims.length).fill(-1);
  rules.criteria.forEach((crit, i) => {
    const d = careSpace.byName.get(crit.id);
    if (d !== undefined) critOfDim[d] = i;
  });
  // The raw input names a missing list can hold, numbered in input order.
  const universe: string[] = [];
  careDims.forEach((dim, d) => {
    if ((critOfDim[d] ?? -1) < 0) universe.push(dim.name);
  });
  for (const dim of criteriaSpace.dims) universe.push(dim.name);
  const rawNames = [...new Set(universe)].sort((a, b) => rankOf(c, a) - rankOf(c, b));
  const rawBit = new Map(rawNames.map((n, i) => [n, 1 << i]));
  const masks = 1 << careDims.length;
  const rawOfMask = new Int32Array(masks);
  const criteriaSubset = new Int32Array(masks);
  for (let m = 0; m < masks; m++) {
    for (let d = 0; d < careDims.length; d++) {
      if (((m >> d) & 1) === 0) continue;
      const ci = critOfDim[d] ?? -1;
      if (ci >= 0) criteriaSubset[m] = (criteriaSubset[m] ?? 0) | (1 << ci);
      else rawOfMask[m] = (rawOfMask[m] ?? 0) | (rawBit.get(careDims[d]?.name ?? '') ?? 0);
    }
  }
  // Criterion answers shared by (criterion, status, missing inputs).
  const shared = new Map<string, CriterionAnswer>();
  const st = careSpace.strides;
  const subsets = 1 << rules.criteria.length;
  for (let critCell = 0; critCell < criteriaSpace.size; critCell++) {
    let careOffset = 0;
    const rawOfCriterion: number[] = [];
    const answers = rules.criteria.map((crit: CompiledCriterion, i): CriterionAnswer => {
      const status = crit.table.rules[crit.table.winner[critCell] ?? 0]?.outcome ?? 'unknown';
      const digit: Tri = status === 'met' ? 1 : status === 'not_met' ? 0 : 2;
      careOffset += digit * (st[4 + i] ?? 0);
      const dims = status === 'unknown' ? crit.table.missingDims(critCell) : [];
      let raw = 0;
      for (const d of dims) raw |= rawBit.get(criteriaSpace.dims[d]?.name ?? '') ?? 0;
      rawOfCriterion.push(raw);
      const key = `${String(i)}:${status}:${dims.join(',')}`;
      let answer = shared.get(key);
      if (!answer) {
        const names = dims.length === 0 ? EMPTY : Object.freeze(dims.map((d) => criteriaSpace.dims[d]?.name ?? ''));
        answer = Object.freeze({ id: crit.id, number: crit.number, title: crit.title, status, clause: crit.clause, missing: names });
        shared.set(key, answer);
      }
      return answer;
    });
    const rawBySubset = new Int32Array(subsets);
    for (let sub = 1; sub < subsets; sub++) {
      const low = 31 - Math.clz32(sub & -sub);
      rawBySubset[sub] = (rawBySubset[sub & (sub - 1)] ?? 0) | (rawOfCriterion[low] ?? 0);
    }
    c.criteria[critCell] = { careOffset, answers: Object.freeze(answers), rawBySubset };
  }
  c.careUndecided = new Array<(CareAnswer | undefined)[] | undefined>(1 << rawNames.length).fill(undefined);
  c.careUndecidedResults = new Array<(CareResult | undefined)[] | undefined>(1 << rawNames.length).fill(undefined);
  // Decided answers by rule, setting and municipality (built on first sight: a few dozen); the
  // arrays get their full length now, so the first sight is a store, not a growing array.
  c.careDecided = new Array<CareAnswer | undefined>(rules.care.views.length * 20).fill(undefined);
  c.careDecidedResults = new Array<CareResult | undefined>(rules.care.views.length * 20).fill(undefined);
  const plan: CarePlan = { rawNames, rawOfMask, criteriaSubset };
  c.plan = plan;
  prepareUndecided(rules, c, plan, critOfDim);
}

/**
 * Every undecided answer the care table can give (one per missing-input list, rule and setting, a
 * few hundred), built now rather than on first sight: each care cell over the inputs that are not
 * criteria, with each distinct way the criteria cells fill in the criteria.
 */
function prepareUndecided(rules: ResponsibilityRules, c: Caches, plan: CarePlan, critOfDim: Int32Array): void {
  const { table, views } = rules.care;
  const st = careSpace.strides;
  const housingDim = careSpace.byName.get('housing');
  const free = careSpace.dims.flatMap((_, d) => ((critOfDim[d] ?? -1) < 0 ? [d] : []));
  // Criteria cells that fill in the criteria alike (same statuses, same raw inputs per subset) are one.
  const patterns = new Map<string, CriteriaEntry>();
  for (const e of c.criteria) patterns.set(`${String(e.careOffset)}:${e.rawBySubset.join(',')}`, e);
  const digits = new Int32Array(careSpace.dims.length);
  for (;;) {
    let base = 0;
    for (const d of free) base += (digits[d] ?? 0) * (st[d] ?? 0);
    const settingIndex = housingDim !== undefined && housings[digits[housingDim] ?? 0] !== 'ordinart' ? 1 : 0;
    for (const e of patterns.values()) {
      const cell = base + e.careOffset;
      const ruleIndex = table.winner[cell] ?? 0;
      if (views[ruleIndex]?.outcome.party !== 'undecided') continue;
      const mask = table.missingMasks[cell] ?? 0;
      undecidedAnswer(
        rules,
        c,
        plan,
        (plan.rawOfMask[mask] ?? 0) | (e.rawBySubset[plan.criteriaSubset[mask] ?? 0] ?? 0),
        ruleIndex,
        settingIndex,
      );
    }
    // Next combination of the free inputs (mixed radix).
    let k = free.length - 1;
    for (; k >= 0; k--) {
      const d = free[k] ?? 0;
      digits[d] = (digits[d] ?? 0) + 1;
      if ((digits[d] ?? 0) < (careSpace.radices[d] ?? 0)) break;
      digits[d] = 0;
    }
    if (k < 0) return;
  }
}

/** The undecided answer of a raw missing mask, rule and setting: shared, built once. */
function undecidedAnswer(
  rules: ResponsibilityRules,
  c: Caches,
  plan: CarePlan,
  raw: number,
  ruleIndex: number,
  settingIndex: number,
): CareAnswer {
  let byRule = c.careUndecided[raw];
  if (!byRule) {
    byRule = new Array<CareAnswer | undefined>(rules.care.views.length * 2).fill(undefined);
    c.careUndecided[raw] = byRule;
  }
  const hit = byRule[ruleIndex * 2 + settingIndex];
  if (hit) return hit;
  const view = rules.care.views[ruleIndex];
  if (!view) throw broken();
  // One list per raw mask: the answers of both settings and every rule share it.
  const missing = byRule.find((a) => a !== undefined)?.missing ?? missingOfRaw(plan, raw);
  const answer: CareAnswer = Object.freeze({
    party: view.outcome.party,
    municipality: null,
    unit: null,
    rule: view.id,
    title: view.title,
    reason: view.outcome.reason,
    notes: view.notes,
    clauses: view.clauses[settingIndex === 0 ? 'ordinart' : 'sarskilt'],
    missing,
    homeRegion: null,
  });
  byRule[ruleIndex * 2 + settingIndex] = answer;
  if (settingIndex === 1) {
    let results = c.careUndecidedResults[raw];
    if (!results) {
      results = new Array<CareResult | undefined>(rules.care.views.length).fill(undefined);
      c.careUndecidedResults[raw] = results;
    }
    results[ruleIndex] = Object.freeze({ careResponsibility: answer, criteria: NO_CRITERIA });
  }
  return answer;
}

function broken(): SamverkanError {
  return new SamverkanError('SAMV_ERR_INTERNAL', 'Regeltabellen för hälso- och sjukvårdsansvar är trasig.');
}

/** The missing-input list of a raw mask: the names of its bits, in input order (built once per mask and answer). */
function missingOfRaw(plan: CarePlan, raw: number): readonly string[] {
  if (raw === 0) return EMPTY;
  const out: string[] = [];
  for (let b = 0; b < plan.rawNames.length; b++) if ((raw >> b) & 1) out.push(plan.rawNames[b] ?? '');
  return Object.freeze(out);
}

/**
 * The care question alone: the answer and the criteria. The hot path is arithmetic and array
 * loads; answers are built once per (criteria cell, rule, setting, municipality or missing mask)
 * and shared — the result is frozen, do not mutate it.
 */
export function assessCareResponsibility(rules: ResponsibilityRules, s: Situation): CareResult {
  const c = cachesOf(rules);
  if (!c.plan) prepareCare(rules, c);
  const plan = c.plan as CarePlan;
  const crit = c.criteria[criteriaCell(s)];
  if (!crit) throw broken();
  const registered = s.municipality !== null;
  const ordinary = s.housing === 'ordinart';
  const cell =
    (registered ? CARE_REGISTERED : 0) +
    s.storsjoglantan * CARE_STORSJO +
    s.atDayActivity * CARE_DAY_ACTIVITY +
    (ordinary ? 0 : housingIndex(s.housing) * CARE_HOUSING) +
    crit.careOffset +
    s.prefersHealthCentre * CARE_PREFERS +
    s.preferenceRisksSafety * CARE_RISKS;
  const ruleIndex = rules.care.table.winner[cell] ?? 0;
  const settingIndex = ordinary ? 0 : 1;
  const view = rules.care.views[ruleIndex];
  if (!view) throw broken();
  const o = view.outcome;
  const criteria = ordinary ? crit.answers : NO_CRITERIA;
  if (o.party === 'undecided') {
    // The missing inputs: the care inputs of the table's mask, each unknown criterion standing for its raw inputs.
    const mask = rules.care.table.missingMasks[cell] ?? 0;
    const raw = (plan.rawOfMask[mask] ?? 0) | (crit.rawBySubset[plan.criteriaSubset[mask] ?? 0] ?? 0);
    // Prepared with the rules (prepareUndecided); built here only for rules prepared differently.
    if (!ordinary) {
      const shared = c.careUndecidedResults[raw]?.[ruleIndex];
      if (shared) return shared;
    }
    const careResponsibility =
      c.careUndecided[raw]?.[ruleIndex * 2 + settingIndex] ?? undecidedAnswer(rules, c, plan, raw, ruleIndex, settingIndex);
    return ordinary ? { careResponsibility, criteria } : (c.careUndecidedResults[raw]?.[ruleIndex] ?? { careResponsibility, criteria });
  }
  const municipality = o.party === 'kommun' ? s.municipality : null;
  const homeRegion = registered ? null : s.homeRegion;
  if (homeRegion !== null) {
    const clauses = view.clauses[ordinary ? 'ordinart' : 'sarskilt'];
    const careResponsibility: CareAnswer = Object.freeze({
      party: o.party,
      municipality,
      unit: o.unit ?? null,
      rule: view.id,
      title: view.title,
      reason: o.reason,
      notes: view.notes,
      clauses,
      missing: EMPTY,
      homeRegion,
    });
    return { careResponsibility, criteria };
  }
  const muni = municipality === null ? 9 : (c.municipalityIndex.get(municipality.code) ?? 9);
  const key = (ruleIndex * 2 + settingIndex) * 10 + muni;
  if (!ordinary) {
    const shared = c.careDecidedResults[key];
    if (shared) return shared;
  }
  let careResponsibility = c.careDecided[key];
  if (!careResponsibility) {
    const clauses = view.clauses[ordinary ? 'ordinart' : 'sarskilt'];
    careResponsibility = Object.freeze({
      party: o.party,
      municipality,
      unit: o.unit ?? null,
      rule: view.id,
      title: view.title,
      reason: o.reason,
      notes: view.notes,
      clauses,
      missing: EMPTY,
      homeRegion,
    });
    c.careDecided[key] = careResponsibility;
  }
  if (!ordinary) {
    const shared: CareResult = Object.freeze({ careResponsibility, criteria: NO_CRITERIA });
    c.careDecidedResults[key] = shared;
    return shared;
  }
  // In ordinary housing the criteria are the cell's: a fresh pair is cheaper than a cache of pairs per criteria cell.
  return { careResponsibility, criteria };
}
