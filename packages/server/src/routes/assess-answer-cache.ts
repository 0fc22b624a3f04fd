/**
 * The serialized answers of recent assessments. An answer is a pure function of the validated
 * situation, the day, `explain` and the reference data (rules, rates, index values), and the
 * guide asks the same few situations over and over (every visitor walks the same questions), so
 * the JSON text of a recent answer is sent again instead of assessing and serializing ~24 KB
 * anew (issue 11). Every request still passes the text gate, the schema and the personnummer
 * refusal before it gets here. Bound: `MAX_ANSWERS` answers per reference version; a recorded
 * parameter or index value makes a new reference object, and with it an empty cache. The cache
 * itself is the one the price route uses (calculations/recent-answers.ts).
 */
import { RecentAnswers } from '../calculations/recent-answers.js';
import type { CalculationReference } from '../reference/reference-cache.js';

/** Answers kept per reference version (each ~25 KB, so at most a few MB). */
export const MAX_ANSWERS = 200;

const assessAnswers = new RecentAnswers(MAX_ANSWERS);

/** The answer's JSON bytes for `key` under `reference`, computed by `answer` when not recent. */
export function cachedAnswer(reference: CalculationReference, key: string, answer: () => unknown): Buffer {
  return assessAnswers.bytes(reference, key, answer);
}
