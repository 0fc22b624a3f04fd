/**
 * From raw input to the JSON answer, in one place, so that `samverkan assess --json` and the
 * server endpoint return exactly the same document.
 */
import type { Agreement } from '../agreement/load.js';
import type { Parameter } from '../agreement/schema.js';
import type { IndexSeries } from '../indexation/index-series.js';
import type { Answer } from './answer.js';
import { assess } from './assess.js';
import { explainAnswer } from './explain.js';
import type { ResponsibilityRules } from './load-rules.js';
import { ratesForDate } from './rates-for-date.js';
import { parseSituation } from './situation.js';

/** Index values (and the effective parameters) to show rates in the price level of the date asked. */
export interface RateLevel {
  readonly parameters: ReadonlyMap<string, Parameter>;
  readonly index: IndexSeries;
}

/** The answer, plus `explanation` (Swedish prose, see explain.ts) when asked for. */
export type AssessOutput = Answer & { readonly explanation?: string };

/** Validate raw input and answer it; `today` (ISO) is the date used when the input gives none. */
export function assessInput(
  agreement: Pick<Agreement, 'meta'>,
  rules: ResponsibilityRules,
  raw: unknown,
  options: { readonly today: string; readonly explain?: boolean; readonly rates?: RateLevel },
): AssessOutput {
  const assessed = assess(agreement, rules, parseSituation(raw, rules, options.today));
  const answer = options.rates ? ratesForDate(assessed, options.rates.parameters, options.rates.index) : assessed;
  return options.explain === true ? { ...answer, explanation: explainAnswer(answer) } : answer;
}
