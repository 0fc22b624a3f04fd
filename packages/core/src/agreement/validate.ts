/**
 * Validation of one parsed data file against its schema, turning schema errors into Swedish
 * messages that name the file, the path inside it and the offending value (the loader adds the
 * line). Unions are reported once, as the allowed values or as the matching `kind` branch's
 * problems, never as a list of every branch that failed.
 */
import Value from 'typebox/value';
import { Settings } from 'typebox/system';
import type { TSchema, Static } from 'typebox';
import { SamverkanError } from '../errors.js';
import { describeValue, expectedPhrase, reasonFor, schemaAt, type SchemaError } from './schema-messages.js';

/** One problem found in an agreement data file. */
export interface DataProblem {
  readonly file: string;
  /** JSON pointer into the file, e.g. `/parameters/3/unit`. */
  readonly path: string;
  readonly value: unknown;
  readonly message: string;
  /** 1-based line in the file, when the loader could locate the path. */
  readonly line?: number;
}

/** The value at a JSON pointer (`/a/0/b`) inside `root`, or undefined. */
function valueAt(root: unknown, pointer: string): unknown {
  if (pointer === '' || pointer === '/') return root;
  let cur: unknown = root;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}

function problem(file: string, path: string, value: unknown, reason: string): DataProblem {
  const at = path || '/';
  return { file, path: at, value, message: `${file}: ogiltigt värde ${describeValue(value)} vid ${at}: ${reason}.` };
}

/** Problems of a failed union (`anyOf`) at `e.instancePath`; `base` is where `data` sits in the file. */
function unionProblems(file: string, root: TSchema, data: unknown, e: SchemaError, base: string): DataProblem[] {
  const union = schemaAt(root, e.schemaPath);
  const branches = (union?.['anyOf'] ?? []) as Record<string, unknown>[];
  const value = valueAt(data, e.instancePath);
  if (branches.length > 0 && branches.every((b) => 'const' in b)) {
    const allowed = branches.map((b) => String(b['const'])).join(', ');
    return [problem(file, base + e.instancePath, value, `tillåtna värden är ${allowed}`)];
  }
  const kindOf = (b: Record<string, unknown>): unknown =>
    (b['properties'] as Record<string, Record<string, unknown>> | undefined)?.['kind']?.['const'];
  if (branches.length > 0 && branches.every((b) => kindOf(b) !== undefined)) {
    const kind = valueAt(value, '/kind');
    const branch = branches.find((b) => kindOf(b) === kind);
    if (!branch) {
      const allowed = branches.map((b) => String(kindOf(b))).join(', ');
      return [problem(file, `${base}${e.instancePath}/kind`, kind, `tillåtna värden för kind är ${allowed}`)];
    }
    return collect(file, branch, value, base + e.instancePath);
  }
  return [problem(file, base + e.instancePath, value, `ska vara ${branches.map(expectedPhrase).join(' eller ')}`)];
}

/** Collect every schema problem of `data` as Swedish messages naming file, path and value. */
export function schemaProblems(file: string, schema: TSchema, data: unknown): DataProblem[] {
  return collect(file, schema, data, '');
}

/** Every schema error: TypeBox buffers only 8 by default, which can cut off a union's own error. */
function allErrors(schema: TSchema, data: unknown): SchemaError[] {
  const previous = Settings.Get().maxErrors;
  Settings.Set({ maxErrors: 100_000 });
  try {
    return [...Value.Errors(schema, data)] as SchemaError[];
  } finally {
    Settings.Set({ maxErrors: previous });
  }
}

function collect(file: string, schema: TSchema, data: unknown, base: string): DataProblem[] {
  const errors = allErrors(schema, data);
  const unions = errors.filter((e) => e.keyword === 'anyOf');
  const insideFailedUnion = (e: SchemaError): boolean => unions.some((u) => u !== e && e.schemaPath.startsWith(`${u.schemaPath}/anyOf/`));
  const problems: DataProblem[] = [];
  const seen = new Set<string>();
  const add = (p: DataProblem): void => {
    if (seen.has(p.path)) return;
    seen.add(p.path);
    problems.push(p);
  };
  for (const e of errors) {
    if (insideFailedUnion(e)) continue;
    if (e.keyword === 'boolean' && e.schemaPath.endsWith('additionalProperties')) continue;
    if (e.keyword === 'anyOf') {
      unionProblems(file, schema, data, e, base).forEach(add);
    } else if (e.keyword === 'additionalProperties') {
      for (const key of (e.params['additionalProperties'] as unknown[] | undefined) ?? []) {
        const v = valueAt(data, `${e.instancePath}/${String(key)}`);
        const p = `${base}${e.instancePath}/${String(key)}`;
        add({
          file,
          path: p,
          value: v,
          message: `${file}: okänd nyckel "${String(key)}" vid ${p} (värde ${describeValue(v)}); kontrollera stavning och indrag.`,
        });
      }
    } else if (e.keyword === 'required') {
      for (const key of (e.params['requiredProperties'] as unknown[] | undefined) ?? []) {
        const p = `${base}${e.instancePath}/${String(key)}`;
        add({ file, path: p, value: undefined, message: `${file}: nyckeln "${String(key)}" saknas vid ${base + e.instancePath || '/'}.` });
      }
    } else {
      add(problem(file, base + e.instancePath, valueAt(data, e.instancePath), reasonFor(e, schemaAt(schema, e.schemaPath))));
    }
  }
  return problems;
}

/** Validate `data` and return it typed, or throw `SAMV_ERR_AGREEMENT_DATA` listing every problem. */
export function validateFile<S extends TSchema>(file: string, schema: S, data: unknown): Static<S> {
  const problems = schemaProblems(file, schema, data);
  if (problems.length > 0) throw dataError(problems);
  return data as Static<S>;
}

/** The same problem with its line: the message's `file:` prefix becomes `file rad N:`. */
export function atLine(p: DataProblem, line: number | undefined): DataProblem {
  if (line === undefined || p.line !== undefined) return p;
  const prefix = `${p.file}: `;
  const message = p.message.startsWith(prefix) ? `${p.file} rad ${String(line)}: ${p.message.slice(prefix.length)}` : p.message;
  return { ...p, line, message };
}

/** Build the error for a list of problems (the first message leads; all are in `details`). */
export function dataError(problems: readonly DataProblem[]): SamverkanError {
  const first = problems[0];
  const more = problems.length > 1 ? ` (och ${String(problems.length - 1)} fel till)` : '';
  const location = first
    ? { file: first.file, path: first.path, value: first.value, ...(first.line === undefined ? {} : { line: first.line }) }
    : {};
  return new SamverkanError(
    'SAMV_ERR_AGREEMENT_DATA',
    `Avtalsdata är ogiltiga: ${first?.message ?? 'okänt fel'}${more}`,
    location,
    problems,
  );
}
