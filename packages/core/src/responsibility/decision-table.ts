/**
 * Compile a rule table into a decision table over its finite input space, refusing tables that
 * are ambiguous or incomplete. Checks, in order:
 *
 * 1. declared priorities (`before`, `fallback`) form no cycle;
 * 2. OVERLAP: two rules whose conditions can both hold in one situation must be ordered by a
 *    declared priority (directly or through others) — a silent first match is an error
 *    (SAMV_ERR_RULE_CONFLICT naming both rules and an example situation);
 * 3. every situation is matched by some rule, and every rule decides at least one situation;
 * 4. unknown inputs: a decided rule may only answer where every way of filling in the unknown
 *    inputs gives the same outcome class, and an undecided rule only where it does not.
 *
 * The result is a flat array `winner[cell]`, so evaluation is one index computation and one load.
 */
import { SamverkanError } from '../errors.js';
import type { DataProblem } from '../agreement/validate.js';
import { dataError } from '../agreement/validate.js';
import { firstCellOf, forEachCellInBox, intersectBoxes, type Box } from './condition.js';
import { describeCell, type Space } from './space.js';

/** A rule after its condition has been compiled. */
export interface TableRule<O> {
  readonly id: string;
  /** JSON pointer of the rule in its file, for messages. */
  readonly path: string;
  readonly boxes: readonly Box[];
  readonly outcome: O;
  readonly before: readonly string[];
  readonly fallback: boolean;
}

/** What the compiler needs to know about a table. */
export interface TableSpec<O> {
  readonly file: string;
  readonly space: Space;
  readonly rules: readonly TableRule<O>[];
  /** Outcome class of a decided outcome (equal classes = the same answer), or undefined when undecided. */
  readonly classOf: (outcome: O) => string | undefined;
}

/** A compiled, checked decision table. */
export interface DecisionTable<O> {
  readonly file: string;
  readonly space: Space;
  readonly rules: readonly TableRule<O>[];
  /** Index into `rules` of the rule that decides each cell. */
  readonly winner: Uint8Array;
  /** Dimensions (indices) whose unknown value changes the outcome of `cell`; empty when decided. */
  missingDims(cell: number): readonly number[];
  /** The same as bit masks per cell (bit d = dimension d; 0 when decided), for hot paths. */
  readonly missingMasks: Int32Array;
}

const MAX_RULES = 31;

function conflict(file: string, problems: DataProblem[]): SamverkanError {
  const first = problems[0];
  const more = problems.length > 1 ? ` (och ${problems.length - 1} konflikter till)` : '';
  return new SamverkanError(
    'SAMV_ERR_RULE_CONFLICT',
    `Regelkonflikt: ${first?.message ?? file}${more}`,
    first ? { file: first.file, path: first.path, value: first.value } : { file },
    problems,
  );
}

/** Transitive closure of the declared priorities: `reach[i]` has bit j when rule i comes before rule j. */
function priorities<O>(spec: TableSpec<O>): Int32Array {
  const { rules, file } = spec;
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const reach = new Int32Array(rules.length);
  const problems: DataProblem[] = [];
  const fallbacks = rules.flatMap((r, i) => (r.fallback ? [i] : []));
  if (fallbacks.length > 1) {
    problems.push({
      file,
      path: rules[fallbacks[1] ?? 0]?.path ?? '',
      value: fallbacks.map((i) => rules[i]?.id),
      message: `${file}: bara en regel per tabell kan vara "fallback" (${fallbacks.map((i) => rules[i]?.id).join(', ')}).`,
    });
  }
  rules.forEach((r, i) => {
    r.before.forEach((id, k) => {
      const j = index.get(id);
      if (j === undefined || j === i) {
        problems.push({
          file,
          path: `${r.path}/before/${k}`,
          value: id,
          message: `${file}: regeln ${r.id} anger "before: ${id}", men ${j === i ? 'en regel kan inte gå före sig själv' : 'den regeln finns inte i tabellen'}.`,
        });
        return;
      }
      reach[i] = (reach[i] ?? 0) | (1 << j);
    });
    for (const f of fallbacks) if (f !== i) reach[i] = (reach[i] ?? 0) | (1 << f);
  });
  if (problems.length > 0) throw dataError(problems);
  for (let k = 0; k < rules.length; k++) {
    for (let i = 0; i < rules.length; i++) if (((reach[i] ?? 0) >> k) & 1) reach[i] = (reach[i] ?? 0) | (reach[k] ?? 0);
  }
  const cyclic = rules.findIndex((_, i) => ((reach[i] ?? 0) >> i) & 1);
  if (cyclic >= 0) {
    const members = rules.filter((_, j) => ((reach[cyclic] ?? 0) >> j) & 1 && ((reach[j] ?? 0) >> cyclic) & 1).map((r) => r.id);
    throw conflict(file, [
      {
        file,
        path: rules[cyclic]?.path ?? '',
        value: members,
        message: `${file}: prioriteringarna bildar en cirkel mellan ${members.join(', ')}; ange en entydig ordning med "before".`,
      },
    ]);
  }
  return reach;
}

/** Every pair of rules that can match one situation without a declared order between them. */
function overlapProblems<O>(spec: TableSpec<O>, reach: Int32Array): DataProblem[] {
  const { rules, file, space } = spec;
  const problems: DataProblem[] = [];
  for (let i = 0; i < rules.length; i++) {
    for (let j = i + 1; j < rules.length; j++) {
      if (((reach[i] ?? 0) >> j) & 1 || ((reach[j] ?? 0) >> i) & 1) continue;
      const a = rules[i];
      const b = rules[j];
      if (!a || !b) continue;
      let example: number | undefined;
      for (const x of a.boxes) {
        for (const y of b.boxes) {
          const both = intersectBoxes(x, y);
          if (both) {
            example = firstCellOf(space, both);
            break;
          }
        }
        if (example !== undefined) break;
      }
      if (example === undefined) continue;
      problems.push({
        file,
        path: b.path,
        value: [a.id, b.id],
        message: `${file}: reglerna ${a.id} och ${b.id} kan båda gälla samma situation (till exempel ${describeCell(space, example)}) men ingen ordning mellan dem är angiven; ange "before" på den som ska gälla först.`,
      });
    }
  }
  return problems;
}

/** Topological order of the rules under the declared priorities. */
function topologicalOrder(n: number, reach: Int32Array): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  // With a transitive, acyclic relation, "number of rules that come before me" is a valid sort key.
  const preceders = order.map((i) => order.filter((j) => ((reach[j] ?? 0) >> i) & 1).length);
  return order.sort((a, b) => (preceders[a] ?? 0) - (preceders[b] ?? 0) || a - b);
}

/** Compile and check a table; throws SAMV_ERR_RULE_CONFLICT or SAMV_ERR_AGREEMENT_DATA naming the rules. */
export function compileDecisionTable<O>(spec: TableSpec<O>): DecisionTable<O> {
  const { rules, file, space } = spec;
  if (rules.length === 0 || rules.length > MAX_RULES) {
    throw dataError([
      { file, path: '/rules', value: rules.length, message: `${file}: en tabell ska ha 1–${MAX_RULES} regler (har ${rules.length}).` },
    ]);
  }
  const reach = priorities(spec);
  const overlaps = overlapProblems(spec, reach);
  if (overlaps.length > 0) throw conflict(file, overlaps);

  const NONE = 255;
  const winner = new Uint8Array(space.size).fill(NONE);
  const wins = new Array<number>(rules.length).fill(0);
  for (const i of topologicalOrder(rules.length, reach)) {
    for (const box of rules[i]?.boxes ?? []) {
      forEachCellInBox(space, box, (cell) => {
        if (winner[cell] === NONE) {
          winner[cell] = i;
          wins[i] = (wins[i] ?? 0) + 1;
        }
      });
    }
  }
  const gap = winner.indexOf(NONE);
  if (gap >= 0) {
    throw dataError([
      {
        file,
        path: '/rules',
        value: describeCell(space, gap),
        message: `${file}: ingen regel gäller situationen ${describeCell(space, gap)}; varje situation måste ha ett svar (eller en uttrycklig regel för att den är obestämd).`,
      },
    ]);
  }
  const dead = rules.flatMap((r, i) => ((wins[i] ?? 0) === 0 ? [{ r, i }] : []));
  if (dead.length > 0) {
    throw conflict(
      file,
      dead.map(({ r, i }) => {
        const shadows = rules.filter((_, j) => ((reach[j] ?? 0) >> i) & 1).map((x) => x.id);
        return {
          file,
          path: r.path,
          value: r.id,
          message: `${file}: regeln ${r.id} avgör aldrig något: ${r.boxes.length === 0 ? 'villkoret kan aldrig vara uppfyllt' : `varje situation den gäller avgörs av en regel före den (${shadows.join(', ')})`}.`,
        };
      }),
    );
  }
  const classes = checkUnknowns(spec, winner);
  return {
    file,
    space,
    rules,
    winner,
    ...missingFinder(space, classes),
  };
}

/**
 * For every cell, the set of outcome classes over all ways of filling in its unknown inputs (a bit
 * mask), computed in increasing cell order: replacing an unknown digit (the highest) by a known one
 * gives a smaller cell number, so those cells are already done. Throws when a decided rule answers
 * a cell whose completions disagree, or an undecided rule answers one whose completions agree.
 */
function checkUnknowns<O>(spec: TableSpec<O>, winner: Uint8Array): Int32Array {
  const { rules, file, space, classOf } = spec;
  const classIds = new Map<string, number>();
  const ruleClass = rules.map((r) => {
    const c = classOf(r.outcome);
    if (c === undefined) return -1;
    let id = classIds.get(c);
    if (id === undefined) {
      id = classIds.size;
      if (id >= 31) throw dataError([{ file, path: r.path, value: c, message: `${file}: för många olika utfall (högst 31).` }]);
      classIds.set(c, id);
    }
    return id;
  });
  const sets = new Int32Array(space.size);
  const n = space.dims.length;
  const digits = new Int32Array(n);
  const radices = Int32Array.from(space.radices);
  const strides = Int32Array.from(space.strides);
  // The unknown digit of each dimension, or -1 when the dimension is always known.
  const unknownAt = Int32Array.from(space.dims, (dim) => (dim.unknown ? dim.values.length : -1));
  const problems: DataProblem[] = [];
  const report = (r: number, cell: number, why: string): void => {
    const id = rules[r]?.id ?? '';
    problems.push({
      file,
      path: rules[r]?.path ?? '',
      value: id,
      message: `${file}: regeln ${id} ${why.replace('{cell}', describeCell(space, cell))}`,
    });
  };
  for (let cell = 0; cell < space.size; cell++) {
    const r = winner[cell] ?? 0;
    const cls = ruleClass[r] ?? -1;
    let u = -1;
    for (let d = 0; d < n; d++) {
      if (digits[d] === unknownAt[d]) {
        u = d;
        break;
      }
    }
    let set = 0;
    if (u < 0) {
      if (cls < 0) report(r, cell, 'lämnar svaret obestämt fast inga uppgifter är okända ({cell}).');
      else set = 1 << cls;
    } else {
      const unknownDigit = digits[u] ?? 0;
      const stride = strides[u] ?? 0;
      for (let v = 0; v < unknownDigit; v++) set |= sets[cell - (unknownDigit - v) * stride] ?? 0;
      if (cls >= 0 && set !== 1 << cls) {
        report(
          r,
          cell,
          'avgör situationen {cell}, men svaret beror på en okänd uppgift; begränsa villkoret eller lägg till en regel för det obestämda fallet.',
        );
      } else if (cls < 0 && (set & (set - 1)) === 0) {
        report(r, cell, 'lämnar situationen {cell} obestämd, fast alla möjliga värden på de okända uppgifterna ger samma svar.');
      }
    }
    sets[cell] = set;
    if (problems.length >= 20) break;
    for (let d = n - 1; d >= 0; d--) {
      digits[d] = (digits[d] ?? 0) + 1;
      if ((digits[d] ?? 0) < (radices[d] ?? 0)) break;
      digits[d] = 0;
    }
  }
  if (problems.length > 0) throw dataError(problems);
  return sets;
}

function popcountAtLeast2(x: number): boolean {
  return (x & (x - 1)) !== 0;
}

/**
 * Missing inputs of every cell as a bit mask (bit d = dimension d), computed once at compile time
 * by dynamic programming in increasing cell order (answers then never pay for a search, even the
 * first time a cell is asked). Dimension u of a cell is missing when some filling-in of the other
 * unknowns leaves a cell (only u unknown) with two or more outcome classes. A cell whose only
 * unknown is u misses u exactly when its own classes are two or more; with several unknowns, fill
 * in one other unknown w ≠ u: u is missing when it is missing in one of those cells, which have
 * smaller numbers (the unknown digit is the highest), so they are already done.
 */
function missingMasks(space: Space, sets: Int32Array): Int32Array {
  const n = space.dims.length;
  const masks = new Int32Array(space.size);
  const digits = new Int32Array(n);
  const radices = Int32Array.from(space.radices);
  const strides = Int32Array.from(space.strides);
  const unknownAt = Int32Array.from(space.dims, (dim) => (dim.unknown ? dim.values.length : -1));
  // OR of the masks of the cells where unknown dimension d is filled in with each known value.
  const filled = (cell: number, d: number): number => {
    const unknownDigit = digits[d] ?? 0;
    const stride = strides[d] ?? 0;
    let m = 0;
    for (let v = 0; v < unknownDigit; v++) m |= masks[cell - (unknownDigit - v) * stride] ?? 0;
    return m;
  };
  for (let cell = 0; cell < space.size; cell++) {
    let count = 0;
    let hi = -1;
    let hi2 = -1;
    for (let d = 0; d < n; d++) {
      if (digits[d] === unknownAt[d]) {
        count++;
        hi2 = hi;
        hi = d;
      }
    }
    let m = 0;
    if (count > 0 && popcountAtLeast2(sets[cell] ?? 0)) {
      const bit = 1 << hi;
      // Every u but the highest unknown via filling in the highest; the highest via the next one.
      m = count === 1 ? bit : (filled(cell, hi) & ~bit) | (filled(cell, hi2) & bit);
    }
    masks[cell] = m;
    for (let d = n - 1; d >= 0; d--) {
      digits[d] = (digits[d] ?? 0) + 1;
      if ((digits[d] ?? 0) < (radices[d] ?? 0)) break;
      digits[d] = 0;
    }
  }
  return masks;
}

/** Missing dimensions of a cell, from the precomputed masks; one shared frozen list per mask. */
function missingFinder(space: Space, sets: Int32Array): { missingDims: (cell: number) => readonly number[]; missingMasks: Int32Array } {
  if (space.dims.length > 31) throw new RangeError('a table may have at most 31 inputs (missing inputs are 32-bit masks)');
  const masks = missingMasks(space, sets);
  const lists = new Map<number, readonly number[]>([[0, Object.freeze([])]]);
  const listOf = (mask: number): readonly number[] => {
    let l = lists.get(mask);
    if (!l) {
      const out: number[] = [];
      for (let d = 0; d < space.dims.length; d++) if ((mask >> d) & 1) out.push(d);
      l = Object.freeze(out);
      lists.set(mask, l);
    }
    return l;
  };
  return { missingDims: (cell) => listOf(masks[cell] ?? 0), missingMasks: masks };
}
