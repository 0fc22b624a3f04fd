/**
 * Bounded work per request: every route's body, query and path schema gets a default limit for
 * each string (`maxLength`), array (`maxItems`), object (`maxProperties`) and number
 * (`minimum`/`maximum`) that does not state its own. Applied in an `onRoute` hook, so a route
 * added tomorrow is bounded without anyone remembering to. A stated limit always wins; these
 * are ceilings for what nobody thought about (decision 0120).
 */
import type { App } from './app-context.js';

/** Default limits for schemas that state none. */
export const DEFAULT_BOUNDS = {
  /** Characters in one string: far above any free text the service takes (notes are ≤ 2 000). */
  maxLength: 10_000,
  /** Items in one array. */
  maxItems: 1_000,
  /** Keys in one object (records keyed by municipality, free-form maps). */
  maxProperties: 200,
  /** Numbers: finite and exact (also refuses `Infinity` and `1e400` coerced from a query). */
  minimum: -Number.MAX_SAFE_INTEGER,
  maximum: Number.MAX_SAFE_INTEGER,
} as const;

/**
 * Annotation added to every number: the value must be finite. Ajv's own `maximum` cannot say it:
 * a query's "Infinity" or "1e400" is coerced to Infinity, and Ajv only compares finite numbers.
 */
export const FINITE = 'x-samverkan-finite';

/** The Ajv keyword behind `FINITE` (register it with the validator). */
export const finiteKeyword = {
  keyword: FINITE,
  // No `type`: Ajv runs number keywords only on finite numbers, which is the very gap.
  schemaType: 'boolean',
  errors: false,
  validate: (required: boolean, data: unknown): boolean => !required || typeof data !== 'number' || Number.isFinite(data),
} as const;

/** The parts of a route schema that describe what a client sends. */
export const INPUT_SCHEMA_PARTS = ['body', 'querystring', 'query', 'params', 'headers'] as const;

type Json = Record<string | symbol, unknown>;

function isSchema(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function typesOf(s: Json): readonly string[] {
  const t = s['type'];
  if (typeof t === 'string') return [t];
  return Array.isArray(t) ? t.filter((x): x is string => typeof x === 'string') : [];
}

const SUBSCHEMA_LISTS = ['anyOf', 'oneOf', 'allOf', 'prefixItems'] as const;
const SUBSCHEMAS = ['items', 'additionalProperties', 'not', 'if', 'then', 'else', 'contains', 'propertyNames'] as const;
const SUBSCHEMA_MAPS = ['properties', 'patternProperties'] as const;

/**
 * A copy of `schema` with the default bounds added wherever a string, array, object or number
 * states none. Symbol keys (TypeBox's kind markers) are kept; the input is not changed.
 */
export function boundSchema<T>(schema: T): T {
  if (!isSchema(schema)) return schema;
  const out: Json = { ...schema };
  const types = typesOf(out);
  const fixed = 'const' in out || 'enum' in out;
  if (types.includes('string') && !fixed && out['maxLength'] === undefined) out['maxLength'] = DEFAULT_BOUNDS.maxLength;
  if (types.includes('array') && out['maxItems'] === undefined) out['maxItems'] = DEFAULT_BOUNDS.maxItems;
  if (types.includes('object') && out['maxProperties'] === undefined) out['maxProperties'] = DEFAULT_BOUNDS.maxProperties;
  if ((types.includes('number') || types.includes('integer')) && !fixed) {
    if (out['minimum'] === undefined && out['exclusiveMinimum'] === undefined) out['minimum'] = DEFAULT_BOUNDS.minimum;
    if (out['maximum'] === undefined && out['exclusiveMaximum'] === undefined) out['maximum'] = DEFAULT_BOUNDS.maximum;
    out[FINITE] = true;
  }
  for (const key of SUBSCHEMAS) if (isSchema(out[key])) out[key] = boundSchema(out[key]);
  for (const key of SUBSCHEMA_LISTS) {
    const list = out[key];
    if (Array.isArray(list)) out[key] = list.map((s: unknown) => boundSchema(s));
  }
  if (Array.isArray(out['items'])) out['items'] = (out['items'] as unknown[]).map((s) => boundSchema(s));
  for (const key of SUBSCHEMA_MAPS) {
    const map = out[key];
    if (isSchema(map)) out[key] = Object.fromEntries(Object.entries(map).map(([k, s]) => [k, boundSchema(s)]));
  }
  return out as T;
}

/** A place in a schema where a string, array, object or number has no bound. */
export interface UnboundedSpot {
  readonly path: string;
  readonly missing: string;
}

/** Every string/array/object/number in `schema` without a bound (for tests over the OpenAPI document). */
export function unboundedSpots(schema: unknown, path = ''): UnboundedSpot[] {
  if (!isSchema(schema)) return [];
  const found: UnboundedSpot[] = [];
  const types = typesOf(schema);
  const fixed = 'const' in schema || 'enum' in schema;
  if (types.includes('string') && !fixed && typeof schema['maxLength'] !== 'number') found.push({ path, missing: 'maxLength' });
  if (types.includes('array') && typeof schema['maxItems'] !== 'number') found.push({ path, missing: 'maxItems' });
  if (types.includes('object') && typeof schema['maxProperties'] !== 'number' && schema['additionalProperties'] !== false)
    found.push({ path, missing: 'maxProperties' });
  if ((types.includes('number') || types.includes('integer')) && !fixed) {
    if (typeof schema['minimum'] !== 'number' && typeof schema['exclusiveMinimum'] !== 'number') found.push({ path, missing: 'minimum' });
    if (typeof schema['maximum'] !== 'number' && typeof schema['exclusiveMaximum'] !== 'number') found.push({ path, missing: 'maximum' });
    if (schema[FINITE] !== true) found.push({ path, missing: FINITE });
  }
  for (const key of SUBSCHEMAS) found.push(...unboundedSpots(schema[key], `${path}/${key}`));
  for (const key of [...SUBSCHEMA_LISTS, 'items'] as const) {
    const list = schema[key];
    if (Array.isArray(list)) list.forEach((s: unknown, i) => found.push(...unboundedSpots(s, `${path}/${key}/${String(i)}`)));
  }
  for (const key of SUBSCHEMA_MAPS) {
    const map = schema[key];
    if (isSchema(map)) for (const [k, s] of Object.entries(map)) found.push(...unboundedSpots(s, `${path}/${key}/${k}`));
  }
  return found;
}

/** Install the hook; call before any route is registered (hooks reach routes added later, also in child scopes). */
export function installSchemaBounds(app: App): void {
  app.addHook('onRoute', (route) => {
    const schema = route.schema as Record<string, unknown> | undefined;
    if (schema === undefined) return;
    const bounded: Record<string, unknown> = { ...schema };
    for (const part of INPUT_SCHEMA_PARTS) if (schema[part] !== undefined) bounded[part] = boundSchema(schema[part]);
    route.schema = bounded;
  });
}
