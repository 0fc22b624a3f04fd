/**
 * A line's steps as stored in `invoice_lines.steps_json`: the JSON array of the steps (every line
 * stored before this form, and any step that fits no template below), or a compact object
 * `{"v":1,"s":[…]}` whose entries are either a full step or `[template, ...values]` — a step of a
 * known shape (the imported row, the billable minutes, the started hours × rate) written as its
 * variable values only. A month of 100 000 daytime records stored 838 bytes of steps per line,
 * 90 % of them the same texts on every line; storing, hashing and writing them was a fifth of a
 * run (issue 11, decision 0250).
 *
 * Exact by construction: a step is written through a template only when it matches the template
 * field for field, key order included (so `decodeSteps` rebuilds the very object `JSON.parse`
 * would have given for the full text), else it is written in full. The templates are frozen:
 * stored lines are decoded with them forever, so a template is never changed or removed, only
 * new ones appended. A changed text in core then no longer matches and is stored in full.
 */
import type { CalculationStep } from '@samverkan/core';

type Leaf = string | number | boolean | null;
type Rec = Readonly<Record<string, unknown>>;

/** One frozen step shape: `take` gives its stored values when a step fits it exactly, `make` rebuilds the step. */
interface Template {
  /** Push the stored values of `s` onto `out` and answer true when `s` fits exactly (false: `out` is discarded). */
  readonly take: (s: Rec, out: Leaf[]) => boolean;
  readonly make: (v: readonly Leaf[]) => CalculationStep;
}

function isLeaf(x: unknown): x is Leaf {
  return x === null || typeof x === 'string' || typeof x === 'boolean' || (typeof x === 'number' && Number.isFinite(x));
}

/** True when the own enumerable keys of `x` are exactly `keys`, in that order (the order JSON text has). */
function hasKeys(x: unknown, keys: readonly string[]): x is Rec {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) return false;
  let i = 0;
  for (const k in x) {
    if (!Object.hasOwn(x, k)) continue;
    if (k !== keys[i]) return false;
    i++;
  }
  return i === keys.length;
}

/** Push the leaves of `inputs` under `keys` in order onto `out`; false when `inputs` has other keys or values. */
function leavesOf(inputs: unknown, keys: readonly string[], out: Leaf[]): boolean {
  if (!hasKeys(inputs, keys)) return false;
  for (const k of keys) {
    const v = inputs[k];
    if (!isLeaf(v)) return false;
    out.push(v);
  }
  return true;
}

/** The middle of `prefix + middle + suffix`, or undefined. */
function middle(x: unknown, prefix: string, suffix: string): string | undefined {
  if (typeof x !== 'string' || x.length < prefix.length + suffix.length || !x.startsWith(prefix) || !x.endsWith(suffix)) return undefined;
  return x.slice(prefix.length, x.length - suffix.length);
}

function oneClause(x: unknown, clause: string): boolean {
  return Array.isArray(x) && x.length === 1 && x[0] === clause;
}

const STEP_KEYS = ['id', 'description', 'formula', 'inputs', 'result', 'unit', 'clauses'] as const;

/**
 * A step `{id: prefix + n + suffix, description, formula, inputs: {…keys}, result, unit, clauses: [clause]}`
 * with everything but n, the inputs and the result fixed; values: n, the inputs in order, the result.
 */
function fixedStep(
  prefix: string,
  suffix: string,
  fixed: { readonly description: string; readonly formula: string; readonly unit: string; readonly clause: string },
  inputKeys: readonly string[],
): Template {
  return {
    take: (s, out) => {
      if (s['description'] !== fixed.description || s['formula'] !== fixed.formula || s['unit'] !== fixed.unit) return false;
      if (!oneClause(s['clauses'], fixed.clause) || !hasKeys(s, STEP_KEYS)) return false;
      const n = middle(s['id'], prefix, suffix);
      if (n === undefined) return false;
      out.push(n);
      if (!leavesOf(s['inputs'], inputKeys, out)) return false;
      const result = s['result'];
      if (!isLeaf(result)) return false;
      out.push(result);
      return true;
    },
    make: (v) => {
      const inputs: Record<string, Leaf> = {};
      inputKeys.forEach((k, i) => (inputs[k] = v[1 + i] ?? null));
      return {
        id: prefix + String(v[0]) + suffix,
        description: fixed.description,
        formula: fixed.formula,
        inputs,
        result: v[1 + inputKeys.length] ?? null,
        unit: fixed.unit,
        clauses: [fixed.clause],
      };
    },
  };
}

const SOURCE_KEYS = ['id', 'description', 'inputs', 'result'] as const;
const SOURCE_INPUTS = ['fil', 'rad', 'post', 'import'] as const;

/**
 * The templates of format 1, by position. Frozen: stored lines name them by position and are
 * decoded with them forever, so never edit or reorder one; add new shapes at the end.
 */
const TEMPLATES_V1: readonly Template[] = [
  // 0: the imported row behind a line (flow-records.ts `sourceStep`); values: fil, rad, post, import.
  {
    take: (s, out) => {
      if (!hasKeys(s, SOURCE_KEYS) || s['result'] !== null) return false;
      if (!leavesOf(s['inputs'], SOURCE_INPUTS, out)) return false;
      // out is [template, fil, rad, post, import].
      const [, fil, rad, post] = out;
      return s['id'] === `underlag:${String(post)}` && s['description'] === `Importerad post: ${String(fil)}, rad ${String(rad)}`;
    },
    make: ([fil, rad, post, imp]) => ({
      id: `underlag:${String(post)}`,
      description: `Importerad post: ${String(fil)}, rad ${String(rad)}`,
      inputs: { fil: fil ?? null, rad: rad ?? null, post: post ?? null, import: imp ?? null },
      result: null,
    }),
  },
  // 1: billable minutes of a daytime assignment (core assignment-minutes.ts, ORD.uppdrag-dagtid).
  fixedStep(
    'uppdrag[',
    ']:minuter',
    {
      description: 'Debiterbar tid',
      formula: 'insatstid + administration + återrapportering + restid (om resan inte kunde samordnas)',
      unit: 'minuter',
      clause: 'ORD.uppdrag-dagtid',
    },
    ['insatstid', 'administration', 'återrapportering', 'restid', 'restidRäknas'],
  ),
  // 2: started hours × the hourly rate of a daytime assignment (core daytime-assignments.ts).
  fixedStep(
    'uppdrag[',
    ']:belopp',
    { description: 'Påbörjade timmar × timpris', formula: 'ceil(minuter / 60) × timpris', unit: 'öre', clause: 'ORD.uppdrag-dagtid' },
    ['minuter', 'påbörjadeTimmar', 'timprisÖre'],
  ),
];

/** Values per template (what a stored entry must carry). */
const ARITY = [4, 1 + 5 + 1, 1 + 3 + 1] as const;

/** The compact format's version tag. */
const FORMAT = 1;

/** The entry of one step: `[template, ...values]` when one fits exactly, else the step itself. */
function encodeStep(step: CalculationStep): unknown {
  for (let n = 0; n < TEMPLATES_V1.length; n++) {
    const entry: Leaf[] = [n];
    if (TEMPLATES_V1[n]?.take(step as unknown as Rec, entry) === true) return entry;
  }
  return step;
}

/** The text to store in `steps_json` for `steps` (decoded by `decodeSteps` to what `JSON.parse(JSON.stringify(steps))` gives). */
export function encodeSteps(steps: readonly CalculationStep[]): string {
  const entries = steps.map(encodeStep);
  // No step fitted a template: the plain array, as lines were always stored.
  if (entries.every((e, i) => e === steps[i])) return JSON.stringify(steps);
  return JSON.stringify({ v: FORMAT, s: entries });
}

/** The steps of a stored `steps_json` (either form). */
export function decodeSteps(text: string): CalculationStep[] {
  const parsed = JSON.parse(text) as unknown;
  if (Array.isArray(parsed)) return parsed as CalculationStep[];
  const compact = parsed as { v?: unknown; s?: unknown };
  if (compact.v !== FORMAT || !Array.isArray(compact.s)) throw new Error(`steps_json: unknown form ${text.slice(0, 40)}`);
  return compact.s.map((e: unknown) => {
    if (!Array.isArray(e)) return e as CalculationStep;
    const [n, ...values] = e as [number, ...Leaf[]];
    const t = TEMPLATES_V1[n];
    if (t === undefined || values.length !== ARITY[n])
      throw new Error(`steps_json: template ${String(n)} with ${String(values.length)} values`);
    return t.make(values);
  });
}
