/**
 * Caches behind `assess`: answers that depend only on table cells are built once and shared
 * (frozen); missing-input lists are shared and merged in input order. The caches hang off the
 * compiled rules, so `assess` stays a pure function of its arguments.
 */
import type {
  CareAnswer,
  CriterionAnswer,
  HandoverAnswer,
  PerformingAnswer,
  PhysicianAnswer,
  ProductAnswer,
  VisionHearingAnswer,
} from './answer.js';
import { housings, physicianSpace, productFlags, type Housing } from './inputs.js';
import type { ResponsibilityRules } from './load-rules.js';

export const EMPTY: readonly string[] = Object.freeze([]);
export const NO_CRITERIA: readonly CriterionAnswer[] = Object.freeze([]);
export const NO_PRODUCTS: readonly ProductAnswer[] = Object.freeze([]);

/** Order in which missing inputs are listed (the order of the input fields). */
const inputOrder = [
  'date',
  'housing',
  'atDayActivity',
  'registeredMunicipality',
  'homeRegion',
  'storsjoglantan',
  'safeAtHome',
  'needOver14Days',
  'cfs',
  'cognitiveImpairment',
  'cannotReachHealthCentre',
  'prefersHealthCentre',
  'preferenceRisksSafety',
  'listedAtOtherHealthCentre',
  'time',
];
const inputRank = new Map(inputOrder.map((n, i) => [n, i]));

/** Index of a housing form in the tables. */
export function housingIndex(h: Housing): number {
  return housings.indexOf(h);
}

/** The care question's result: the answer and the criteria (shared and frozen, like the answers). */
export interface CareResult {
  readonly careResponsibility: CareAnswer;
  readonly criteria: readonly CriterionAnswer[];
}

/** Per criteria cell (prepared when the rules are compiled): the criteria answers and what they mean for the care table. */
export interface CriteriaEntry {
  /** The cell's contribution to the care cell number (the four criteria statuses). */
  readonly careOffset: number;
  readonly answers: readonly CriterionAnswer[];
  /**
   * The missing raw inputs (bits of `CarePlan.rawNames`) the unknown criteria of this cell stand
   * for, per subset of the criteria (bit i = criterion i of `rules.criteria`; see `CarePlan.criteriaSubset`).
   */
  readonly rawBySubset: Int32Array;
}

/**
 * The care question's missing inputs as bit masks, prepared with the rules: an undecided care cell's
 * missing inputs are its missing care inputs (the table's mask), each unknown criterion standing for
 * its own missing raw inputs. Bits number the raw input names in input order, so one mask is one
 * list and equal lists are one object.
 */
export interface CarePlan {
  /** Raw input names by bit, in input order. */
  readonly rawNames: readonly string[];
  /** Per care-table missing mask: the raw bits of its care inputs that are not criteria. */
  readonly rawOfMask: Int32Array;
  /** Per care-table missing mask: which criteria it names (bit i = criterion i). */
  readonly criteriaSubset: Int32Array;
}

/**
 * Answers that depend only on table cells are built once and shared (they are frozen); the caches
 * hang off the compiled rules, so `assess` stays a pure function of its arguments.
 */
export interface Caches {
  /** Every criteria cell's entry, filled when the rules are compiled (see `prepareCare`); empty until then. */
  readonly criteria: CriteriaEntry[];
  /** The missing-input masks of the care table (filled with `criteria`). */
  plan: CarePlan | undefined;
  /** Decided care answers keyed by rule, setting and municipality (see assess-care.ts); full length once prepared. */
  careDecided: (CareAnswer | undefined)[];
  /** Undecided care answers per raw missing mask (`CarePlan.rawNames` bits), then by rule and setting; built on first use. */
  careUndecided: ((CareAnswer | undefined)[] | undefined)[];
  /**
   * Outside ordinary housing no criteria are shown, so the result is the answer alone: one shared
   * (frozen) result per undecided answer (by raw mask, then rule) and per decided answer (its key).
   */
  careUndecidedResults: ((CareResult | undefined)[] | undefined)[];
  careDecidedResults: (CareResult | undefined)[];
  readonly physician: (PhysicianAnswer | undefined)[];
  /** Answers that cite a rate (valid on a date), per date. */
  readonly byDate: Map<string, DateCaches>;
  readonly handover: Map<number, readonly HandoverAnswer[]>;
  readonly municipalityIndex: Map<string, number>;
  readonly rank: Map<string, number>;
  readonly unions: WeakMap<readonly string[], WeakMap<readonly string[], readonly string[]>>;
  /** Start and end of daytime (minutes) per date, from the parameters. */
  readonly dayBounds: Map<string, readonly [number, number]>;
}

export interface DateCaches {
  readonly performing: (PerformingAnswer | undefined)[];
  readonly visionHearing: (VisionHearingAnswer | undefined)[];
  /** Undecided answers per missing-input list (shared lists), then by cell and setting. */
  readonly performingUndecided: WeakMap<readonly string[], (PerformingAnswer | undefined)[]>;
  readonly visionHearingUndecided: WeakMap<readonly string[], (VisionHearingAnswer | undefined)[]>;
}

const caches = new WeakMap<ResponsibilityRules, Caches>();

export function dateCaches(c: Caches, date: string): DateCaches {
  let d = c.byDate.get(date);
  if (!d) {
    d = { performing: [], visionHearing: [], performingUndecided: new WeakMap(), visionHearingUndecided: new WeakMap() };
    c.byDate.set(date, d);
  }
  return d;
}

// The last rules asked for and their caches: one process nearly always asks one agreement version,
// and this spares the WeakMap lookup on every answer (the hot path is otherwise a few loads). It
// keeps that one rules object alive until another is asked for, which is all it costs.
let lastRules: ResponsibilityRules | undefined;
let lastCaches: Caches | undefined;

export function cachesOf(rules: ResponsibilityRules): Caches {
  if (rules === lastRules && lastCaches) return lastCaches;
  let c = caches.get(rules);
  if (!c) {
    c = {
      criteria: [],
      plan: undefined,
      careDecided: [],
      careUndecided: [],
      careUndecidedResults: [],
      careDecidedResults: [],
      physician: new Array<PhysicianAnswer | undefined>(physicianSpace.size),
      byDate: new Map(),
      handover: new Map(),
      municipalityIndex: new Map([...rules.municipalities.keys()].map((code, i) => [code, i])),
      rank: new Map(),
      unions: new WeakMap(),
      dayBounds: new Map(),
    };
    caches.set(rules, c);
  }
  lastRules = rules;
  lastCaches = c;
  return c;
}

export function rankOf(c: Caches, name: string): number {
  let r = c.rank.get(name);
  if (r === undefined) {
    const m = /^products\[(\d+)\]\.(.+)$/.exec(name);
    r = m ? 1000 + Number(m[1]) * 100 + productFlags.indexOf(m[2] as (typeof productFlags)[number]) : (inputRank.get(name) ?? 999);
    c.rank.set(name, r);
  }
  return r;
}

/** Union of two missing-input lists in input order; results are shared, so equal inputs give the same list. */
export function union2(c: Caches, a: readonly string[], b: readonly string[]): readonly string[] {
  if (b.length === 0 || a === b) return a;
  if (a.length === 0) return b;
  // Every list is deduplicated and in input order, so when one holds the other it is the union.
  if (within(b, a)) return a;
  if (within(a, b)) return b;
  let inner = c.unions.get(a);
  if (!inner) {
    inner = new WeakMap();
    c.unions.set(a, inner);
  }
  let out = inner.get(b);
  if (!out) {
    out = Object.freeze([...new Set([...a, ...b])].sort((x, y) => rankOf(c, x) - rankOf(c, y)));
    inner.set(b, out);
  }
  return out;
}

/** Whether every name of `small` is in `big` (lists of a few names: a scan beats a lookup). */
function within(small: readonly string[], big: readonly string[]): boolean {
  if (small.length > big.length) return false;
  for (let i = 0; i < small.length; i++) if (!big.includes(small[i] as string)) return false;
  return true;
}

/** Union of missing-input lists in input order. */
export function unionMissing(c: Caches, lists: readonly (readonly string[])[]): readonly string[] {
  let acc: readonly string[] = EMPTY;
  for (const l of lists) acc = union2(c, acc, l);
  return acc;
}

/** A list of input names, deduplicated and in input order. */
export function sortedMissing(c: Caches, names: readonly string[]): readonly string[] {
  return Object.freeze([...new Set(names)].sort((a, b) => rankOf(c, a) - rankOf(c, b)));
}
