/**
 * The agreement as calculations should see it: the shipped data with the administrators' recorded
 * parameter values laid over it. A recorded value with the same start date as a shipped one
 * replaces it; any other is added. Its source names the decision, so traces show where it came from.
 */
import type { Kysely } from 'kysely';
import type { Agreement, Parameter } from '@samverkan/core';
import type { Database } from '../store/schema.js';
import { listParameterValues, type ParameterValueView } from './parameter-values.js';

/** Merge recorded values into the agreement's parameters (pure). */
export function mergeParameterValues(agreement: Agreement, recorded: readonly ParameterValueView[]): Agreement {
  if (recorded.length === 0) return agreement;
  const parameters = new Map<string, Parameter>(agreement.parameters);
  for (const r of recorded) {
    const p = parameters.get(r.parameterId);
    if (!p) continue;
    const value = {
      validFrom: r.validFrom,
      ...(r.validTo === null ? {} : { validTo: r.validTo }),
      value: r.value,
      ...(r.baseYear === null ? {} : { baseYear: r.baseYear }),
      source: `${r.source} (beslut ${r.decisionRef})`,
    };
    parameters.set(p.id, {
      ...p,
      values: [...p.values.filter((v) => v.validFrom !== r.validFrom), value].sort((a, b) => (a.validFrom < b.validFrom ? -1 : 1)),
    });
  }
  return { ...agreement, parameters };
}

/** The effective agreement for a calculation now. */
export async function effectiveAgreement(db: Kysely<Database>, agreement: Agreement): Promise<Agreement> {
  return mergeParameterValues(agreement, await listParameterValues(db));
}
