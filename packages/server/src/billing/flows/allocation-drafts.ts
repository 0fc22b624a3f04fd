/**
 * Drafts for flows whose lines are parts of one split total (MT fixed part, tilläggsbelopp,
 * development funds): every line's amount comes from core's largest-remainder allocation; a
 * basis's trace holds the general steps (how the total was reached) and the steps of its own
 * lines. Parts of 0 öre give no basis. Each line's billing key names the flow, period, pair and
 * category (and a part such as the area when a pair has several lines of one category).
 */
import type { CalculationStep, InvoiceBasis, Trace } from '@samverkan/core';
import type { BasisDraft, BasisInputs } from '../basis-draft.js';
import { allocationKey } from '../billing-keys.js';

/** Which flow and period the keys name, and the part of a line when a pair has several of one category. */
export interface AllocationKeying {
  readonly flow: string;
  readonly period: string;
  readonly part?: (b: InvoiceBasis, lineIndex: number) => string | undefined;
}

/** Drafts for `bases`; `ownSteps` picks a line's own steps, every other step is general. */
export function allocationDrafts(
  bases: readonly InvoiceBasis[],
  trace: Trace,
  inputs: BasisInputs,
  isOwnStep: (s: CalculationStep) => boolean,
  ownSteps: (b: InvoiceBasis, lineIndex: number) => readonly CalculationStep[],
  keying: AllocationKeying,
): BasisDraft[] {
  const general = trace.steps.filter((s) => !isOwnStep(s));
  return bases
    .filter((b) => b.totalOre !== 0)
    .map((b) => {
      const lines = b.lines.map((line, i) => ({
        line,
        steps: [...general, ...ownSteps(b, i)],
        billingKey: allocationKey(keying.flow, keying.period, b.seller, b.buyer, line.category, keying.part?.(b, i)),
        recordId: null,
      }));
      if (new Set(lines.map((l) => l.billingKey)).size !== lines.length)
        throw new Error(`${keying.flow}: two lines of one pair with the same billing key`);
      const own = b.lines.flatMap((_l, i) => ownSteps(b, i));
      const unique = own.filter((s, i) => own.findIndex((x) => x.id === s.id) === i);
      return { seller: b.seller, buyer: b.buyer, lines, totalOre: b.totalOre, trace: { ...trace, steps: [...general, ...unique] }, inputs };
    });
}
