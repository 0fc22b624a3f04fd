/**
 * A bar chart of how an amount is split, drawn with pdfmake's canvas (vector rectangles, so it
 * prints sharply and adds no image): one row per part with its name, a bar proportional to the
 * amount and the amount in kronor. Bar lengths are layout geometry, not money; they are computed
 * with integer division of the öre amounts.
 */
import type { Content, TableCell } from 'pdfmake/interfaces.js';
import { kronorText } from '../swedish-text.js';
import { lineLayout, right } from './pdf-parts.js';

/** Width of the longest bar in points. */
const BAR = 240;

/** One bar of the chart. */
export interface ChartPart {
  readonly label: string;
  readonly amountOre: number;
  readonly note?: string;
}

/** The chart as a table of name, bar and amount. */
export function splitChart(parts: readonly ChartPart[]): Content {
  const max = parts.reduce((m, p) => (p.amountOre > m ? p.amountOre : m), 0);
  const rows: TableCell[][] = parts.map((p) => {
    const w = max <= 0 || p.amountOre <= 0 ? 0 : Math.max(1, Number((BigInt(p.amountOre) * BigInt(BAR)) / BigInt(max)));
    return [
      { text: p.label },
      { canvas: w === 0 ? [] : [{ type: 'rect', x: 0, y: 1, w, h: 9, color: '#2f5d8a' }], width: BAR },
      right(kronorText(p.amountOre)),
    ];
  });
  return { table: { widths: [110, BAR, '*'], body: rows }, layout: { ...lineLayout, hLineWidth: () => 0 } };
}
