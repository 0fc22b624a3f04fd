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
  unionMissing,
  type Caches,
  type CareResult,
  type CriteriaEntry,
} from './assess-cache.js';
import { careSpace, criteriaSpace } from './inputs.js';
import type { CompiledCriterion, ResponsibilityRules } from './load-rules.js';
import type { Situation, Tri } from './situation.js';

function criteriaCell(s: Situation): number {
  const st = criteriaSpace.strides;
  const cfsDigit = s.cfs === null ? 9 : s.cfs - 1;
  return (
    s.safeAtHome * (st[0] ?? 0) +
    s.needOver14Days * (st[1] ?? 0) +
    cfsDigit * (st[2] ?? 0) +
    s.cognitiveImpairment * (st[3] ?? 0) +
    s.cannotReachHealthCentre * (st[4] ?? 0)
  );
}

function criteriaEntry(rules: ResponsibilityRules, c: Caches, critCell: number): CriteriaEntry {
  const hit = c.criteria[critCell];
  if (hit) return hit;
  const st = careSpace.strides;
  let careOffset = 0;
  const missingByCareDim: (readonly string[] | undefined)[] = [];
  const answers = rules.criteria.map((crit: CompiledCriterion, i): CriterionAnswer => {
    const status = crit.table.rules[crit.table.winner[critCell] ?? 0]?.outcome ?? 'unknown';
    const digit: Tri = status === 'met' ? 1 : status === 'not_met' ? 0 : 2;
    careOffset += digit * (st[4 + i] ?? 0);
    const dims = status === 'unknown' ? crit.table.missingDims(critCell) : [];
    const names = dims.length === 0 ? EMPTY : Object.freeze(dims.map((d) => criteriaSpace.dims[d]?.name ?? ''));
    const careDim = careSpace.byName.get(crit.id);
    if (careDim !== undefined) missingByCareDim[careDim] = names;
    return Object.freeze({ id: crit.id, number: crit.number, title: crit.title, status, clause: crit.clause, missing: names });
  });
  const entry: CriteriaEntry = {
    careOffset,
    answers: Object.freeze(answers),
    missingByCareDim,
    undecided: new Map(),
    missingByMask: new Map(),
  };
  c.criteria[critCell] = entry;
  return entry;
}

function broken(): SamverkanError {
  return new SamverkanError('SAMV_ERR_INTERNAL', 'Regeltabellen för hälso- och sjukvårdsansvar är trasig.');
}

/**
 * The missing inputs of an undecided care cell: each missing criterion stands for its own missing
 * inputs. Remembered per criteria cell and mask, and interned, so 100 000 situations build a few
 * hundred lists, not one per cell.
 */
function undecidedMissing(c: Caches, crit: CriteriaEntry, mask: number): readonly string[] {
  const hit = crit.missingByMask.get(mask);
  if (hit) return hit;
  const names: string[] = [];
  for (let d = 0; d < careSpace.dims.length; d++) {
    if (((mask >> d) & 1) === 0) continue;
    const name = careSpace.dims[d]?.name ?? '';
    names.push(...(crit.missingByCareDim[d] ?? [name]));
  }
  const sorted = [...new Set(names)].sort((a, b) => rankOf(c, a) - rankOf(c, b));
  const key = sorted.join('\u0000');
  let list = c.missingLists.get(key);
  if (!list) {
    list = unionMissing(c, [Object.freeze(sorted)]);
    c.missingLists.set(key, list);
  }
  crit.missingByMask.set(mask, list);
  return list;
}

/**
 * The care question alone: the answer and the criteria. The hot path is arithmetic and array
 * loads; answers are built once per (criteria cell, rule, setting, municipality or missing mask)
 * and shared — the result is frozen, do not mutate it.
 */
export function assessCareResponsibility(rules: ResponsibilityRules, s: Situation): CareResult {
  const c = cachesOf(rules);
  const critCell = criteriaCell(s);
  const crit = criteriaEntry(rules, c, critCell);
  const st = careSpace.strides;
  const registered = s.municipality !== null;
  const ordinary = s.housing === 'ordinart';
  const cell =
    (registered ? 1 : 0) * (st[0] ?? 0) +
    s.storsjoglantan * (st[1] ?? 0) +
    s.atDayActivity * (st[2] ?? 0) +
    housingIndex(s.housing) * (st[3] ?? 0) +
    crit.careOffset +
    s.prefersHealthCentre * (st[8] ?? 0) +
    s.preferenceRisksSafety * (st[9] ?? 0);
  const ruleIndex = rules.care.table.winner[cell] ?? 0;
  const settingIndex = ordinary ? 0 : 1;
  const view = rules.care.views[ruleIndex];
  if (!view) throw broken();
  const o = view.outcome;
  const criteria = ordinary ? crit.answers : NO_CRITERIA;
  if (o.party === 'undecided') {
    const mask = rules.care.table.missingMasks[cell] ?? 0;
    const key = (mask * rules.care.views.length + ruleIndex) * 2 + settingIndex;
    let result = crit.undecided.get(key);
    if (!result) {
      const missing = undecidedMissing(c, crit, mask);
      let byRule = c.careUndecided.get(missing);
      if (!byRule) {
        byRule = new Array<CareAnswer | undefined>(rules.care.views.length * 2).fill(undefined);
        c.careUndecided.set(missing, byRule);
      }
      let careResponsibility = byRule[ruleIndex * 2 + settingIndex];
      if (!careResponsibility) {
        const clauses = view.clauses[ordinary ? 'ordinart' : 'sarskilt'];
        careResponsibility = Object.freeze({
          party: o.party,
          municipality: null,
          unit: null,
          rule: view.id,
          title: view.title,
          reason: o.reason,
          notes: view.notes,
          clauses,
          missing,
          homeRegion: null,
        });
        byRule[ruleIndex * 2 + settingIndex] = careResponsibility;
      }
      result = Object.freeze({ careResponsibility, criteria });
      crit.undecided.set(key, result);
    }
    return result;
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
  let careResponsibility = c.careDecided[key];
  if (!careResponsibility) {
    if (c.careDecided.length === 0) for (let k = 0; k < rules.care.views.length * 20; k++) c.careDecided.push(undefined);
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
  // A fresh pair is cheaper than a per-criteria-cell cache of pairs (which would touch more memory).
  return { careResponsibility, criteria };
}
