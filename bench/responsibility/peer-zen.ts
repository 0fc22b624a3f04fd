/**
 * The care table for @gorules/zen-engine as a JSON Decision Model: one decision table (hit policy
 * "first"), a unary-test column per raw input, one row per raw box, rows in the table's priority
 * order; outputs the rule id and the party. The table runs in Loop Mode (zen's documented way to
 * evaluate many inputs in one call: the node maps over the array at `inputField` and writes the
 * results to `outputPath`), so one `evaluate` answers a whole batch.
 */
import { ZenEngine, type ZenDecision } from '@gorules/zen-engine';
import type { RawRule, RawValue } from './raw-table.js';

const FIELDS = [
  'registered',
  'storsjoglantan',
  'atDayActivity',
  'housing',
  'safeAtHome',
  'needOver14Days',
  'cfs',
  'cognitiveImpairment',
  'cannotReachHealthCentre',
  'prefersHealthCentre',
  'preferenceRisksSafety',
];

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
          executionMode: 'loop',
          inputField: 'situations',
          outputPath: 'answers',
          passThrough: false,
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

/** Evaluate a batch of situations in one call (Loop Mode). */
export async function runZenBatch(
  decision: ZenDecision,
  situations: readonly Record<string, string | number>[],
): Promise<readonly { rule?: string; party?: string }[]> {
  const r = await decision.evaluate({ situations });
  const out = (r.result as { answers?: { rule?: string; party?: string }[] } | null)?.answers;
  if (out?.length !== situations.length) throw new Error('zen-engine answered a batch with the wrong number of answers');
  return out;
}
