/** Numbers for bench/results.md: three significant digits, thin-space thousands, the unit after. */
import type { Figure, Stats, Unit } from './suite.js';

const group = (s: string): string => s.replace(/\B(?=(\d{3})+(?!\d))/g, ' ');

/** A number with about three significant digits (integers of four digits or more in full, grouped). */
export function num(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  const a = Math.abs(v);
  if (a >= 1000) return group(Math.round(v).toString());
  if (a >= 100) return v.toFixed(0);
  if (a >= 10) return v.toFixed(1);
  if (a >= 1) return v.toFixed(2);
  return v.toPrecision(3);
}

/** A value with its unit ('%' given as a fraction, 0.5 → "50 %"). */
export function withUnit(v: number, unit: Unit): string {
  if (unit === '%') return `${num(v * 100)} %`;
  if (unit === '×') return `${num(v)}×`;
  if (unit === '') return num(v);
  return `${num(v)} ${unit}`;
}

/** "median (min–max)". */
export function statsText(s: Stats, unit: Unit): string {
  return `**${withUnit(s.median, unit)}** (${withUnit(s.min, unit)} – ${withUnit(s.max, unit)})`;
}

/** A figure as "median (min–max)". */
export function figureText(f: Figure): string {
  return statsText(f.stats, f.unit);
}
