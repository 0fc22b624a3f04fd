/**
 * Swedish reasons for schema errors: the person editing the YAML by hand should read what the
 * value must be ("ska vara ett datum ÅÅÅÅ-MM-DD"), not the validator's English keyword.
 */
import { ClauseIdPattern } from './schema.js';

/** The shape of one TypeBox validation error that this module reads. */
export interface SchemaError {
  readonly keyword: string;
  readonly schemaPath: string;
  readonly instancePath: string;
  readonly params: Readonly<Record<string, unknown>>;
  readonly message: string;
}

type SchemaNode = Readonly<Record<string, unknown>>;

/** The sub-schema at a schema path such as `#/properties/documents/items/properties/renewal`. */
export function schemaAt(root: unknown, schemaPath: string): SchemaNode | undefined {
  let cur: unknown = root;
  for (const raw of schemaPath.replace(/^#/, '').split('/').slice(1)) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[raw.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return cur !== null && typeof cur === 'object' ? (cur as SchemaNode) : undefined;
}

/** A value as the message shows it: JSON, shortened; `saknas` when absent. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'saknas';
  const s = JSON.stringify(value);
  return s.length > 60 ? s.slice(0, 57) + '…' : s;
}

const typeNames: Readonly<Record<string, string>> = {
  string: 'text',
  integer: 'ett heltal',
  number: 'ett tal',
  boolean: 'true eller false',
  array: 'en lista',
  object: 'ett objekt med nycklar',
  null: 'tomt (null)',
};

/** What a string with `pattern` must look like, as a noun phrase. */
function patternPhrase(pattern: string): string {
  if (pattern === '^\\d{4}-\\d{2}-\\d{2}$') return 'ett datum ÅÅÅÅ-MM-DD';
  if (pattern === ClauseIdPattern) return 'ett klausul-id som ORD.ansvarsfordelning';
  if (pattern === '^[A-Z]+$') return 'ett dokument-id med versaler, t.ex. ORD';
  if (pattern === '^I\\d+$') return 'ett tolknings-id som I9';
  if (pattern === '^-?\\d+(\\.\\d+)?$') return 'ett decimaltal inom citattecken, t.ex. "1.5"';
  return `text som matchar mönstret ${pattern}`;
}

/** What a value of sub-schema `node` must be, as a noun phrase ("ett heltal"). */
export function expectedPhrase(node: SchemaNode): string {
  if ('const' in node) return describeValue(node['const']);
  if (typeof node['pattern'] === 'string') return patternPhrase(node['pattern']);
  const t = node['type'];
  return typeof t === 'string' ? (typeNames[t] ?? t) : 'ett tillåtet värde';
}

/** Swedish reason for one schema error; `node` is the failing sub-schema when known. */
export function reasonFor(e: SchemaError, node: SchemaNode | undefined): string {
  const limit = describeValue(e.params['limit']);
  switch (e.keyword) {
    case 'type':
      return `ska vara ${node ? expectedPhrase(node) : 'av rätt typ'}`;
    case 'format':
      return e.params['format'] === 'date'
        ? 'ska vara ett giltigt datum ÅÅÅÅ-MM-DD (månad 01–12, dag som finns i månaden)'
        : `ska ha formatet ${String(e.params['format'])}`;
    case 'pattern':
      return `ska vara ${patternPhrase(typeof node?.['pattern'] === 'string' ? node['pattern'] : describeValue(e.params['pattern']))}`;
    case 'minimum':
      return `ska vara minst ${limit}`;
    case 'maximum':
      return `ska vara högst ${limit}`;
    case 'exclusiveMinimum':
      return `ska vara större än ${limit}`;
    case 'exclusiveMaximum':
      return `ska vara mindre än ${limit}`;
    case 'minLength':
      return limit === '1' ? 'får inte vara tom' : `ska ha minst ${limit} tecken`;
    case 'maxLength':
      return `får ha högst ${limit} tecken`;
    case 'minItems':
      return `ska ha minst ${limit} element`;
    case 'maxItems':
      return `får ha högst ${limit} element`;
    case 'enum':
      return `tillåtna värden är ${((e.params['allowedValues'] as unknown[] | undefined) ?? []).map(String).join(', ')}`;
    case 'const':
      return `ska vara ${describeValue(e.params['allowedValue'])}`;
    default:
      return `uppfyller inte schemat (${e.message})`;
  }
}
