/**
 * The årshjul: the year as a wheel of twelve months, January at the top and running clockwise
 * (the Swedish public-sector convention), with each obligation as a dot on its due date. The SVG
 * is an image with a text summary (role="img" + aria-label); the list beside it holds the details.
 */
import type { ReactNode } from 'react';
import { MONTHS_SV, positionInYear } from '../../format/dates.js';

/** An obligation placed on the wheel. */
export interface WheelItem {
  readonly id: string;
  readonly title: string;
  readonly due: string;
}

const C = 210;
const R_OUT = 195;
const R_IN = 95;

function polar(r: number, turn: number): { x: number; y: number } {
  // turn 0 = top (12 o'clock), increasing clockwise.
  const a = turn * 2 * Math.PI - Math.PI / 2;
  return { x: C + r * Math.cos(a), y: C + r * Math.sin(a) };
}

function sector(i: number): string {
  const a0 = polar(R_OUT, i / 12);
  const a1 = polar(R_OUT, (i + 1) / 12);
  const b1 = polar(R_IN, (i + 1) / 12);
  const b0 = polar(R_IN, i / 12);
  const f = (n: number): string => n.toFixed(2);
  return `M ${f(a0.x)} ${f(a0.y)} A ${String(R_OUT)} ${String(R_OUT)} 0 0 1 ${f(a1.x)} ${f(a1.y)} L ${f(b1.x)} ${f(b1.y)} A ${String(R_IN)} ${String(R_IN)} 0 0 0 ${f(b0.x)} ${f(b0.y)} Z`;
}

/** The wheel for `year`; `currentMonth` (1–12) is highlighted when the year is this year. */
export function Wheel({
  year,
  items,
  currentMonth,
}: {
  readonly year: number;
  readonly items: readonly WheelItem[];
  readonly currentMonth?: number;
}): ReactNode {
  const perMonth = MONTHS_SV.map((_, i) => items.filter((it) => positionInYear(it.due)?.month === i + 1));
  const summary = perMonth.map((list, i) => `${MONTHS_SV[i] ?? ''} ${String(list.length)}`).join(', ');
  const label = `Årshjul ${String(year)} med ${String(items.length)} åtaganden per månad: ${summary}. Detaljerna finns i listan.`;
  // Spread dots that fall on the same day outward so each stays visible.
  const placed = new Map<string, number>();
  return (
    <svg viewBox="0 0 420 420" role="img" aria-label={label} className="wheel" width="100%">
      {MONTHS_SV.map((m, i) => {
        const mid = polar(R_OUT - 20, (i + 0.5) / 12);
        const isCurrent = currentMonth === i + 1;
        return (
          <g key={m}>
            <path d={sector(i)} fill={isCurrent ? '#dbe9f6' : i % 2 === 0 ? '#f3f4f6' : '#ffffff'} stroke="#6b7280" strokeWidth={1} />
            <text
              x={mid.x}
              y={mid.y}
              textAnchor="middle"
              dominantBaseline="middle"
              fontSize="12"
              fill="#1f2937"
              fontWeight={isCurrent ? 700 : 400}
            >
              {m.slice(0, 3)}
            </text>
          </g>
        );
      })}
      {items.map((it) => {
        const p = positionInYear(it.due);
        if (!p) return null;
        const key = it.due;
        const n = placed.get(key) ?? 0;
        placed.set(key, n + 1);
        const r = R_IN + 14 + n * 13;
        const pt = polar(Math.min(r, R_OUT - 40), p.fraction);
        return <circle key={`${it.id}-${it.due}`} cx={pt.x} cy={pt.y} r={5} fill="#1a4f8b" stroke="#fff" strokeWidth={1.5} />;
      })}
      <text x={C} y={C - 6} textAnchor="middle" fontSize="28" fontWeight="700" fill="#111827">
        {year}
      </text>
      <text x={C} y={C + 20} textAnchor="middle" fontSize="13" fill="#374151">
        {items.length} åtaganden
      </text>
    </svg>
  );
}
