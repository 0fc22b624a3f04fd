/**
 * One gate for everything a person writes over HTTP: every string of every body, query and path
 * (keys included) is checked before a handler sees it. Refused: control characters (NUL reaches
 * PostgreSQL as error 22021; none belongs in free text), unpaired surrogates (would be stored as
 * U+FFFD), and anything that looks like a personnummer (422, the field named, the value never
 * echoed). The walk follows the route's schema only to find exemptions: strings that are system
 * identifiers (`format: "uuid"` or `"x-samverkan-not-text": true`) skip the personnummer check.
 * Being generic, it covers routes added later without their authors doing anything.
 */
import { containsPersonnummer, refusePersonnummer, SamverkanError } from '@samverkan/core';
import type { FastifyRequest } from 'fastify';
import type { App } from './app-context.js';

/** Schema annotation for a string that is a system identifier, not text a person wrote. */
export const NOT_TEXT = 'x-samverkan-not-text';

type Schema = Record<string, unknown>;

function isSchema(v: unknown): v is Schema {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

// C0 controls except tab, line feed and carriage return, plus DEL.
// eslint-disable-next-line no-control-regex
const controlCharacter = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Refuse control characters and unpaired surrogates in `value` (400, naming `field`). */
export function refuseUnsafeText(value: string, field: string): void {
  const control = controlCharacter.exec(value);
  if (control !== null) {
    const code = (control[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
    throw new SamverkanError(
      'SAMV_ERR_INVALID_INPUT',
      `Fältet ${field} innehåller ett otillåtet styrtecken (U+${code}). Ta bort det och försök igen.`,
      { field },
    );
  }
  if (loneSurrogate.test(value)) {
    throw new SamverkanError('SAMV_ERR_INVALID_INPUT', `Fältet ${field} innehåller ogiltig Unicode (ett ensamt surrogattecken).`, {
      field,
    });
  }
}

/** The one check for a string a person wrote: safe characters and no personnummer. */
export function checkWrittenText(value: string, field: string, identifier = false): void {
  refuseUnsafeText(value, field);
  if (!identifier) refusePersonnummer(value, { field });
}

// Schemas are fixed once routes are registered: their flattened alternatives and identifier flag
// are worked out once per schema object, not on every string of every request.
const alternativesOf = new WeakMap<Schema, readonly Schema[]>();
const identifierOf = new WeakMap<Schema, boolean>();

/** The alternatives a value may match (unions flattened). */
function alternatives(schema: unknown): readonly Schema[] {
  if (!isSchema(schema)) return [];
  let known = alternativesOf.get(schema);
  if (known === undefined) {
    known = flatten(schema);
    alternativesOf.set(schema, known);
  }
  return known;
}

function flatten(schema: Schema): Schema[] {
  const list = (key: string): unknown[] => {
    const v = schema[key];
    return Array.isArray(v) ? (v as unknown[]) : [];
  };
  const nested = [...list('anyOf'), ...list('oneOf'), ...list('allOf')];
  return [schema, ...nested.flatMap((s: unknown) => alternatives(s))];
}

function isIdentifier(schema: unknown): boolean {
  if (!isSchema(schema)) return false;
  let known = identifierOf.get(schema);
  if (known === undefined) {
    known = identifierSchema(schema);
    identifierOf.set(schema, known);
  }
  return known;
}

function identifierSchema(schema: Schema): boolean {
  const strings = alternatives(schema).filter((s) => s['type'] === 'string');
  return strings.length > 0 && strings.every((s) => s['format'] === 'uuid' || s[NOT_TEXT] === true);
}

const compiledPatterns = new Map<string, RegExp>();

/** A schema's property-name pattern, compiled once (the patterns are the routes' own, a fixed few). */
function patternOf(source: string): RegExp {
  let re = compiledPatterns.get(source);
  if (re === undefined) {
    re = new RegExp(source, 'u');
    compiledPatterns.set(source, re);
  }
  return re;
}

function propertySchema(schema: unknown, key: string): unknown {
  for (const s of alternatives(schema)) {
    const props = s['properties'];
    if (isSchema(props) && key in props) return props[key];
    const patterns = s['patternProperties'];
    if (isSchema(patterns)) for (const [p, sub] of Object.entries(patterns)) if (patternOf(p).test(key)) return sub;
    if (isSchema(s['additionalProperties'])) return s['additionalProperties'];
  }
  return undefined;
}

function itemSchema(schema: unknown, index: number): unknown {
  for (const s of alternatives(schema)) {
    const prefix = s['prefixItems'];
    if (Array.isArray(prefix) && index < prefix.length) return prefix[index];
    if (isSchema(s['items'])) return s['items'];
  }
  return undefined;
}

/** Shortest text the personnummer pattern can match (YYMMDDNNNN). */
const SHORTEST_PERSONNUMMER = 10;

/** The cheap test every string passes through; only a failing one is examined for its message. */
function needsRefusal(value: string, identifier: boolean): boolean {
  return (
    controlCharacter.test(value) ||
    loneSurrogate.test(value) ||
    (!identifier && value.length >= SHORTEST_PERSONNUMMER && containsPersonnummer(value))
  );
}

/** Check every string in `value` (keys too) as written text, `field` naming where it sits. */
export function checkWrittenValue(value: unknown, schema: unknown, field: string): void {
  if (typeof value === 'string') {
    const identifier = isIdentifier(schema);
    // Field names are built only for a refusal: a 1 MB body of short strings stays cheap.
    if (needsRefusal(value, identifier)) checkWrittenText(value, field, identifier);
  } else if (Array.isArray(value)) {
    const items = value as unknown[];
    for (let i = 0; i < items.length; i++) {
      const item = items[i];
      if (typeof item === 'string' && !needsRefusal(item, false)) continue;
      checkWrittenValue(item, itemSchema(schema, i), `${field}.${String(i)}`);
    }
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      if (needsRefusal(key, false)) checkWrittenText(key, field); // named by its parent, never echoed
      // Numbers, booleans and null hold no text: no schema to look up for them.
      if (typeof item !== 'string' && (typeof item !== 'object' || item === null)) continue;
      // A wildcard route's "*" parameter is the rest of the path: name it "path".
      checkWrittenValue(item, propertySchema(schema, key), key === '*' && field === 'path' ? field : `${field}.${key}`);
    }
  }
}

// A whole UUID (8-4-4-4-12 hex digits): the address of a stored record.
const uuidShape = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The path's parameters and the query's. One that is exactly a UUID addresses a stored record (a
 * basis, an import) and is not text a person wrote: its hex groups can by chance read as a
 * personnummer ("…3f121212-1212-…"), which refused a random basis id with 422 now and then (a
 * test run, December 2026). Any other value — a personnummer typed into the address — is checked
 * as written text. Bodies are not exempted: a UUID-shaped reference a person wrote is still
 * screened (core record-key tests).
 */
function checkAddressValues(values: unknown, schema: unknown, field: 'path' | 'query'): void {
  if (typeof values !== 'object' || values === null) {
    checkWrittenValue(values, schema, field);
    return;
  }
  for (const [key, value] of Object.entries(values as Record<string, unknown>)) {
    if (typeof value === 'string' && value.length === 36 && uuidShape.test(value)) continue;
    checkWrittenValue({ [key]: value }, schema, field);
  }
}

/** The route's schema for one part of the request. */
function routeSchema(request: FastifyRequest, part: 'body' | 'querystring' | 'params'): unknown {
  const schema = request.routeOptions.schema as Record<string, unknown> | undefined;
  return schema?.[part] ?? (part === 'querystring' ? schema?.['query'] : undefined);
}

function decodedPath(url: string): string {
  const path = url.split('?')[0] ?? '';
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/** Parsed JSON (plain objects and arrays), not a file stream. */
function isJsonValue(body: unknown): boolean {
  if (typeof body !== 'object' || body === null) return typeof body === 'string';
  const proto: unknown = Object.getPrototypeOf(body);
  return Array.isArray(body) || proto === Object.prototype || proto === null;
}

// Printable ASCII only: no control character, no surrogate, no percent-escape to decode.
const plainAscii = /^[\x20-\x24\x26-\x7e]*$/;

/** The gate over the path and the query (every request, 404s too); throws the refusal. */
export function checkPathAndQuery(request: FastifyRequest): void {
  const url = request.url;
  // Most URLs are plain ASCII without escapes: nothing to decode, no character to refuse.
  const plain = plainAscii.test(url);
  const query = url.indexOf('?');
  const path = plain ? (query === -1 ? url : url.slice(0, query)) : decodedPath(url);
  if (!plain) refuseUnsafeText(path, 'path');
  // An unknown route has no parameters; its whole path is what the person typed.
  if (request.is404) refusePersonnummer(path, { field: 'path' });
  else checkAddressValues(request.params, routeSchema(request, 'params'), 'path');
  checkAddressValues(request.query, routeSchema(request, 'querystring'), 'query');
}

/** Install the gate over bodies once parsed (path and query: `checkPathAndQuery`, from the first onRequest hook, request-start.ts). */
export function installTextGate(app: App): void {
  app.addHook('preValidation', (request, _reply, done) => {
    try {
      if (request.body !== undefined && isJsonValue(request.body)) checkWrittenValue(request.body, routeSchema(request, 'body'), 'body');
      done();
    } catch (e) {
      done(e as Error);
    }
  });
}
