/**
 * The routes of a running server, read from its own `/api/openapi.json` at test time, so tests
 * that must cover "every route" (bounds, the personnummer gate, the fuzzer) include routes added
 * after they were written.
 */

/** A JSON schema as the OpenAPI document holds it. */
export type JsonSchema = Record<string, unknown>;

/** One operation of the document. */
export interface OpenApiRoute {
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** As documented, e.g. `/api/v1/disputes/{id}`. */
  readonly path: string;
  readonly pathParams: readonly string[];
  /** Query parameters with their schemas. */
  readonly query: readonly { readonly name: string; readonly schema: JsonSchema; readonly required: boolean }[];
  /** The JSON body schema, when the operation takes one. */
  readonly body: JsonSchema | undefined;
  /** Content types the operation's body may have. */
  readonly bodyTypes: readonly string[];
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Every operation of the OpenAPI document `doc`. */
export function routesOf(doc: unknown): OpenApiRoute[] {
  const paths = isObject(doc) && isObject(doc['paths']) ? doc['paths'] : {};
  const out: OpenApiRoute[] = [];
  for (const [path, item] of Object.entries(paths)) {
    if (!isObject(item)) continue;
    for (const m of METHODS) {
      const op = item[m];
      if (!isObject(op)) continue;
      const params = Array.isArray(op['parameters']) ? op['parameters'].filter(isObject) : [];
      const content = isObject(op['requestBody']) && isObject(op['requestBody']['content']) ? op['requestBody']['content'] : {};
      const json = isObject(content['application/json']) ? content['application/json'] : undefined;
      out.push({
        method: m.toUpperCase() as OpenApiRoute['method'],
        path,
        pathParams: params.filter((p) => p['in'] === 'path').map((p) => String(p['name'])),
        query: params
          .filter((p) => p['in'] === 'query')
          .map((p) => ({ name: String(p['name']), schema: isObject(p['schema']) ? p['schema'] : {}, required: p['required'] === true })),
        body: json !== undefined && isObject(json['schema']) ? json['schema'] : undefined,
        bodyTypes: Object.keys(content),
      });
    }
  }
  return out;
}

/** Fetch and read the document of the server at `url`. */
export async function fetchRoutes(url: string): Promise<{ doc: unknown; routes: OpenApiRoute[] }> {
  const res = await fetch(`${url}/api/openapi.json`);
  if (res.status !== 200) throw new Error(`openapi.json: ${String(res.status)}`);
  const doc: unknown = await res.json();
  return { doc, routes: routesOf(doc) };
}

/** `path` with each `{param}` replaced by `value(param)`. */
export function fillPath(route: OpenApiRoute, value: (param: string) => string): string {
  return route.path.replace(/\{([^}]+)\}/g, (_m, name: string) => encodeURIComponent(value(name)));
}

/** Every place in `schema` where a string sits, as a dotted path (`parties.0`, `factors.0.name`), with its schema. */
export function stringSpots(schema: unknown, prefix = ''): { path: string; schema: JsonSchema }[] {
  if (!isObject(schema)) return [];
  const spots: { path: string; schema: JsonSchema }[] = [];
  const alternatives = [
    ...(Array.isArray(schema['anyOf']) ? schema['anyOf'] : []),
    ...(Array.isArray(schema['oneOf']) ? schema['oneOf'] : []),
  ];
  const stringAlt = [schema, ...alternatives].find((s) => isObject(s) && s['type'] === 'string' && !('const' in s) && !('enum' in s));
  if (isObject(stringAlt)) spots.push({ path: prefix, schema: stringAlt });
  for (const alt of [schema, ...alternatives]) {
    if (!isObject(alt)) continue;
    if (isObject(alt['properties']))
      for (const [k, s] of Object.entries(alt['properties'])) spots.push(...stringSpots(s, prefix === '' ? k : `${prefix}.${k}`));
    if (isObject(alt['items'])) spots.push(...stringSpots(alt['items'], prefix === '' ? '0' : `${prefix}.0`));
    if (isObject(alt['patternProperties']))
      for (const s of Object.values(alt['patternProperties'])) spots.push(...stringSpots(s, prefix === '' ? '2380' : `${prefix}.2380`));
  }
  return spots;
}

/** A value with `text` placed at the dotted `path` (numeric segments become arrays). */
export function valueAt(path: string, text: string): unknown {
  const parts = path.split('.');
  let v: unknown = text;
  for (let i = parts.length - 1; i >= 0; i--) {
    const k = parts[i] ?? '';
    v = /^\d$/.test(k) ? [v] : { [k]: v };
  }
  return v;
}
