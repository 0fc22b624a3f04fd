/**
 * The care table for @gorules/zen-engine as a JSON Decision Model: one decision table (hit policy
 * "first"), a unary-test column per raw input, one row per raw box, rows in the table's priority
 * order; outputs the rule id and the party.
 */
import { ZenEngine, type ZenDecision } from '@gorules/zen-engine';
import type { RawRule, RawValue } from './raw-table.js';

const FIELDS = ['registered', 'storsjoglantan', 'atDayActivity', 'housing', 'safeAtHome', 'needOver14Days', 'cfs', 'cognitiveImpairment', 'cannotReachHealthCentre', 'prefersHealthCentre', 'preferenceRisksSafety'];

function cell(values: readonly RawValue[] | undefined): string {
  if (values === undefined) return '';
  return values.map((v) => (typeof v === 'number' ? String(v) : `'${v}'`)).join(', ');
}

/** The JDM document. */
export function zenDocument(rules: readonly RawRule[]): object {
  const rows = rules.flatMap((r) =>
    r.boxes.map((b, k) => ({
      _id: `${r.id}-${String(k)}`,
      ...Object.fromEntries(FIELDS.map((f) => [`in_${f}`, cell(b[f])])),
      out_rule: `'${r.id}'`,
      out_party: `'${r.party}'`,
    })),
  );
  return {
    nodes: [
      { id: 'request', type: 'inputNode', name: 'Request', position: { x: 0, y: 0 } },
      {
        id: 'care',
        type: 'decisionTableNode',
        name: 'care-responsibility',
        position: { x: 200, y: 0 },
        content: {
          hitPolicy: 'first',
          inputs: FIELDS.map((f) => ({ id: `in_${f}`, name: f, field: f })),
          outputs: [
            { id: 'out_rule', name: 'rule', field: 'rule' },
            { id: 'out_party', name: 'party', field: 'party' },
          ],
          rules: rows,
        },
      },
      { id: 'response', type: 'outputNode', name: 'Response', position: { x: 400, y: 0 } },
    ],
    edges: [
      { id: 'e1', sourceId: 'request', targetId: 'care', type: 'edge' },
      { id: 'e2', sourceId: 'care', targetId: 'response', type: 'edge' },
    ],
  };
}

/** Build the decision. */
export function zenDecision(rules: readonly RawRule[]): { engine: ZenEngine; decision: ZenDecision; rows: number } {
  const engine = new ZenEngine();
  const doc = zenDocument(rules) as { nodes: { content?: { rules: unknown[] } }[] };
  return { engine, decision: engine.createDecision(doc), rows: doc.nodes[1]?.content?.rules.length ?? 0 };
}

/** Evaluate one situation. */
export async function runZen(decision: ZenDecision, facts: Record<string, string | number>): Promise<{ rule: string; party: string }> {
  const r = await decision.evaluate(facts);
  const out = r.result as { rule?: string; party?: string } | null;
  return { rule: out?.rule ?? '', party: out?.party ?? '' };
}
