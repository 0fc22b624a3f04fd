/**
 * Every field a client can send, read from the service's own OpenAPI document: the property names
 * of each operation's body (nested objects and list items included), its query parameters and its
 * path parameters — so a test of "every field has a Swedish name" covers routes added later.
 */
import type { OpenApiRoute } from '../testing/openapi-routes.testkit.js';

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The property names anywhere in `schema` (following `$ref`s into `doc`), each once. */
export function propertyNames(schema: unknown, doc: unknown, seen = new Set<unknown>()): Set<string> {
  const names = new Set<string>();
  const walk = (s: unknown): void => {
    if (!isObject(s) || seen.has(s)) return;
    seen.add(s);
    const ref = s['$ref'];
    if (typeof ref === 'string' && ref.startsWith('#/')) {
      let target: unknown = doc;
      for (const part of ref.slice(2).split('/')) target = isObject(target) ? target[part] : undefined;
      walk(target);
    }
    if (isObject(s['properties'])) {
      for (const [name, sub] of Object.entries(s['properties'])) {
        names.add(name);
        walk(sub);
      }
    }
    for (const key of ['items', 'additionalProperties', 'not', 'if', 'then', 'else']) walk(s[key]);
    if (isObject(s['patternProperties'])) Object.values(s['patternProperties']).forEach(walk);
    for (const key of ['anyOf', 'oneOf', 'allOf', 'prefixItems']) if (Array.isArray(s[key])) (s[key] as unknown[]).forEach(walk);
  };
  walk(schema);
  return names;
}

/** `[route, field]` for every field a client sends to the routes. */
export function clientFields(routes: readonly OpenApiRoute[], doc: unknown): { readonly route: string; readonly field: string }[] {
  return routes.flatMap((r) => {
    const route = `${r.method} ${r.path}`;
    return [
      ...r.pathParams.map((field) => ({ route, field })),
      ...r.query.flatMap((q) => [{ route, field: q.name }, ...[...propertyNames(q.schema, doc)].map((field) => ({ route, field }))]),
      ...[...propertyNames(r.body, doc)].map((field) => ({ route, field })),
    ];
  });
}
