/**
 * Validation of one parsed data file against its schema, turning schema errors into Swedish
 * messages that name the file, the path inside it and the offending value.
 */
import Value from 'typebox/value';
import type { TSchema, Static } from 'typebox';
import { SamverkanError } from '../errors.js';

/** One problem found in an agreement data file. */
export interface DataProblem {
  readonly file: string;
  /** JSON pointer into the file, e.g. `/parameters/3/unit`. */
  readonly path: string;
  readonly value: unknown;
  readonly message: string;
}

function valueAt(root: unknown, pointer: string): unknown {
  if (pointer === '') return root;
  let cur: unknown = root;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}

function describe(value: unknown): string {
  if (value === undefined) return 'saknas';
  const s = JSON.stringify(value);
  return s.length > 60 ? s.slice(0, 57) + '…' : s;
}

/** Collect every schema problem of `data` as Swedish messages naming file, path and value. */
export function schemaProblems(file: string, schema: TSchema, data: unknown): DataProblem[] {
  const problems: DataProblem[] = [];
  const seen = new Set<string>();
  for (const e of Value.Errors(schema, data)) {
    const params = e.params as Record<string, unknown>;
    let path = e.instancePath;
    let message: string;
    if (e.keyword === 'additionalProperties') {
      const extra = (params['additionalProperties'] as unknown[] | undefined) ?? [];
      for (const key of extra) {
        const p = `${path}/${String(key)}`;
        if (seen.has(p)) continue;
        seen.add(p);
        problems.push({ file, path: p, value: valueAt(data, p), message: `${file}: okänd nyckel "${String(key)}" vid ${p || '/'} (värde ${describe(valueAt(data, p))}).` });
      }
      continue;
    }
    if (e.keyword === 'boolean' && e.schemaPath.endsWith('additionalProperties')) continue;
    if (e.keyword === 'required') {
      const missing = (params['requiredProperties'] as unknown[] | undefined) ?? [];
      for (const key of missing) {
        const p = `${path}/${String(key)}`;
        if (seen.has(p)) continue;
        seen.add(p);
        problems.push({ file, path: p, value: undefined, message: `${file}: nyckeln "${String(key)}" saknas vid ${path || '/'}.` });
      }
      continue;
    }
    path = path || '/';
    if (seen.has(path)) continue;
    seen.add(path);
    const v = valueAt(data, e.instancePath);
    message = `${file}: ogiltigt värde ${describe(v)} vid ${path} (${e.message}).`;
    problems.push({ file, path, value: v, message });
  }
  return problems;
}

/** Validate `data` and return it typed, or throw `SAMV_ERR_AGREEMENT_DATA` listing every problem. */
export function validateFile<S extends TSchema>(file: string, schema: S, data: unknown): Static<S> {
  const problems = schemaProblems(file, schema, data);
  if (problems.length > 0) throw dataError(problems);
  return data as Static<S>;
}

/** Build the error for a list of problems (the first message leads; all are in `details`). */
export function dataError(problems: readonly DataProblem[]): SamverkanError {
  const first = problems[0];
  const more = problems.length > 1 ? ` (och ${problems.length - 1} fel till)` : '';
  return new SamverkanError(
    'SAMV_ERR_AGREEMENT_DATA',
    `Avtalsdata är ogiltiga: ${first?.message ?? 'okänt fel'}${more}`,
    first ? { file: first.file, path: first.path, value: first.value } : {},
    problems,
  );
}
