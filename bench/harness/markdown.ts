/** One suite's section of bench/results.md, in the same shape for every suite. */
import { figureText } from './format.js';
import type { Row, SuiteResult } from './suite.js';

function cell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function rowLine(r: Row): string {
  const goal = r.goal ? `${r.goal.met ? '✅ met' : '❌ **missed**'}: ${r.goal.text}${r.goal.detail ? ` — ${r.goal.detail}` : ''}` : '–';
  return `| ${cell(r.measure)} | ${figureText(r.ours)} | ${r.peer ? `${cell(r.peer.name)}: ${figureText(r.peer.figure)}` : '–'} | ${r.ratio ? `${figureText(r.ratio.figure)} ${cell(r.ratio.label)}` : '–'} | ${cell(goal)} |`;
}

/** Markdown for a suite's result under `## title`, with the context line the runner supplies. */
export function suiteMarkdown(result: SuiteResult, context: string): string {
  const out = [`## ${result.title}`, '', context, ''];
  if (result.skipped !== undefined) out.push(`**Not measured in this run:** ${result.skipped}`, '');
  for (const p of result.intro) out.push(p, '');
  if (result.rows.length > 0) {
    const n = Math.min(...result.rows.map((r) => r.ours.stats.n));
    out.push(
      `| measure | ours, median (min – max) of ≥ ${String(n)} runs | peer | ratio per pair | goal |`,
      '|---|---|---|---|---|',
      ...result.rows.map(rowLine),
      '',
    );
  }
  for (const n of result.notes) out.push(`- ${n}`);
  if (result.notes.length > 0) out.push('');
  if (result.failures.length > 0) out.push('**Correctness checks FAILED:**', '', ...result.failures.map((f) => `- ${f}`), '');
  if (result.extra !== undefined) out.push(result.extra.trimEnd(), '');
  return out.join('\n');
}
