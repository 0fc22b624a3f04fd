/**
 * Runs every named scenario in `agreements/jamtland-2026/scenarios/responsibility/*.yaml`: each
 * case's input goes through the real validation and `assess`; the expected part must match the
 * answer, and the clause the case proves must exist and be cited in the answer.
 */
import Type from 'typebox';
import { describe, expect, it } from 'vitest';
import { Strict } from '../agreement/schema.js';
import { schemaProblems } from '../agreement/validate.js';
import { shippedAgreement } from '../agreement/shipped-agreement.testkit.js';
import type { Answer } from './answer.js';
import { assess } from './assess.js';
import { compileResponsibilityRules } from './load-rules.js';
import { parseSituation } from './situation.js';

const ScenarioFileSchema = Strict({
  cases: Type.Array(
    Strict({
      id: Type.String({ minLength: 1 }),
      description: Type.String({ minLength: 10 }),
      clause: Type.String({ minLength: 1 }),
      input: Type.Record(Type.String(), Type.Unknown()),
      expected: Type.Record(Type.String(), Type.Unknown()),
    }),
    { minItems: 1 },
  ),
});

interface Scenario {
  id: string;
  description: string;
  clause: string;
  input: Record<string, unknown>;
  expected: Record<string, unknown>;
}

/** Differences between an expected value (objects: the keys given; arrays: same length) and the actual. */
function mismatches(expected: unknown, actual: unknown, path: string): string[] {
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return [`${path}: expected a list, got ${JSON.stringify(actual)}`];
    if (actual.length !== expected.length)
      return [`${path}: expected ${expected.length} items, got ${actual.length}: ${JSON.stringify(actual)}`];
    return expected.flatMap((e, i) => mismatches(e, actual[i], `${path}[${i}]`));
  }
  if (expected !== null && typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object') return [`${path}: expected an object, got ${JSON.stringify(actual)}`];
    return Object.entries(expected).flatMap(([k, v]) => mismatches(v, (actual as Record<string, unknown>)[k], `${path}.${k}`));
  }
  return Object.is(expected, actual) ? [] : [`${path}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`];
}

/** Every clause id cited anywhere in the answer. */
function citedClauses(answer: Answer): Set<string> {
  const out = new Set<string>();
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v !== null && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (typeof o['id'] === 'string' && typeof o['quote'] === 'string') out.add(o['id']);
      Object.values(o).forEach(walk);
    }
  };
  walk(answer);
  return out;
}

const agreement = shippedAgreement();
const rules = compileResponsibilityRules(agreement);
const files = [...agreement.extra.entries()].filter(([path]) => path.startsWith('scenarios/responsibility/'));
const scenarios: (Scenario & { file: string })[] = files.flatMap(([file, data]) => {
  const problems = schemaProblems(file, ScenarioFileSchema, data);
  if (problems.length > 0) throw new Error(problems.map((p) => p.message).join('\n'));
  return (data as { cases: Scenario[] }).cases.map((c) => ({ ...c, file }));
});

describe('responsibility scenarios (data)', () => {
  it('has at least 40 uniquely named cases covering every rule of every table', () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(40);
    expect(new Set(scenarios.map((s) => s.id)).size).toBe(scenarios.length);
    const answers = scenarios.map((s) => assess(agreement, rules, parseSituation(s.input, rules, '2026-03-01')));
    const used = new Set(
      answers.flatMap((a) => [
        a.careResponsibility.rule,
        a.physician.rule,
        a.performing.rule,
        a.visionHearing.rule,
        ...a.products.map((p) => p.rule),
      ]),
    );
    const all = [rules.care, rules.products, rules.physician, rules.performing, rules.visionHearing].flatMap((t) =>
      t.views.map((v) => v.id),
    );
    expect(all.filter((id) => !used.has(id))).toEqual([]);
    const routines = new Set(answers.flatMap((a) => a.handover.map((h) => h.id)));
    expect(rules.handover.map((h) => h.answer.ordinart.id).filter((id) => !routines.has(id))).toEqual([]);
  });

  it.each(scenarios.map((s) => [`${s.id} (${s.file})`, s] as const))('%s', (_, s) => {
    expect(agreement.clauses.has(s.clause), `clause ${s.clause} exists`).toBe(true);
    const answer = assess(agreement, rules, parseSituation(s.input, rules, '2026-03-01'));
    expect(mismatches(s.expected, answer, 'answer')).toEqual([]);
    expect(citedClauses(answer).has(s.clause), `${s.clause} is cited in the answer`).toBe(true);
  });
});
