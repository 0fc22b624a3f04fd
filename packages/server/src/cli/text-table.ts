/**
 * Plain-text tables for the CLI's human-readable output (without --json): columns separated by
 * two spaces, a header and a rule. A column whose every cell is a number or an amount ("1 234",
 * "659,84 kr", "12,5 %", "–") is right-aligned, so kronor and counts line up on their last digit.
 */

const numeric = /^(?:[-−]?\d{1,3}(?:[\u00a0\u202f ]\d{3})*(?:,\d+)?(?: kr| %)?|–)$/;

/** Format `rows` under `headers` as aligned text ending in a newline. */
export function formatTable(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const right = headers.map((_, i) => rows.length > 0 && rows.every((r) => numeric.test(r[i] ?? '')));
  const line = (cells: readonly string[]): string =>
    cells
      .map((c, i) => (right[i] === true ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n') + '\n';
}
