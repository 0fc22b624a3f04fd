/** Validity periods shown on the timeline (the service gives the current one; renewal adds the next). */

const dayMs = 86_400_000;
const toDay = (iso: string): number => {
  const [y, m, d] = iso.split('-').map(Number);
  return Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1) / dayMs;
};
const fromDay = (day: number): string => new Date(day * dayMs).toISOString().slice(0, 10);

/** The period after `end` when a document renews: the next day plus `years` years, minus one day. */
export function nextPeriod(end: string, years: number): { start: string; end: string } {
  const start = fromDay(toDay(end) + 1);
  const [y, m, d] = start.split('-').map(Number);
  const after = fromDay(Date.UTC((y ?? 1970) + years, (m ?? 1) - 1, d ?? 1) / dayMs - 1);
  return { start, end: after };
}
