/**
 * The allocation-key file format (YAML), parsed from text (the server reads the bytes). Validated
 * strictly: unknown keys, a missing or repeated municipality, weights that do not sum to exactly 1,
 * negative or non-numeric measures and a factor whose measures sum to zero are errors, in Swedish,
 * naming the file, the line and the path. Numbers may be written as YAML numbers (0.4) or as
 * quoted decimals with a point or a comma ("0,4"); they are read exactly, never as floats.
 *
 *   id: nyckel-2026
 *   title: Resursfördelningsnyckel 2026
 *   example: false
 *   decision: "Länsövergripande tjänstepersonsarena 2026-02-10 § 4"
 *   factors:
 *     - id: andel-aldre
 *       name: Andel äldre
 *       weight: "0,4"
 *       measure: Invånare 80 år och äldre
 *       source: SCB, folkmängd 2025-12-31
 *       values: { Berg: 1100, Bräcke: 1000, … }
 */
import { isNode, LineCounter, parseDocument, type Document } from 'yaml';
import Type, { type Static } from 'typebox';
import { addRational, compareRational, formatRational, parseDecimal, rational, type Rational } from '../decimal.js';
import { SamverkanError } from '../errors.js';
import { Strict, type Municipality } from '../agreement/schema.js';
import { schemaProblems } from '../agreement/validate.js';
import type { AllocationFactor, AllocationKey } from './allocation-key.js';
import { findMunicipality } from './municipality-lookup.js';

const Decimal = Type.Union([Type.Number(), Type.String({ pattern: '^\\s*-?\\d+([.,]\\d+)?\\s*$' })]);
const Text = Type.String({ minLength: 1 });

/** Schema of an allocation-key file (unknown keys are errors). */
export const AllocationKeyFileSchema = Strict({
  id: Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9._-]*$' }),
  title: Text,
  /** True when the values are invented: outputs are then labelled as examples. */
  example: Type.Boolean(),
  note: Type.Optional(Text),
  decision: Type.Optional(Text),
  factors: Type.Array(
    Strict({
      id: Type.String({ pattern: '^[a-z0-9][a-z0-9-]*$' }),
      name: Text,
      weight: Decimal,
      measure: Text,
      source: Text,
      decision: Type.Optional(Text),
      values: Type.Record(Type.String(), Decimal),
    }),
    { minItems: 1 },
  ),
});

type KeyFile = Static<typeof AllocationKeyFileSchema>;

function lineOf(doc: Document, counter: LineCounter, pointer: string): number | undefined {
  const keys = pointer
    .split('/')
    .slice(1)
    .map((k) => (/^\d+$/.test(k) ? Number(k) : k));
  for (let n = keys.length; n >= 0; n--) {
    const node: unknown = n === 0 ? doc.contents : doc.getIn(keys.slice(0, n), true);
    if (isNode(node) && node.range) return counter.linePos(node.range[0]).line;
  }
  return undefined;
}

/** Parse and validate an allocation key; `file` names it in every error. */
export function parseAllocationKey(text: string, file: string, municipalities: readonly Municipality[]): AllocationKey {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, uniqueKeys: true, prettyErrors: false });
  const fail = (path: string, message: string, value?: unknown): SamverkanError => {
    const line = lineOf(doc, counter, path);
    return new SamverkanError('SAMV_ERR_FILE_FORMAT', `${file}${line === undefined ? '' : ` rad ${String(line)}`}: ${message}`, {
      file,
      path,
      ...(line === undefined ? {} : { line }),
      ...(value === undefined ? {} : { value }),
    });
  };
  const syntax = doc.errors[0];
  if (syntax) {
    const line = counter.linePos(syntax.pos[0]).line;
    const what = syntax.code === 'DUPLICATE_KEY' ? 'samma nyckel förekommer två gånger' : 'YAML kunde inte läsas';
    throw new SamverkanError('SAMV_ERR_FILE_FORMAT', `${file} rad ${String(line)}: ${what}.`, { file, line });
  }
  const data: unknown = doc.toJS();
  const problems = schemaProblems(file, AllocationKeyFileSchema, data);
  const first = problems[0];
  if (first) {
    const message = first.message.startsWith(`${file}: `) ? first.message.slice(file.length + 2) : first.message;
    const more = problems.length > 1 ? ` (och ${String(problems.length - 1)} fel till)` : '';
    throw fail(first.path, `${message}${more}`, first.value);
  }
  const kf = data as KeyFile;

  const exact = (v: number | string, path: string): Rational => {
    const t = typeof v === 'number' ? String(v) : v;
    if (!/^-?\d+(\.\d+)?$/.test(t.trim().replace(',', '.')))
      throw fail(path, `talet ${t} kan inte läsas exakt; skriv det som ett decimaltal inom citattecken, t.ex. "0,35".`, v);
    return parseDecimal(t, path);
  };

  let weightSum = rational(0n);
  const seenFactor = new Set<string>();
  const factors: AllocationFactor[] = kf.factors.map((f, i) => {
    const base = `/factors/${String(i)}`;
    if (seenFactor.has(f.id)) throw fail(`${base}/id`, `faktorn "${f.id}" förekommer två gånger.`, f.id);
    seenFactor.add(f.id);
    const weight = exact(f.weight, `${base}/weight`);
    if (weight.num < 0n) throw fail(`${base}/weight`, `vikten för ${f.name} får inte vara negativ.`, f.weight);
    weightSum = addRational(weightSum, weight);
    const values = new Map<string, Rational>();
    let total = rational(0n);
    for (const [name, raw] of Object.entries(f.values)) {
      const path = `${base}/values/${name}`;
      let code: string;
      try {
        code = findMunicipality(municipalities, name).code;
      } catch {
        throw fail(path, `okänd kommun "${name}" i faktorn ${f.name}. Använd kommunens namn eller kommunkod.`, name);
      }
      if (values.has(code)) throw fail(path, `kommunen ${name} förekommer två gånger i faktorn ${f.name}.`, name);
      const v = exact(raw, path);
      if (v.num < 0n) throw fail(path, `måttet för ${name} i faktorn ${f.name} får inte vara negativt (${String(raw)}).`, raw);
      values.set(code, v);
      total = addRational(total, v);
    }
    const missing = municipalities.filter((m) => !values.has(m.code));
    if (missing.length > 0) throw fail(`${base}/values`, `faktorn ${f.name} saknar värde för ${missing.map((m) => m.name).join(', ')}.`);
    if (total.num === 0n) throw fail(`${base}/values`, `faktorn ${f.name} har bara nollor; andelarna kan inte beräknas.`);
    return {
      id: f.id,
      name: f.name,
      weight,
      measure: f.measure,
      source: f.source,
      ...(f.decision === undefined ? {} : { decision: f.decision }),
      values,
    };
  });
  if (compareRational(weightSum, rational(1n)) !== 0) {
    throw fail(
      '/factors',
      `vikterna summerar till ${formatRational(weightSum, 12).replace('.', ',')}, inte exakt 1. Justera vikterna så att summan blir 1.`,
    );
  }
  return {
    id: kf.id,
    title: kf.title,
    example: kf.example,
    ...(kf.note === undefined ? {} : { note: kf.note }),
    ...(kf.decision === undefined ? {} : { decision: kf.decision }),
    factors,
  };
}
