/**
 * Billing flow `cost-regulation` (kostnadsreglering efter tvist; ORD.tvist and the other
 * documents' Tvist clauses): every dispute whose standing decision was made in the month and
 * carries a cost regulation becomes one line through core's `costRegulationInvoiceBasis`,
 * payee → payer, one basis per pair. A dispute escalated after its decision has no standing
 * decision (`decided_on` is cleared) and is not billed. The disputes are named in the basis's
 * inputs (notes), not as imported records.
 */
import { costRegulationInvoiceBasis, TraceBuilder, type CostRegulation, type InvoiceLine } from '@samverkan/core';
import type { BasisDraft, FlowInput, FlowResult } from '../basis-draft.js';
import { escalationPath } from '../../disputes/dispute-view.js';
import { disputeKey } from '../billing-keys.js';

/** Compute the `cost-regulation` bases of a month. */
export async function costRegulationFlow(input: FlowInput): Promise<FlowResult> {
  const { from, to } = input.period.range;
  const rows = await input.db
    .selectFrom('disputes')
    .selectAll()
    .where('decided_on', '>=', from)
    .where('decided_on', '<=', to)
    .where('status', '<>', 'open')
    .where('cost_regulation_ore', 'is not', null)
    .orderBy('decided_on')
    .orderBy('created_at')
    .execute();
  const regulations: CostRegulation[] = rows.flatMap((r) =>
    r.cost_regulation_ore === null || r.cost_regulation_payer === null || r.cost_regulation_payee === null || r.decided_on === null
      ? []
      : [
          {
            dispute: r.id,
            document: r.document,
            subject: r.subject,
            clause: escalationPath(input.agreement, r.document, r.level).clause,
            decidedOn: r.decided_on,
            payer: r.cost_regulation_payer,
            payee: r.cost_regulation_payee,
            amountOre: r.cost_regulation_ore,
          },
        ],
  );
  if (regulations.length === 0) return { bases: [], notes: [`Inga tvister med kostnadsreglering avgjordes ${input.period.text}.`] };
  const result = costRegulationInvoiceBasis(input.agreement, { month: input.period.text, regulations });
  const indexOf = new Map(regulations.map((r, i) => [r.dispute, i]));
  const stepsOf = (l: InvoiceLine) => {
    const i = l.reference === undefined ? undefined : indexOf.get(l.reference);
    if (i === undefined) throw new Error('cost-regulation line without its dispute');
    return result.trace.steps.filter((s) => s.id.startsWith(`tvist[${String(i)}]:`));
  };
  const drafts: BasisDraft[] = result.bases.map((b) => {
    const lines = b.lines.map((line) => ({ line, steps: stepsOf(line), billingKey: disputeKey(line.reference ?? ''), recordId: null }));
    const trace = new TraceBuilder(input.agreement);
    for (const r of result.trace.rules) trace.rule(r);
    for (const l of lines) trace.step(...l.steps);
    return {
      seller: b.seller,
      buyer: b.buyer,
      lines,
      totalOre: b.totalOre,
      trace: trace.build(),
      inputs: { imports: [], records: [], notes: b.lines.map((l) => `Tvist ${l.reference ?? ''} (${l.clause}), beslut ${l.date ?? ''}`) },
    };
  });
  return { bases: drafts, notes: [] };
}
