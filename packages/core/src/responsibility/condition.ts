/**
 * The condition language of the rule tables: a leaf tests one input (`is` true/false/unknown,
 * `equals` a value, `in` a list of values); `allOf` and `anyOf` combine conditions. A condition
 * compiles to a union of boxes over the table's input space (a box allows a set of digits per
 * dimension), which makes overlap between two rules a question of box intersection.
 */
import Type from 'typebox';
import type { DataProblem } from '../agreement/validate.js';
import { digitOf, UNKNOWN, type DimValue, type Space } from './space.js';

const Value = Type.Union([Type.String({ minLength: 1 }), Type.Integer(), Type.Boolean()]);

/** Schema of a condition (recursive). Exactly one form per object is checked after the schema. */
export const ConditionSchema = Type.Cyclic(
  {
    Condition: Type.Object(
      {
        /** Name of the input the leaf tests. */
        input: Type.Optional(Type.String({ minLength: 1 })),
        is: Type.Optional(Type.Union([Type.Literal(true), Type.Literal(false), Type.Literal(UNKNOWN)])),
        equals: Type.Optional(Value),
        in: Type.Optional(Type.Array(Value, { minItems: 1 })),
        allOf: Type.Optional(Type.Array(Type.Ref('Condition'), { minItems: 1 })),
        anyOf: Type.Optional(Type.Array(Type.Ref('Condition'), { minItems: 1 })),
      },
      { additionalProperties: false },
    ),
  },
  'Condition',
);

/** A condition as written in rule data. */
export interface Condition {
  readonly input?: string;
  readonly is?: boolean | 'unknown';
  readonly equals?: DimValue;
  readonly in?: readonly DimValue[];
  readonly allOf?: readonly Condition[];
  readonly anyOf?: readonly Condition[];
}

/** Allowed digits per dimension (bit i of `masks[d]` = digit i of dimension d). */
export type Box = Int32Array;

/** The box allowing every cell of `space`. */
export function fullBox(space: Space): Box {
  return Int32Array.from(space.radices, (r) => (1 << r) - 1);
}

function intersect(a: Box, b: Box): Box | undefined {
  const out = new Int32Array(a.length);
  for (let d = 0; d < a.length; d++) {
    const m = (a[d] ?? 0) & (b[d] ?? 0);
    if (m === 0) return undefined;
    out[d] = m;
  }
  return out;
}

/** The intersection of two boxes, or undefined when they do not meet. */
export function intersectBoxes(a: Box, b: Box): Box | undefined {
  return intersect(a, b);
}

/** The first cell (smallest digit in every dimension) of a box. */
export function firstCellOf(space: Space, box: Box): number {
  let cell = 0;
  for (let d = 0; d < box.length; d++) cell += (31 - Math.clz32((box[d] ?? 0) & -(box[d] ?? 0))) * (space.strides[d] ?? 0);
  return cell;
}

/** Call `fn` for every cell number inside `box`, in increasing order. */
export function forEachCellInBox(space: Space, box: Box, fn: (cell: number) => void): void {
  const n = space.dims.length;
  // Per dimension: the allowed digits' cell offsets (digit × stride).
  const offsets = Array.from({ length: n }, (_, d) => {
    const out: number[] = [];
    for (let v = 0; v < (space.radices[d] ?? 0); v++) if (((box[d] ?? 0) >> v) & 1) out.push(v * (space.strides[d] ?? 0));
    return Int32Array.from(out);
  });
  if (offsets.some((o) => o.length === 0)) return;
  const idx = new Int32Array(n);
  const partial = new Float64Array(n + 1);
  for (let d = 0; d < n; d++) partial[d + 1] = (partial[d] ?? 0) + (offsets[d]?.[0] ?? 0);
  const last = offsets[n - 1] ?? new Int32Array(1);
  for (;;) {
    const base = partial[n - 1] ?? 0;
    for (const off of last) fn(base + off);
    let d = n - 2;
    while (d >= 0) {
      idx[d] = (idx[d] ?? 0) + 1;
      if ((idx[d] ?? 0) < (offsets[d]?.length ?? 0)) break;
      idx[d] = 0;
      d--;
    }
    if (d < 0) return;
    for (let k = d; k < n - 1; k++) partial[k + 1] = (partial[k] ?? 0) + (offsets[k]?.[idx[k] ?? 0] ?? 0);
  }
}

/** True when the cell given by its digits lies in one of the boxes. */
export function boxesContain(boxes: readonly Box[], digits: ArrayLike<number>): boolean {
  outer: for (const box of boxes) {
    for (let d = 0; d < box.length; d++) if ((((box[d] ?? 0) >> (digits[d] ?? 0)) & 1) === 0) continue outer;
    return true;
  }
  return false;
}

function describeValue(v: unknown): string {
  return v === undefined ? 'undefined' : JSON.stringify(v);
}

/**
 * Compile a condition to boxes over `space`, reporting every problem (unknown input, value outside
 * the input's values, an operator that does not fit the input, a node with zero or several forms).
 */
export function compileCondition(cond: Condition, space: Space, file: string, path: string, problems: DataProblem[]): Box[] {
  const forms = (['input', 'allOf', 'anyOf'] as const).filter((k) => cond[k] !== undefined);
  if (forms.length !== 1) {
    problems.push({
      file,
      path,
      value: cond,
      message: `${file}: villkoret vid ${path} ska ha precis en av "input", "allOf" eller "anyOf".`,
    });
    return [];
  }
  if (cond.allOf) {
    if (cond.is !== undefined || cond.equals !== undefined || cond.in !== undefined) {
      problems.push({ file, path, value: cond, message: `${file}: "allOf" vid ${path} kan inte kombineras med is/equals/in.` });
    }
    let acc: Box[] = [fullBox(space)];
    cond.allOf.forEach((c, i) => {
      const part = compileCondition(c, space, file, `${path}/allOf/${i}`, problems);
      const next: Box[] = [];
      for (const a of acc)
        for (const b of part) {
          const x = intersect(a, b);
          if (x) next.push(x);
        }
      acc = next;
    });
    return acc;
  }
  if (cond.anyOf) {
    if (cond.is !== undefined || cond.equals !== undefined || cond.in !== undefined) {
      problems.push({ file, path, value: cond, message: `${file}: "anyOf" vid ${path} kan inte kombineras med is/equals/in.` });
    }
    return cond.anyOf.flatMap((c, i) => compileCondition(c, space, file, `${path}/anyOf/${i}`, problems));
  }
  return compileLeaf(cond, space, file, path, problems);
}

function compileLeaf(cond: Condition, space: Space, file: string, path: string, problems: DataProblem[]): Box[] {
  const name = cond.input ?? '';
  const d = space.byName.get(name);
  const dim = d === undefined ? undefined : space.dims[d];
  if (d === undefined || !dim) {
    const known = space.dims.map((x) => x.name).join(', ');
    problems.push({
      file,
      path: `${path}/input`,
      value: name,
      message: `${file}: okänd indata "${name}" vid ${path}/input; tabellen har ${known}.`,
    });
    return [];
  }
  const ops = (['is', 'equals', 'in'] as const).filter((k) => cond[k] !== undefined);
  if (ops.length !== 1) {
    problems.push({
      file,
      path,
      value: cond,
      message: `${file}: villkoret på "${name}" vid ${path} ska ha precis en av "is", "equals" eller "in".`,
    });
    return [];
  }
  let values: readonly DimValue[];
  if (cond.is !== undefined) {
    if (cond.is !== UNKNOWN && dim.kind !== 'boolean') {
      problems.push({
        file,
        path: `${path}/is`,
        value: cond.is,
        message: `${file}: "is: ${String(cond.is)}" vid ${path} kräver en ja/nej-indata, men "${name}" är inte det; använd "equals" eller "in".`,
      });
      return [];
    }
    values = [cond.is];
  } else if (cond.equals !== undefined) {
    values = [cond.equals];
  } else {
    values = cond.in ?? [];
  }
  let mask = 0;
  for (const v of values) {
    const digit = digitOf(dim, v);
    if (digit < 0) {
      const allowed = [...dim.values, ...(dim.unknown ? [UNKNOWN] : [])].map(describeValue).join(', ');
      problems.push({
        file,
        path,
        value: v,
        message: `${file}: värdet ${describeValue(v)} vid ${path} är inget av värdena för "${name}" (${allowed}).`,
      });
      continue;
    }
    mask |= 1 << digit;
  }
  if (mask === 0) return [];
  const box = fullBox(space);
  box[d] = mask;
  return [box];
}
