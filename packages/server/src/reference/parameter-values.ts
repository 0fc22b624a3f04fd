/**
 * Parameter values decided after the agreement data was shipped (a new rate, a revised amount):
 * stored as versions with validity, source and decision reference, changed only by
 * administrators, every change audited. The agreement's own values stay in parameters.yaml; the
 * effective parameter set (effective-agreement.ts) lays the stored values over them.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { invalidInput, parseDate, SamverkanError, Temporal, type Agreement, type Parameter } from '@samverkan/core';
import type { Store } from '../store/db.js';
import type { Database, ParameterValueRow } from '../store/schema.js';
import { flag, toFlag } from '../store/flag.js';
import { nowIso } from '../store/clock.js';
import { appendAudit } from '../audit/append-audit.js';

/** A recorded parameter value as the API shows it. */
export interface ParameterValueView {
  readonly id: string;
  readonly parameterId: string;
  readonly validFrom: string;
  readonly validTo: string | null;
  /** Integer (öre, minutes, counts) or exact decimal text. */
  readonly value: number | string;
  readonly baseYear: number | null;
  readonly source: string;
  readonly decisionRef: string;
  readonly version: number;
  readonly demo: boolean;
  readonly recordedAt: string;
  readonly recordedBy: string;
}

/** A new parameter value. */
export interface ParameterValueInput {
  readonly parameterId: string;
  readonly validFrom: string;
  readonly validTo?: string | undefined;
  readonly value: number | string;
  readonly baseYear?: number | undefined;
  readonly source: string;
  readonly decisionRef: string;
  readonly demo?: boolean;
}

/** Units whose values may be exact decimals; all others are integers (öre, minutes, counts). */
const decimalUnits = new Set(['percent', 'ratio', 'hours']);

/** The stored text as the value type parameters.yaml uses. */
export function parameterValueOf(text: string): number | string {
  return /^-?\d+$/.test(text) ? Number(text) : text;
}

function normaliseValue(parameter: Parameter, value: number | string): string {
  const text = String(value).trim().replace(',', '.');
  if (/^-?\d+$/.test(text)) {
    if (!Number.isSafeInteger(Number(text))) throw invalidInput('value', `value: ${text} är för stort.`, value);
    return text;
  }
  if (/^-?\d+\.\d+$/.test(text) && decimalUnits.has(parameter.unit)) return text;
  const what = decimalUnits.has(parameter.unit)
    ? 'ett heltal eller decimaltal (t.ex. 47.18)'
    : `ett heltal i enheten ${parameter.unit}${parameter.unit.startsWith('ore') ? ' (öre: 640 kr skrivs 64000)' : ''}`;
  throw invalidInput('value', `value: "${String(value)}" ska vara ${what} för parametern ${parameter.id}.`, value);
}

function view(r: ParameterValueRow): ParameterValueView {
  return {
    id: r.id,
    parameterId: r.parameter_id,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    value: parameterValueOf(r.value),
    baseYear: r.base_year,
    source: r.source,
    decisionRef: r.decision_ref,
    version: r.version,
    demo: flag(r.demo),
    recordedAt: r.recorded_at,
    recordedBy: r.recorded_by,
  };
}

/** Record a new version of a parameter value from `validFrom` (validated; audited). */
export async function recordParameterValue(
  store: Store,
  agreement: Agreement,
  input: ParameterValueInput,
  actor: string,
): Promise<ParameterValueView> {
  const parameter = agreement.parameters.get(input.parameterId);
  if (!parameter) {
    throw new SamverkanError(
      'SAMV_ERR_NOT_FOUND',
      `parameterId: parametern "${input.parameterId}" finns inte i avtalet (se GET /api/v1/parameters).`,
      {
        field: 'parameterId',
        value: input.parameterId,
      },
    );
  }
  const from = parseDate(input.validFrom, 'validFrom');
  if (input.validTo !== undefined && Temporal.PlainDate.compare(parseDate(input.validTo, 'validTo'), from) < 0) {
    throw invalidInput('validTo', `validTo: ${input.validTo} ligger före validFrom ${input.validFrom}.`, input.validTo);
  }
  if (parameter.indexation && input.baseYear === undefined) {
    throw invalidInput(
      'baseYear',
      `baseYear: parametern ${parameter.id} indexeras med ${parameter.indexation.series}; ange vilket års nivå värdet är i.`,
    );
  }
  const value = normaliseValue(parameter, input.value);
  return store.transaction(async (trx) => {
    const previous = await trx
      .selectFrom('parameter_values')
      .selectAll()
      .where('parameter_id', '=', parameter.id)
      .where('valid_from', '=', input.validFrom)
      .orderBy('version', 'desc')
      .limit(1)
      .executeTakeFirst();
    const next: ParameterValueRow = {
      id: randomUUID(),
      parameter_id: parameter.id,
      valid_from: input.validFrom,
      valid_to: input.validTo ?? null,
      value,
      base_year: input.baseYear ?? null,
      source: input.source.trim(),
      decision_ref: input.decisionRef.trim(),
      version: (previous?.version ?? 0) + 1,
      demo: toFlag(input.demo ?? false),
      recorded_at: nowIso(),
      recorded_by: actor,
    };
    await trx
      .insertInto('parameter_values')
      .values({ ...next, demo: toFlag(input.demo ?? false) })
      .execute();
    const after = view(next);
    await appendAudit(trx, {
      actor,
      action: previous ? 'new-version' : 'create',
      entity: 'parameter_values',
      entityId: `${parameter.id}@${input.validFrom}`,
      before: previous ? view(previous) : null,
      after,
    });
    return after;
  });
}

/** Every recorded version (oldest first), or only the current version per parameter and start date. */
export async function listParameterValues(db: Kysely<Database>, history = false): Promise<ParameterValueView[]> {
  const rows = await db
    .selectFrom('parameter_values')
    .selectAll()
    .orderBy('parameter_id')
    .orderBy('valid_from')
    .orderBy('version')
    .execute();
  if (history) return rows.map(view);
  const current = new Map<string, ParameterValueRow>();
  for (const r of rows) current.set(`${r.parameter_id}@${r.valid_from}`, r);
  return [...current.values()].map(view);
}
