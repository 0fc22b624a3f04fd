/**
 * The care question: the four criteria (one lookup in the criteria tables per combination of
 * their inputs) and the health-care responsibility (one lookup in the care table).
 */
import { SamverkanError } from '../errors.js';
import type { CareAnswer, CriterionAnswer } from './answer.js';
import { cachesOf, EMPTY, housingIndex, NO_CRITERIA, rankOf, unionMissing, type Caches, type CriteriaEntry } from './assess-cache.js';
import { careSpace, criteriaSpace } from './inputs.js';
import type { CompiledCriterion, ResponsibilityRules } from './load-rules.js';
import type { Situation, Tri } from './situation.js';

function criteriaCell(s: Situation): number {
  const st = criteriaSpace.strides;
  const cfsDigit = s.cfs === null ? 9 : s.cfs - 1;
  return s.safeAtHome * (st[0] ?? 0) + s.needOver14Days * (st[1] ?? 0) + cfsDigit * (st[2] ?? 0) + s.cognitiveImpairment * (st[3] ?? 0) + s.cannotReachHealthCentre * (st[4] ?? 0);
}

function criteriaEntry(rules: ResponsibilityRules, c: Caches, critCell: number): CriteriaEntry {
  const hit = c.criteria[critCell];
  if (hit) return hit;
  const st = careSpace.strides;
  let careOffset = 0;
  const missing = new Map<string, readonly string[]>();
  const answers = rules.criteria.map((crit: CompiledCriterion, i): CriterionAnswer => {
    const status = crit.table.rules[crit.table.winner[critCell] ?? 0]?.outcome ?? 'unknown';
    const digit: Tri = status === 'met' ? 1 : status === 'not_met' ? 0 : 2;
    careOffset += digit * (st[4 + i] ?? 0);
    const dims = status === 'unknown' ? crit.table.missingDims(critCell) : [];
    const names = dims.length === 0 ? EMPTY : Object.freeze(dims.map((d) => criteriaSpace.dims[d]?.name ?? ''));
    missing.set(crit.id, names);
    return Object.freeze({ id: crit.id, number: crit.number, title: crit.title, status, clause: crit.clause, missing: names });
  });
  const entry: CriteriaEntry = { careOffset, answers: Object.freeze(answers), missing };
  c.criteria[critCell] = entry;
  return entry;
}

/** The care question alone: the answer and the criteria. */
export function assessCareResponsibility(
  rules: ResponsibilityRules,
  s: Situation,
): { readonly careResponsibility: CareAnswer; readonly criteria: readonly CriterionAnswer[] } {
  const c = cachesOf(rules);
  const critCell = criteriaCell(s);
  const crit = criteriaEntry(rules, c, critCell);
  const st = careSpace.strides;
  const registered = s.municipality !== null;
  const cell =
    (registered ? 1 : 0) * (st[0] ?? 0) +
    s.storsjoglantan * (st[1] ?? 0) +
    s.atDayActivity * (st[2] ?? 0) +
    housingIndex(s.housing) * (st[3] ?? 0) +
    crit.careOffset +
    s.prefersHealthCentre * (st[8] ?? 0) +
    s.preferenceRisksSafety * (st[9] ?? 0);
  const ruleIndex = rules.care.table.winner[cell] ?? 0;
  const criteria = s.housing === 'ordinart' ? crit.answers : NO_CRITERIA;
  const settingIndex = s.housing === 'ordinart' ? 0 : 1;
  const view = rules.care.views[ruleIndex];
  if (!view) throw new SamverkanError('SAMV_ERR_INTERNAL', 'Regeltabellen för hälso- och sjukvårdsansvar är trasig.');
  const o = view.outcome;
  const setting = settingIndex === 0 ? 'ordinart' : 'sarskilt';
  if (o.party === 'undecided') {
    const key = cell * criteriaSpace.size + critCell;
    let answer = c.careUndecided.get(key);
    if (!answer) {
      const names: (readonly string[])[] = rules.care.table.missingDims(cell).map((d) => {
        const name = careSpace.dims[d]?.name ?? '';
        return crit.missing.get(name) ?? [name];
      });
      const missing = unionMissing(c, [Object.freeze([...new Set(names.flat())].sort((a, b) => rankOf(c, a) - rankOf(c, b)))]);
      answer = Object.freeze({ party: o.party, municipality: null, unit: null, rule: view.id, title: view.title, reason: o.reason, notes: view.notes, clauses: view.clauses[setting], missing, homeRegion: null });
      c.careUndecided.set(key, answer);
    }
    return { careResponsibility: answer, criteria };
  }
  const municipality = o.party === 'kommun' ? s.municipality : null;
  const homeRegion = registered ? null : s.homeRegion;
  const build = (): CareAnswer =>
    Object.freeze({ party: o.party, municipality, unit: o.unit ?? null, rule: view.id, title: view.title, reason: o.reason, notes: view.notes, clauses: view.clauses[setting], missing: EMPTY, homeRegion });
  if (homeRegion !== null) return { careResponsibility: build(), criteria };
  const muni = municipality === null ? 9 : (c.municipalityIndex.get(municipality.code) ?? 9);
  const key = (ruleIndex * 2 + settingIndex) * 10 + muni;
  let answer = c.careDecided.get(key);
  if (!answer) {
    answer = build();
    c.careDecided.set(key, answer);
  }
  return { careResponsibility: answer, criteria };
}

