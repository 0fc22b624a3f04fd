/**
 * The Ansvarsguide's evaluation: a pure, total function from a validated situation to an answer.
 * All rule logic lives in the compiled tables (load-rules.ts); here each question is one cell
 * number computed from the inputs and one array load, and the answer is assembled from rule views
 * prepared at load time. Only undecided answers compute anything more (their missing inputs).
 */
import type { Agreement } from '../agreement/load.js';
import { SamverkanError } from '../errors.js';
import type { Answer } from './answer.js';
import { ANSWER_SCHEMA_VERSION } from './answer.js';
import { cachesOf, unionMissing } from './assess-cache.js';
import { assessCareResponsibility } from './assess-care.js';
import { shownCriteria, withDecidingClauses } from './criteria-relevance.js';
import {
  careRuleDigit,
  handoverAnswers,
  performingAnswer,
  physicianAnswer,
  productAnswers,
  visionHearingAnswer,
} from './assess-questions.js';
import type { ResponsibilityRules } from './load-rules.js';
import type { Situation } from './situation.js';

export { assessCareResponsibility } from './assess-care.js';
export { timeBandOf } from './assess-questions.js';

/**
 * Answer every question for one situation: health-care responsibility with the criteria, physician,
 * each product asked about, who performs and whether it is billed, vision/hearing ombud billing,
 * the duties that always hold and the handover routines — each decision with rule and clauses.
 */
export function assess(agreement: Pick<Agreement, 'meta'>, rules: ResponsibilityRules, s: Situation): Answer {
  if (agreement.meta.id !== rules.agreement.id || agreement.meta.version !== rules.agreement.version) {
    throw new SamverkanError('SAMV_ERR_INTERNAL', 'Regeltabellerna hör till en annan avtalsversion än den som efterfrågas.');
  }
  const c = cachesOf(rules);
  const care = assessCareResponsibility(rules, s);
  const criteria = shownCriteria(rules, care.careResponsibility, care.criteria);
  const careResponsibility = withDecidingClauses(rules, care.careResponsibility, criteria);
  const physician = physicianAnswer(rules, c, s);
  const products = productAnswers(rules, c, s, careResponsibility);
  const careDigit = careRuleDigit(rules, careResponsibility);
  const performing = performingAnswer(rules, c, s, careResponsibility, careDigit);
  const visionHearing = visionHearingAnswer(rules, c, s, careResponsibility, careDigit);
  const lists = [careResponsibility.missing, physician.missing, performing.missing];
  for (const p of products) lists.push(p.missing);
  return {
    schemaVersion: ANSWER_SCHEMA_VERSION,
    agreement: rules.agreement.answerRef,
    date: s.date,
    careResponsibility,
    criteria,
    missing: unionMissing(c, lists),
    physician,
    products,
    performing,
    visionHearing,
    duties: rules.duties[s.housing === 'ordinart' ? 'ordinart' : 'sarskilt'],
    handover: handoverAnswers(rules, c, s, careDigit),
  };
}
