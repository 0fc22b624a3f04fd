/**
 * The care table for json-rules-engine: one rule per care rule, `any` over its raw boxes, each box
 * `all` of `in` tests; distinct priorities in the table's order, and the engine stops at the first
 * success (its idiom for first-match).
 */
import { Engine } from 'json-rules-engine';
import type { RawRule } from './raw-table.js';

/** Build the engine. */
export function jsonRulesEngine(rules: readonly RawRule[]): Engine {
  const engine = new Engine([], { allowUndefinedFacts: true });
  rules.forEach((r, i) => {
    engine.addRule({
      name: r.id,
      priority: rules.length - i,
      conditions: {
        any: r.boxes.map((b) => ({ all: Object.entries(b).map(([fact, values]) => ({ fact, operator: 'in', value: [...values] })) })),
      },
      event: { type: r.id, params: { party: r.party } },
      onSuccess: () => {
        engine.stop();
      },
    });
  });
  return engine;
}

/** Evaluate one situation: the first matching rule's id and party. */
export async function runJsonRulesEngine(engine: Engine, facts: Record<string, string | number>): Promise<{ rule: string; party: string }> {
  const { events } = await engine.run(facts);
  const e = events[0];
  return { rule: e?.type ?? '', party: (e?.params as { party?: string } | undefined)?.party ?? '' };
}
