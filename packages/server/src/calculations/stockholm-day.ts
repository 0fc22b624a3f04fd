/**
 * Today's date in Stockholm as ISO text, worked out once per day instead of on every request:
 * with the Temporal polyfill, time-zone arithmetic was a twentieth of an answered assessment
 * (issue 11). The day is kept with the instants it starts and ends at (Europe/Stockholm, so
 * summer time is respected), and worked out again as soon as the clock leaves it, also backwards
 * (decision 0230).
 */
import { Temporal, todayInStockholm } from '@samverkan/core';

const ZONE = 'Europe/Stockholm';

interface Day {
  readonly text: string;
  /** Epoch ms of the day's first instant in Stockholm. */
  readonly from: number;
  /** Epoch ms of the next day's first instant. */
  readonly until: number;
}

let current: Day | undefined;

/** The Stockholm date at `nowMs` (default: now), e.g. "2026-12-01". */
export function stockholmToday(nowMs: number = Date.now()): string {
  const day = current;
  if (day !== undefined && nowMs >= day.from && nowMs < day.until) return day.text;
  const today = todayInStockholm(Temporal.Instant.fromEpochMilliseconds(nowMs));
  current = {
    text: today.toString(),
    from: today.toZonedDateTime(ZONE).epochMilliseconds,
    until: today.add({ days: 1 }).toZonedDateTime(ZONE).epochMilliseconds,
  };
  return current.text;
}
