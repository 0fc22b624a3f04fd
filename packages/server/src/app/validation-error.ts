/**
 * Turn schema validation failures (Ajv errors from the TypeBox route schemas) into one
 * SAMV_ERR_INVALID_INPUT with a Swedish message that names the field, e.g.
 * "Fältet body.role har ett otillåtet värde." Every failure is also listed in `details`.
 */
import type { FastifySchemaValidationError } from 'fastify';
import { maskPersonnummer, SamverkanError } from '@samverkan/core';

/** A field name made up by the client is cut to this many characters when named back. */
export const MAX_FIELD_NAME = 120;

/** At most this many problems are listed in `details`; the rest are counted (the body stays small). */
export const MAX_REPORTED_PROBLEMS = 50;

/** The part of the request a schema validated. */
export type SchemaErrorDataVar = 'body' | 'headers' | 'params' | 'querystring';

const partLabels: Readonly<Record<SchemaErrorDataVar, string>> = {
  body: 'body',
  querystring: 'query',
  params: 'path',
  headers: 'header',
};

function fieldOf(e: FastifySchemaValidationError, part: SchemaErrorDataVar): string {
  const path = e.instancePath.replace(/^\//, '').replace(/\//g, '.');
  const extra =
    e.keyword === 'required' && typeof e.params['missingProperty'] === 'string'
      ? e.params['missingProperty']
      : e.keyword === 'additionalProperties' && typeof e.params['additionalProperty'] === 'string'
        ? e.params['additionalProperty']
        : '';
  // A key the client made up is named back, but never a personnummer inside it, nor all of a huge one.
  const field = maskPersonnummer([partLabels[part], path, extra].filter((s) => s !== '').join('.'));
  return field.length > MAX_FIELD_NAME ? `${field.slice(0, MAX_FIELD_NAME - 1)}…` : field;
}

function messageOf(e: FastifySchemaValidationError, field: string): string {
  const p = e.params;
  const num = (k: string): string => (typeof p[k] === 'number' ? String(p[k]) : '?');
  switch (e.keyword) {
    case 'required':
      return `Fältet ${field} saknas.`;
    case 'additionalProperties':
      return `Fältet ${field} är okänt (stavfel?).`;
    case 'type': {
      const t = typeof p['type'] === 'string' ? p['type'] : 'rätt typ';
      const sv: Record<string, string> = {
        string: 'en text',
        integer: 'ett heltal',
        number: 'ett tal',
        boolean: 'sant eller falskt',
        object: 'ett objekt',
        array: 'en lista',
        null: 'tomt (null)',
      };
      return field.split('.').length === 1 && t === 'object'
        ? `Begäran saknar en JSON-kropp (${field}).`
        : `Fältet ${field} måste vara ${sv[t] ?? t}.`;
    }
    case 'minLength':
      return num('limit') === '1' ? `Fältet ${field} får inte vara tomt.` : `Fältet ${field} måste vara minst ${num('limit')} tecken.`;
    case 'maxLength':
      return `Fältet ${field} får vara högst ${num('limit')} tecken.`;
    case 'minimum':
      return `Fältet ${field} måste vara minst ${num('limit')}.`;
    case 'maximum':
      return `Fältet ${field} får vara högst ${num('limit')}.`;
    case 'minItems':
      return `Fältet ${field} måste ha minst ${num('limit')} element.`;
    case 'maxItems':
      return `Fältet ${field} får ha högst ${num('limit')} element.`;
    case 'minProperties':
      return `Fältet ${field} måste ha minst ${num('limit')} nycklar.`;
    case 'maxProperties':
      return `Fältet ${field} får ha högst ${num('limit')} nycklar.`;
    case 'x-samverkan-finite':
      return `Fältet ${field} måste vara ett ändligt tal.`;
    case 'pattern':
    case 'format':
      return `Fältet ${field} har fel format.`;
    case 'const':
    case 'enum':
    case 'anyOf':
    case 'oneOf':
      return `Fältet ${field} har ett otillåtet värde.`;
    default:
      return `Fältet ${field} är ogiltigt.`;
  }
}

/**
 * Fastify `schemaErrorFormatter`: the first failure names the field; `details` lists the first
 * `MAX_REPORTED_PROBLEMS` and then one entry counting the rest.
 */
export function validationError(errors: FastifySchemaValidationError[], part: SchemaErrorDataVar): Error {
  const details: { field: string; message: string; omitted?: number }[] = errors.slice(0, MAX_REPORTED_PROBLEMS).map((e) => {
    const field = fieldOf(e, part);
    return { field, message: messageOf(e, field) };
  });
  const omitted = errors.length - details.length;
  if (omitted > 0) details.push({ field: partLabels[part], message: `… och ${String(omitted)} fel till.`, omitted });
  const first = details[0] ?? { field: partLabels[part], message: `Begäran är ogiltig (${partLabels[part]}).` };
  return new SamverkanError('SAMV_ERR_INVALID_INPUT', first.message, { field: first.field }, details);
}
