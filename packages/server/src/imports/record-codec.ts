/**
 * The one codec of `import_rows.data_json` (decision 0210). A record's fields are stored as a JSON
 * array of their values in the kind's field order (`["2026-09-15","15:20","2313","region",[122,11,9,33,false],…]`),
 * not as an object that repeats every field name on every row: a third of the bytes. Every
 * reader decodes through `decodeRecordData`, which gives back the object the importer built,
 * with its keys in the same order (so `JSON.stringify` of it is the text older versions stored).
 *
 * What does not fit its kind's layout exactly (an unknown field, a field out of order, null in an
 * optional field, a kind without a layout) is stored as the object's JSON as before: the text
 * tells the form (`[` compact, `{` object), so both forms are read alike and no row is ever lost
 * to the encoding. Layouts only grow at their end: an array stored earlier must keep its meaning.
 */
import { hash } from 'node:crypto';

/** A field of a layout: `name` (required), `name?` (optional: absent is stored as null), or a nested object. */
type Field = string | readonly [string, Layout];
type Layout = readonly Field[];

interface CompiledField {
  readonly key: string;
  readonly optional: boolean;
  readonly nested: readonly CompiledField[] | undefined;
}

const minutes: Layout = ['intervention', 'administration', 'reporting', 'travel', 'travelCombinable'];

/** Field order per kind: the order in which each kind's `read` builds its `data` (imports/kinds/*). */
const layouts: Readonly<Record<string, Layout>> = {
  'daytime-assignments': [
    'date',
    'start',
    'lender',
    'hirer',
    ['minutes', minutes],
    'storsjoglantan',
    'registeredMunicipality',
    'homeRegion?',
    'reference?',
  ],
  'ombud-tasks': ['date', 'municipality', 'service', ['minutes', minutes], 'reference?'],
  'mt-work-orders': ['date', 'municipality', 'minutes', 'travelOre', 'consumablesOre', 'sparePartsOre', 'reference?'],
  'mt-inventory': ['snapshotDate', 'municipality', 'devices'],
  'inpatient-staff': ['date', 'municipality', 'document', 'agreementReference', 'kind', 'amountOre'],
  'connected-counts': ['year', 'count', 'source?'],
  'development-budgets': ['year', 'area', 'budgetOre', 'outcomeOre?'],
  population: ['date', 'municipality', 'population', 'source?'],
};

function compile(layout: Layout): readonly CompiledField[] {
  return layout.map((f) =>
    typeof f === 'string'
      ? { key: f.endsWith('?') ? f.slice(0, -1) : f, optional: f.endsWith('?'), nested: undefined }
      : { key: f[0], optional: false, nested: compile(f[1]) },
  );
}

const compiled = new Map(Object.entries(layouts).map(([kind, layout]) => [kind, compile(layout)]));

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * The values of `data` in layout order, or undefined when it does not fit exactly: its keys (those
 * whose value is not undefined, as JSON keeps them) must be the layout's, in the layout's order.
 */
function pack(data: Record<string, unknown>, fields: readonly CompiledField[]): unknown[] | undefined {
  const out: unknown[] = new Array<unknown>(fields.length);
  let at = 0;
  for (const key in data) {
    const value = data[key];
    if (value === undefined) continue;
    // Skip the optional fields this object leaves out; the next key must be the next field.
    while (at < fields.length && fields[at]?.key !== key) {
      const skipped = fields[at];
      if (skipped === undefined || !skipped.optional) return undefined;
      out[at] = null;
      at += 1;
    }
    const field = fields[at];
    if (field === undefined) return undefined;
    if (field.nested !== undefined) {
      if (!isObject(value)) return undefined;
      const inner = pack(value, field.nested);
      if (inner === undefined) return undefined;
      out[at] = inner;
    } else {
      // null in an optional field would read back as absent.
      if (field.optional && value === null) return undefined;
      out[at] = value;
    }
    at += 1;
  }
  for (; at < fields.length; at++) {
    if (!fields[at]?.optional) return undefined;
    out[at] = null;
  }
  return out;
}

function unpack(values: readonly Json[], fields: readonly CompiledField[]): Record<string, Json> {
  const out: Record<string, Json> = {};
  fields.forEach((f, i) => {
    const v = values[i] ?? null;
    if (f.optional && v === null) return;
    out[f.key] = f.nested !== undefined && Array.isArray(v) ? unpack(v, f.nested) : v;
  });
  return out;
}

/** The stored text of a record's fields: the compact array when they fit the kind's layout, else their JSON object. */
export function encodeRecordData(kind: string, data: Readonly<Record<string, unknown>>): string {
  const fields = compiled.get(kind);
  const packed = fields === undefined ? undefined : pack(data, fields);
  return JSON.stringify(packed ?? data);
}

/** The record's fields from their stored text (either form). */
export function decodeRecordData(kind: string, text: string): Record<string, Json> {
  const parsed = JSON.parse(text) as Json;
  if (!Array.isArray(parsed)) return parsed as Record<string, Json>;
  const fields = compiled.get(kind);
  if (fields === undefined) throw new Error(`import_rows: compact data of kind ${kind}, which has no layout`);
  return unpack(parsed, fields);
}

/** True when the stored text is the compact form. */
export function isCompact(text: string): boolean {
  return text.charCodeAt(0) === 0x5b;
}

/**
 * The text older versions stored for these fields (`JSON.stringify` of the object), from either
 * form: what the audit seals made before migration 0010 hashed (audit/object-digests.ts).
 */
export function legacyDataText(kind: string, text: string): string {
  return isCompact(text) ? JSON.stringify(decodeRecordData(kind, text)) : text;
}

/** The record columns a natural key covers besides the fields. */
export interface KeyedColumns {
  readonly period: string;
  readonly sellerCode: string | null;
  readonly buyerCode: string | null;
  readonly municipalityCode: string | null;
  readonly amountOre: number | null;
}

/**
 * The natural key of an event record (decision 0210): 132 bits of the SHA-256 of the kind, the
 * record's columns and its stored fields text, as 22 base64url characters. Unique per kind in the
 * database; a row the database skips as already stored is compared with the stored one field by
 * field (record-kind.ts), so a collision is refused, never taken for a duplicate.
 */
export function recordKey(kind: string, c: KeyedColumns, dataText: string): string {
  // One-shot hash (no Hash object per row).
  return hash(
    'sha256',
    JSON.stringify([kind, c.period, c.sellerCode, c.buyerCode, c.municipalityCode, c.amountOre]) + dataText,
    'base64url',
  ).slice(0, 22);
}

/** The key of a state record's value: unique per import, so importing A, B, A again stores A anew. */
export function stateKey(kind: string, c: KeyedColumns, dataText: string, importId: string): string {
  return hash(
    'sha256',
    JSON.stringify([kind, c.period, c.sellerCode, c.buyerCode, c.municipalityCode, c.amountOre, importId]) + dataText,
    'base64url',
  ).slice(0, 22);
}
