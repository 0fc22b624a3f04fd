/**
 * What every calculation route reads besides its body: the effective agreement (shipped data
 * plus the administrators' recorded parameter values), the current index values from the store,
 * and the interpretation choices of the body, validated with Swedish errors naming the field.
 */
import Type from 'typebox';
import { invalidInput, type Agreement, type IndexSeries, type InterpretationChoices } from '@samverkan/core';
import type { AppContext } from '../../app/app-context.js';
import { calculationReference } from '../../reference/reference-cache.js';

/** `interpretations: { "I7": "quarter-hour" }` — options other than the defaults (I1–I15). */
export const InterpretationsSchema = Type.Optional(
  Type.Record(Type.String({ pattern: '^I\\d+$' }), Type.String({ pattern: '^[A-Za-z0-9._-]+$' }), {
    description: 'Tolkningsval, t.ex. { "I7": "quarter-hour" }',
  }),
);

/** Validate interpretation choices against the agreement. */
export function parseChoices(agreement: Agreement, given: Readonly<Record<string, string>> | undefined): InterpretationChoices {
  const choices: Record<string, string> = {};
  for (const [id, option] of Object.entries(given ?? {})) {
    const it = agreement.interpretations.get(id);
    if (!it) throw invalidInput(`interpretations.${id}`, `interpretations.${id}: tolkningen ${id} finns inte (I1–I15).`, id);
    if (!it.options.some((o) => o.id === option)) {
      throw invalidInput(
        `interpretations.${id}`,
        `interpretations.${id}: ${id} har inget alternativ "${option}". Välj ett av: ${it.options.map((o) => o.id).join(', ')}.`,
        option,
      );
    }
    choices[id] = option;
  }
  return choices;
}

/** The agreement and index values a calculation uses now (cached while nothing is recorded, reference-cache.ts). */
export async function calculationInputs(ctx: AppContext): Promise<{ agreement: Agreement; index: IndexSeries }> {
  return calculationReference(ctx.store.db, ctx.agreement);
}
