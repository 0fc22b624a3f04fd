/**
 * Turn schema validation failures (Ajv errors from the TypeBox route schemas) into one
 * SAMV_ERR_INVALID_INPUT with a Swedish message that names the field by its Swedish name
 * (language/field-names.ts), e.g. "Fältet ”Roll” har ett otillåtet värde." The JSON path stays
 * machine-readable beside it: `location.field` (`body.role`), and every failure is listed in
 * `details` as `{ field, label, message }`.
 */
import type { FastifySchemaValidationError } from 'fastify';
import { maskPersonnummer, SamverkanError } from '@samverkan/core';
import { fieldDisplayName } from '../language/field-names.js';

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

/** Where the part is, in words, for a problem with the part as a whole. */
const partWords: Readonly<Record<SchemaErrorDataVar, string>> = {
  body: 'begärans innehåll',
  querystring: 'adressens frågedel',
  params: 'adressen',
  headers: 'huvudena',
};

/** A key the client made up is named back, but never a personnummer inside it, nor all of a huge one. */
function safeKey(text: string): string {
  const masked = maskPersonnummer(text);
  return masked.length > MAX_FIELD_NAME ? `${masked.slice(0, MAX_FIELD_NAME - 1)}…` : masked;
}

/** The path segments of a failure below the part (`products`, `0`, `kind`). */
function segmentsOf(e: FastifySchemaValidationError): string[] {
  const path = e.instancePath === '' ? [] : e.instancePath.replace(/^\//, '').split('/');
  const extra =
    e.keyword === 'required' && typeof e.params['missingProperty'] === 'string'
      ? e.params['missingProperty']
      : e.keyword === 'additionalProperties' && typeof e.params['additionalProperty'] === 'string'
        ? e.params['additionalProperty']
        : undefined;
  // JSON Pointer escapes (~1 = /, ~0 = ~) undone, so a key reads as the client wrote it.
  return [...path, ...(extra === undefined ? [] : [extra])].map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function fieldOf(segments: readonly string[], part: SchemaErrorDataVar): string {
  return safeKey([partLabels[part], ...segments].join('.'));
}

/**
 * The field in Swedish: its display name, with where it sits when nested ("Typ (Produkter nr 1)");
 * a list position (`inList`: the schema path went through `items`) is counted from 1 and a key that
 * is data (a municipality code) follows after a comma. A key the client made up (`unknown`) is
 * named as written.
 */
function labelOf(segments: readonly string[], part: SchemaErrorDataVar, unknown: boolean, inList: boolean): string {
  const names: string[] = [];
  segments.forEach((s, i) => {
    const last = i === segments.length - 1;
    const known = unknown && last ? undefined : fieldDisplayName(s);
    if (inList && /^\d+$/.test(s) && names.length > 0)
      names[names.length - 1] = `${names[names.length - 1] ?? ''} nr ${String(Number(s) + 1)}`;
    else if (known !== undefined) names.push(known);
    else if (names.length > 0 && !(unknown && last)) names[names.length - 1] = `${names[names.length - 1] ?? ''}, ${safeKey(s)}`;
    else names.push(safeKey(s));
  });
  const main = names.at(-1);
  if (main === undefined) return partWords[part];
  return names.length === 1 ? main : `${main} (${names.slice(0, -1).join(', ')})`;
}

/** The message; a problem with the part as a whole names the part ("Begärans innehåll …"), not a field. */
function messageOf(e: FastifySchemaValidationError, label: string, topLevel: boolean): string {
  const text = fieldMessage(e, label, topLevel);
  const field = `Fältet ”${label}”`;
  return topLevel && text.startsWith(field) ? `${label.charAt(0).toUpperCase()}${label.slice(1)}${text.slice(field.length)}` : text;
}

function fieldMessage(e: FastifySchemaValidationError, label: string, topLevel: boolean): string {
  const field = `”${label}”`;
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
      return topLevel && t === 'object'
        ? `Begäran saknar ${label === partWords.body ? 'en JSON-kropp' : `innehåll i ${label}`}.`
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
      return `Fältet ${field} måste ha minst ${num('limit')} ${num('limit') === '1' ? 'nyckel' : 'nycklar'}.`;
    case 'maxProperties':
      return `Fältet ${field} får ha högst ${num('limit')} ${num('limit') === '1' ? 'nyckel' : 'nycklar'}.`;
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
  const details: { field: string; label: string; message: string; omitted?: number }[] = errors.slice(0, MAX_REPORTED_PROBLEMS).map((e) => {
    const segments = segmentsOf(e);
    const label = labelOf(segments, part, e.keyword === 'additionalProperties', /\/(?:prefixI|i)tems(?:\/|$)/.test(e.schemaPath));
    return { field: fieldOf(segments, part), label, message: messageOf(e, label, segments.length === 0) };
  });
  const omitted = errors.length - details.length;
  if (omitted > 0)
    details.push({ field: partLabels[part], label: partWords[part], message: `… och ${String(omitted)} fel till.`, omitted });
  const first = details[0] ?? { field: partLabels[part], label: partWords[part], message: `Begäran är ogiltig (${partWords[part]}).` };
  return new SamverkanError('SAMV_ERR_INVALID_INPUT', first.message, { field: first.field }, details);
}
