/**
 * The validity timeline: one row per document, its periods as bars, the notice deadline as a
 * marker, and today as a vertical line. The SVG is an image with a text summary; the table after
 * it holds the same facts for screen readers and print.
 */
import type { ReactNode } from 'react';
import { formatDateLong } from '../../format/dates.js';

/** One row of the timeline. */
export interface TimelineRow {
  readonly id: string;
  readonly label: string;
  readonly colour: string;
  readonly periods: readonly { readonly start: string; readonly end: string; readonly kind: 'current' | 'next' | 'final' }[];
  readonly noticeDeadline: string | null;
}

const dayNumber = (iso: string): number => {
  const [y, m, d] = iso.split('-').map(Number);
  // Calendar arithmetic in UTC: a date is a day, not an instant.
  return Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1) / 86_400_000;
};

const W = 760;
const LEFT = 150;
const ROW = 34;
const TOP = 56;

/** The SVG timeline from the first to the last year given. */
export function Timeline({ rows, today, fromYear, toYear }: { readonly rows: readonly TimelineRow[]; readonly today: string; readonly fromYear: number; readonly toYear: number }): ReactNode {
  const start = dayNumber(`${String(fromYear)}-01-01`);
  const end = dayNumber(`${String(toYear + 1)}-01-01`);
  const x = (iso: string): number => LEFT + ((Math.min(Math.max(dayNumber(iso), start), end) - start) / (end - start)) * (W - LEFT - 10);
  const height = TOP + rows.length * ROW + 10;
  const years: number[] = [];
  for (let y = fromYear; y <= toYear; y++) years.push(y);
  const deadlines = rows.filter((r) => r.noticeDeadline !== null).map((r) => `${r.id} senast ${r.noticeDeadline ?? ''}`);
  const label = `Tidslinje ${String(fromYear)}–${String(toYear)} för ${String(rows.length)} överenskommelser. I dag är det ${formatDateLong(today)}. Sista dag för uppsägning: ${deadlines.join(', ') || 'ingen'}.`;
  return (
    <figure className="figure timeline">
      <svg viewBox={`0 0 ${String(W)} ${String(height)}`} role="img" aria-label={label} width="100%">
        {years.map((y) => (
          <g key={y}>
            <line x1={x(`${String(y)}-01-01`)} x2={x(`${String(y)}-01-01`)} y1={TOP - 8} y2={height - 6} stroke="#c7c7c7" />
            <text x={x(`${String(y)}-01-01`) + 4} y={TOP - 12} fontSize="13" fill="#333">
              {y}
            </text>
          </g>
        ))}
        {rows.map((r, i) => {
          const yMid = TOP + i * ROW + ROW / 2;
          return (
            <g key={r.id}>
              <text x={0} y={yMid + 4} fontSize="13" fill="#1e1e1e">
                {r.label}
              </text>
              {r.periods.map((p) => (
                <rect
                  key={`${p.start}-${p.kind}`}
                  x={x(p.start)}
                  y={yMid - 9}
                  width={Math.max(2, x(p.end) - x(p.start))}
                  height={18}
                  rx={3}
                  fill={r.colour}
                  fillOpacity={p.kind === 'next' ? 0.35 : 1}
                  stroke="#1e1e1e"
                  strokeWidth={p.kind === 'final' ? 2 : 0.5}
                  strokeDasharray={p.kind === 'next' ? '4 3' : undefined}
                />
              ))}
              {r.noticeDeadline ? (
                <path
                  d={`M ${String(x(r.noticeDeadline))} ${String(yMid - 12)} l 7 12 l -7 12 l -7 -12 z`}
                  fill="#fff"
                  stroke="#b00020"
                  strokeWidth={2.5}
                />
              ) : null}
            </g>
          );
        })}
        <line x1={x(today)} x2={x(today)} y1={6} y2={height - 4} stroke="#b00020" strokeWidth={2} />
        <text x={x(today) + (x(today) > W - 140 ? -4 : 4)} y={16} fontSize="12" fontWeight="bold" fill="#b00020" textAnchor={x(today) > W - 140 ? 'end' : 'start'}>
          I dag {today}
        </text>
      </svg>
      <figcaption>
        Staplarna visar giltighetsperioder (streckad: förlängning om ingen säger upp), romben sista dag för uppsägning och den röda linjen
        dagens datum.
      </figcaption>
    </figure>
  );
}
