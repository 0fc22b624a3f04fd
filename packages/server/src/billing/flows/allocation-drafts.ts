/**
 * Drafts for flows whose lines are parts of one split total (MT fixed part, tilläggsbelopp,
 * development funds): every line's amount comes from core's largest-remainder allocation; a
 * basis's trace holds the general steps (how the total was reached) and the steps of its own
 * lines. Parts of 0 öre give no basis.
 */
import type { CalculationStep, InvoiceBasis, Trace } from '@samverkan/core';
import type { BasisDraft, BasisInputs } from '../basis-draft.js';

/** Drafts for `bases`; `ownSteps` picks a line's own steps, every other step is general. */
export function allocationDrafts(bases: readonly InvoiceBasis[], trace: Trace, inputs: BasisInputs, isOwnStep: (s: CalculationStep) => boolean, ownSteps: (b: InvoiceBasis, lineIndex: number) => readonly CalculationStep[]): BasisDraft[] {
  const general = trace.steps.filter((s) => !isOwnStep(s));
  return bases
    .filter((b) => b.totalOre !== 0)
    .map((b) => {
      const lines = b.lines.map((line, i) => ({ line, steps: [...general, ...ownSteps(b, i)] }));
      const own = b.lines.flatMap((_l, i) => ownSteps(b, i));
      const unique = own.filter((s, i) => own.findIndex((x) => x.id === s.id) === i);
      return { seller: b.seller, buyer: b.buyer, lines, totalOre: b.totalOre, trace: { ...trace, steps: [...general, ...unique] }, inputs };
    });
}
