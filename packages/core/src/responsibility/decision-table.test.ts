import { describe, expect, it } from 'vitest';
import type { DataProblem } from '../agreement/validate.js';
import { isSamverkanError } from '../errors.js';
import { compileCondition, type Condition } from './condition.js';
import { compileDecisionTable, type TableRule } from './decision-table.js';
import { enumDim, makeSpace, triDim } from './space.js';

// A small space: housing (two values) and one yes/no input that may be unknown.
const space = makeSpace([enumDim('housing', ['home', 'care']), triDim('frail')]);

interface R {
  id: string;
  when?: Condition;
  outcome: string;
  before?: string[];
  fallback?: boolean;
}

function compile(rules: R[]) {
  const problems: DataProblem[] = [];
  const compiled: TableRule<string>[] = rules.map((r, i) => ({
    id: r.id,
    path: `/rules/${i}`,
    boxes: r.when
      ? compileCondition(r.when, space, 'test.yaml', `/rules/${i}/when`, problems)
      : [Int32Array.from(space.radices, (x) => (1 << x) - 1)],
    outcome: r.outcome,
    before: r.before ?? [],
    fallback: r.fallback ?? false,
  }));
  expect(problems).toEqual([]);
  return compileDecisionTable({ file: 'test.yaml', space, rules: compiled, classOf: (o) => (o === 'undecided' ? undefined : o) });
}

function errorOf(fn: () => unknown): { code: string; message: string } {
  try {
    fn();
  } catch (e) {
    if (isSamverkanError(e)) return { code: e.code, message: e.message };
    throw e;
  }
  throw new Error('expected an error');
}

const care: R = { id: 'CARE', when: { input: 'housing', equals: 'care' }, outcome: 'kommun' };
const frailHome: R = {
  id: 'FRAIL',
  when: {
    allOf: [
      { input: 'housing', equals: 'home' },
      { input: 'frail', is: true },
    ],
  },
  outcome: 'kommun',
};
const notFrail: R = {
  id: 'NOTFRAIL',
  when: {
    allOf: [
      { input: 'housing', equals: 'home' },
      { input: 'frail', is: false },
    ],
  },
  outcome: 'region',
};
const unknownFrail: R = {
  id: 'UNKNOWN',
  when: {
    allOf: [
      { input: 'housing', equals: 'home' },
      { input: 'frail', is: 'unknown' },
    ],
  },
  outcome: 'undecided',
};

describe('compileDecisionTable', () => {
  it('compiles a complete table without overlaps into one winner per situation', () => {
    const t = compile([care, frailHome, notFrail, unknownFrail]);
    const ids = Array.from(t.winner, (w) => t.rules[w]?.id);
    // Cells in mixed radix: housing (home, care) × frail (false, true, unknown).
    expect(ids).toEqual(['NOTFRAIL', 'FRAIL', 'UNKNOWN', 'CARE', 'CARE', 'CARE']);
  });

  it('refuses two rules that can match the same situation without a declared priority, naming both', () => {
    const broad: R = { id: 'BROAD', when: { input: 'frail', is: true }, outcome: 'region' };
    const e = errorOf(() => compile([care, frailHome, notFrail, unknownFrail, broad]));
    expect(e.code).toBe('SAMV_ERR_RULE_CONFLICT');
    expect(e.message).toContain('CARE och BROAD');
    expect(e.message).toContain('housing=care, frail=true');
  });

  it('accepts the same overlap once a priority is declared', () => {
    const broad: R = { id: 'BROAD', when: { input: 'frail', is: true }, outcome: 'kommun', before: ['CARE'] };
    const frailOnly: R = { ...frailHome, before: ['BROAD'] };
    const t = compile([care, frailOnly, notFrail, unknownFrail, broad]);
    const ids = Array.from(t.winner, (w) => t.rules[w]?.id);
    expect(ids).toEqual(['NOTFRAIL', 'FRAIL', 'UNKNOWN', 'CARE', 'BROAD', 'CARE']);
  });

  it('accepts a priority that holds through another rule (transitively)', () => {
    const a: R = { id: 'A', when: { input: 'housing', equals: 'care' }, outcome: 'kommun', before: ['B'] };
    const b: R = { id: 'B', when: { input: 'housing', in: ['care'] }, outcome: 'kommun', before: ['C'] };
    const c: R = {
      id: 'C',
      when: {
        allOf: [
          { input: 'housing', equals: 'care' },
          { input: 'frail', is: true },
        ],
      },
      outcome: 'kommun',
    };
    // B and C are dead (A decides every care cell): the compiler says so.
    const e = errorOf(() => compile([a, b, c, frailHome, notFrail, unknownFrail]));
    expect(e.code).toBe('SAMV_ERR_RULE_CONFLICT');
    expect(e.message).toContain('regeln B avgör aldrig något');
  });

  it('refuses a priority cycle', () => {
    const a: R = { ...care, before: ['X'] };
    const x: R = { id: 'X', when: { input: 'housing', equals: 'care' }, outcome: 'kommun', before: ['CARE'] };
    const e = errorOf(() => compile([a, x, frailHome, notFrail, unknownFrail]));
    expect(e.code).toBe('SAMV_ERR_RULE_CONFLICT');
    expect(e.message).toContain('cirkel');
  });

  it('refuses a gap: a situation no rule covers', () => {
    const e = errorOf(() => compile([care, frailHome, notFrail]));
    expect(e.code).toBe('SAMV_ERR_AGREEMENT_DATA');
    expect(e.message).toContain('ingen regel gäller situationen housing=home, frail=unknown');
  });

  it('refuses a decided rule that treats an unknown input as known', () => {
    // "not frail" written as "frail is not true": it would answer region when frailty is unknown.
    const sloppy: R = {
      id: 'SLOPPY',
      when: {
        allOf: [
          { input: 'housing', equals: 'home' },
          { input: 'frail', in: [false, 'unknown'] },
        ],
      },
      outcome: 'region',
    };
    const e = errorOf(() => compile([care, frailHome, sloppy]));
    expect(e.code).toBe('SAMV_ERR_AGREEMENT_DATA');
    expect(e.message).toContain('regeln SLOPPY avgör situationen housing=home, frail=unknown, men svaret beror på en okänd uppgift');
  });

  it('refuses an undecided rule where every filling-in gives the same answer', () => {
    const bothKommun: R = {
      id: 'NOTFRAIL',
      when: {
        allOf: [
          { input: 'housing', equals: 'home' },
          { input: 'frail', is: false },
        ],
      },
      outcome: 'kommun',
    };
    const e = errorOf(() => compile([care, frailHome, bothKommun, unknownFrail]));
    expect(e.code).toBe('SAMV_ERR_AGREEMENT_DATA');
    expect(e.message).toContain('regeln UNKNOWN lämnar situationen housing=home, frail=unknown obestämd');
  });

  it('refuses an undecided rule in a situation where nothing is unknown', () => {
    const undecidedKnown: R = {
      id: 'UNDECIDED',
      when: {
        allOf: [
          { input: 'housing', equals: 'home' },
          { input: 'frail', in: [false, 'unknown'] },
        ],
      },
      outcome: 'undecided',
    };
    const e = errorOf(() => compile([care, frailHome, undecidedKnown]));
    expect(e.message).toContain('regeln UNDECIDED lämnar svaret obestämt fast inga uppgifter är okända');
  });

  it('accepts a decided rule over an unknown input when the answer is the same either way', () => {
    const kommunAtHome: R = { id: 'HOME', when: { input: 'housing', equals: 'home' }, outcome: 'kommun' };
    const t = compile([care, kommunAtHome]);
    expect(t.rules[t.winner[2] ?? 0]?.id).toBe('HOME');
  });

  it('lists as missing exactly the unknown inputs that change the answer', () => {
    const t = compile([care, frailHome, notFrail, unknownFrail]);
    expect(t.missingDims(2)).toEqual([1]);
    expect(t.missingDims(0)).toEqual([]);
    expect(t.missingDims(5)).toEqual([]);
  });

  it('finds missing inputs that only matter once another unknown is filled in (three unknowns)', () => {
    // x when a and b are both true, y when either is false, undecided otherwise; c never matters.
    const s3 = makeSpace([triDim('a'), triDim('b'), triDim('c')]);
    const all = Int32Array.from(s3.radices, (x) => (1 << x) - 1);
    const problems: DataProblem[] = [];
    const rule = (id: string, outcome: string, when: Condition | undefined, fallback = false): TableRule<string> => ({
      id,
      path: `/rules/${id}`,
      boxes: when ? compileCondition(when, s3, 't.yaml', '/w', problems) : [all],
      outcome,
      before: [],
      fallback,
    });
    const t = compileDecisionTable({
      file: 't.yaml',
      space: s3,
      rules: [
        rule('X', 'x', {
          allOf: [
            { input: 'a', is: true },
            { input: 'b', is: true },
          ],
        }),
        rule('Y', 'y', {
          anyOf: [
            { input: 'a', is: false },
            { input: 'b', is: false },
          ],
        }),
        rule('U', 'undecided', undefined, true),
      ],
      classOf: (o) => (o === 'undecided' ? undefined : o),
    });
    expect(problems).toEqual([]);
    const cell = (a: number, b: number, c: number): number => a * 9 + b * 3 + c;
    expect(t.missingDims(cell(2, 2, 2))).toEqual([0, 1]);
    expect(t.missingMasks[cell(2, 2, 2)]).toBe(0b011);
    expect(t.missingDims(cell(1, 2, 2))).toEqual([1]);
    expect(t.missingDims(cell(2, 1, 0))).toEqual([0]);
    expect(t.missingDims(cell(0, 2, 2))).toEqual([]);
    expect(t.missingDims(cell(1, 1, 2))).toEqual([]);
  });
});

describe('compileCondition', () => {
  it('reports unknown inputs, values outside an input and misplaced operators', () => {
    const problems: DataProblem[] = [];
    compileCondition({ input: 'colour', equals: 'red' }, space, 'f.yaml', '/w', problems);
    compileCondition({ input: 'housing', equals: 'castle' }, space, 'f.yaml', '/w', problems);
    compileCondition({ input: 'housing', is: true }, space, 'f.yaml', '/w', problems);
    compileCondition({ input: 'frail', is: true, equals: true }, space, 'f.yaml', '/w', problems);
    compileCondition({ input: 'frail', is: true, allOf: [{ input: 'frail', is: false }] }, space, 'f.yaml', '/w', problems);
    expect(problems.map((p) => p.message)).toEqual([
      'f.yaml: okänd indata "colour" vid /w/input; tabellen har housing, frail.',
      'f.yaml: värdet "castle" vid /w är inget av värdena för "housing" ("home", "care").',
      'f.yaml: "is: true" vid /w kräver en ja/nej-indata, men "housing" är inte det; använd "equals" eller "in".',
      'f.yaml: villkoret på "frail" vid /w ska ha precis en av "is", "equals" eller "in".',
      'f.yaml: villkoret vid /w ska ha precis en av "input", "allOf" eller "anyOf".',
    ]);
  });

  it('gives allOf the intersection and anyOf the union', () => {
    const problems: DataProblem[] = [];
    const all = compileCondition(
      {
        allOf: [
          { input: 'housing', equals: 'home' },
          { input: 'frail', in: [true, 'unknown'] },
        ],
      },
      space,
      'f',
      '',
      problems,
    );
    const any = compileCondition(
      {
        anyOf: [
          { input: 'housing', equals: 'care' },
          { input: 'frail', is: false },
        ],
      },
      space,
      'f',
      '',
      problems,
    );
    expect(all.map((b) => Array.from(b))).toEqual([[0b01, 0b110]]);
    expect(any.map((b) => Array.from(b))).toEqual([
      [0b10, 0b111],
      [0b11, 0b001],
    ]);
    expect(problems).toEqual([]);
  });
});
