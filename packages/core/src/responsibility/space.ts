/**
 * The finite input space a rule table is written over. Each dimension has a few known values and,
 * for inputs a user may leave out, the extra value `unknown`. A situation is a cell: one digit per
 * dimension (the index of its value; `unknown` is the last digit). Cells are numbered in
 * mixed radix, so a compiled table is a flat array indexed by cell number.
 */

/** A value an input can take in a rule condition. */
export type DimValue = string | number | boolean;

/** The spelling of the unknown value in rule data. */
export const UNKNOWN = 'unknown';

/** One input of a rule table. */
export interface Dimension {
  readonly name: string;
  /** `boolean` dimensions have the values false, true (digits 0 and 1). */
  readonly kind: 'boolean' | 'enum' | 'integer';
  /** Known values in digit order. */
  readonly values: readonly DimValue[];
  /** Whether the input may be unknown; its digit is then `values.length`. */
  readonly unknown: boolean;
}

/** The cartesian product of a table's dimensions. */
export interface Space {
  readonly dims: readonly Dimension[];
  readonly radices: readonly number[];
  /** `strides[d]` is the cell-number weight of dimension d (the last dimension has stride 1). */
  readonly strides: readonly number[];
  readonly size: number;
  readonly byName: ReadonlyMap<string, number>;
}

/** A tri-state boolean input: false, true or unknown. */
export function triDim(name: string): Dimension {
  return { name, kind: 'boolean', values: [false, true], unknown: true };
}

/** A boolean input that is always known. */
export function boolDim(name: string): Dimension {
  return { name, kind: 'boolean', values: [false, true], unknown: false };
}

/** An enumerated input (strings), optionally allowing unknown. */
export function enumDim(name: string, values: readonly string[], unknown = false): Dimension {
  return { name, kind: 'enum', values, unknown };
}

/** An integer input over `from..to`, optionally allowing unknown. */
export function intDim(name: string, from: number, to: number, unknown = false): Dimension {
  const values: number[] = [];
  for (let v = from; v <= to; v++) values.push(v);
  return { name, kind: 'integer', values, unknown };
}

/** Number of digits of a dimension (known values plus unknown). */
export function radixOf(dim: Dimension): number {
  return dim.values.length + (dim.unknown ? 1 : 0);
}

/** Build a space; a dimension may have at most 31 digits (digit sets are 32-bit masks). */
export function makeSpace(dims: readonly Dimension[]): Space {
  const radices = dims.map(radixOf);
  const strides = new Array<number>(dims.length);
  let size = 1;
  for (let d = dims.length - 1; d >= 0; d--) {
    strides[d] = size;
    size *= radices[d] ?? 1;
  }
  for (const [d, r] of radices.entries()) {
    if (r > 31) throw new RangeError(`dimension ${dims[d]?.name ?? d} has ${r} values; at most 31 are supported`);
  }
  return { dims, radices, strides, size, byName: new Map(dims.map((dim, i) => [dim.name, i])) };
}

/** The digit of `value` in `dim`, or -1 when it is not one of its values. */
export function digitOf(dim: Dimension, value: DimValue): number {
  if (value === UNKNOWN) return dim.unknown ? dim.values.length : -1;
  return dim.values.indexOf(value);
}

/** True when digit `digit` of `dim` is the unknown value. */
export function isUnknownDigit(dim: Dimension, digit: number): boolean {
  return dim.unknown && digit === dim.values.length;
}

/** Split a cell number into its digits. */
export function decodeCell(space: Space, cell: number, out: Uint8Array = new Uint8Array(space.dims.length)): Uint8Array {
  let rest = cell;
  for (let d = 0; d < space.dims.length; d++) {
    const stride = space.strides[d] ?? 1;
    out[d] = Math.floor(rest / stride);
    rest -= (out[d] ?? 0) * stride;
  }
  return out;
}

/** The value a digit stands for (`unknown` for the unknown digit). */
export function valueOfDigit(dim: Dimension, digit: number): DimValue {
  return isUnknownDigit(dim, digit) ? UNKNOWN : (dim.values[digit] ?? UNKNOWN);
}

/** A readable description of a cell, e.g. `housing=ordinart, storsjoglantan=unknown`. */
export function describeCell(space: Space, cell: number): string {
  const digits = decodeCell(space, cell);
  return space.dims.map((dim, d) => `${dim.name}=${String(valueOfDigit(dim, digits[d] ?? 0))}`).join(', ');
}
