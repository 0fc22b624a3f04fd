/**
 * What the economy flows need from an agreement: its identity, parameters, interpretations and
 * municipalities. A loaded `Agreement` satisfies this; the narrower type keeps the flows honest
 * about what they read.
 */
import { SamverkanError } from '../errors.js';
import type { Agreement } from '../agreement/load.js';
import type { Parameter } from '../agreement/schema.js';

/** The part of an agreement the economy flows read. */
export type EconomyData = Pick<Agreement, 'meta' | 'parameters' | 'interpretations' | 'municipalities'>;

/** The parameter `id`; a missing one is an agreement-data error naming it. */
export function requireParameter(data: EconomyData, id: string): Parameter {
  const p = data.parameters.get(id);
  if (!p) {
    throw new SamverkanError('SAMV_ERR_AGREEMENT_DATA', `Avtalsdata saknar parametern ${id} (parameters.yaml).`, {
      file: 'parameters.yaml',
      field: id,
    });
  }
  return p;
}
