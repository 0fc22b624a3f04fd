/**
 * Which criteria an answer shows, and which sentence it quotes first. The four ordinary-housing
 * criteria are shown only when the deciding care rule looks at them (R5–R8 in the data): listing
 * them as "okänt" for a visitor (R1) or a Storsjögläntan patient (R2) suggests they matter when
 * they do not. When a criterion that is not met decides (R7), its own clause is quoted first, so
 * the answer quotes the sentence that decided it rather than the criteria list's introduction.
 */
import type { CareAnswer, ClauseRef, CriterionAnswer } from './answer.js';
import { NO_CRITERIA } from './assess-cache.js';
import { criterionIds, careSpace } from './inputs.js';
import type { ResponsibilityRules } from './load-rules.js';

interface Relevance {
  /** Care rule id → whether its condition restricts any criterion. */
  readonly looksAtCriteria: ReadonlyMap<string, boolean>;
  /** Care answers with the deciding criteria's clauses first, by (shared) care answer and not-met mask. */
  readonly quoted: WeakMap<CareAnswer, (CareAnswer | undefined)[]>;
}

const relevanceOf = new WeakMap<ResponsibilityRules, Relevance>();

function relevance(rules: ResponsibilityRules): Relevance {
  let r = relevanceOf.get(rules);
  if (r) return r;
  const dims = criterionIds.map((id) => careSpace.dims.findIndex((d) => d.name === id));
  const full = (d: number): number => (1 << (careSpace.radices[d] ?? 0)) - 1;
  const looksAtCriteria = new Map<string, boolean>();
  for (const rule of rules.care.table.rules) {
    looksAtCriteria.set(
      rule.id,
      rule.boxes.some((box) => dims.some((d) => d >= 0 && box[d] !== full(d))),
    );
  }
  r = { looksAtCriteria, quoted: new WeakMap() };
  relevanceOf.set(rules, r);
  lastRules = rules;
  lastRelevance = r;
  return r;
}

// As in assess-cache.ts: one process nearly always asks one rules object, so remember the last.
let lastRules: ResponsibilityRules | undefined;
let lastRelevance: Relevance | undefined;

function relevanceFor(rules: ResponsibilityRules): Relevance {
  return rules === lastRules && lastRelevance ? lastRelevance : relevance(rules);
}

/** The criteria to show with `care`: all four when its rule looks at them, none otherwise. */
export function shownCriteria(
  rules: ResponsibilityRules,
  care: CareAnswer,
  criteria: readonly CriterionAnswer[],
): readonly CriterionAnswer[] {
  if (criteria.length === 0) return criteria;
  return relevanceFor(rules).looksAtCriteria.get(care.rule) === true ? criteria : NO_CRITERIA;
}

/** `care` with the clauses of the criteria that are not met (and so decided it) quoted first. */
export function withDecidingClauses(rules: ResponsibilityRules, care: CareAnswer, criteria: readonly CriterionAnswer[]): CareAnswer {
  if (care.party === 'undecided' || criteria.length === 0) return care;
  let mask = 0;
  for (let i = 0; i < criteria.length; i++) if (criteria[i]?.status === 'not_met') mask |= 1 << i;
  if (mask === 0) return care;
  // Decided care answers are shared objects (one per rule, setting and municipality), so the
  // quoted answer is remembered per answer; one with a home region is fresh, but R1 shows no criteria.
  const cache = relevanceFor(rules).quoted;
  let byMask = cache.get(care);
  if (!byMask) {
    byMask = [];
    cache.set(care, byMask);
  }
  let hit = byMask[mask];
  if (!hit) {
    const first: ClauseRef[] = criteria.filter((c) => c.status === 'not_met').map((c) => c.clause);
    const seen = new Set(first.map((c) => c.id));
    hit = Object.freeze({ ...care, clauses: Object.freeze([...first, ...care.clauses.filter((c) => !seen.has(c.id))]) });
    byMask[mask] = hit;
  }
  return hit;
}
