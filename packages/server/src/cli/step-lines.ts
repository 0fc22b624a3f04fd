/**
 * The CLI's text rendering of how a result was computed: each step as core's Swedish sentence
 * (renderStep, decision 0190) and the interpretations by their Swedish names, so the terminal
 * reads like the web app and the PDFs.
 */
import { describeInterpretation, renderStep, type Agreement, type Trace } from '@samverkan/core';

/** "Så räknades det:" with numbered step sentences and "Tolkningar av avtalstexten: …", ending in a newline. */
export function stepLines(trace: Trace, agreement: Agreement): string {
  const steps = trace.steps.map((s, i) => `  ${String(i + 1)}. ${renderStep(s).text}`);
  const interpretations = trace.interpretations.map((u) => describeInterpretation(u, agreement.interpretations.get(u.id)));
  return (
    (steps.length > 0 ? `\nSå räknades det:\n${steps.join('\n')}\n` : '') +
    (interpretations.length > 0 ? `Tolkningar av avtalstexten: ${interpretations.join('; ')}.\n` : '')
  );
}

/** "1 ny post sparad" / "3 nya poster sparade" (and "0 nya poster sparade"). */
export function savedPosts(n: number): string {
  return n === 1 ? '1 ny post sparad' : `${formatCount(n)} nya poster sparade`;
}

const counts = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 0 });

/** A count with thousands spaces ("12 500"). */
export function formatCount(n: number): string {
  return counts.format(n).replace(/\u2212/g, '-');
}
