/** Shape of `GET /calendar?year=Y&owner=` (same JSON as `samverkan calendar --json`). */

/** One dated occurrence of an obligation. */
export interface CalendarItem {
  readonly id: string;
  readonly title: string;
  readonly date: string;
  readonly owner: string | null;
  readonly frequency: string;
  readonly clauses: readonly string[];
  readonly documents: readonly string[];
  /** Set when the agreement gives no date and the item is shown on I9's default day. */
  readonly dateNote?: string;
}

/** The response. */
export interface CalendarResponse {
  readonly year: number;
  readonly events: readonly CalendarItem[];
}

/** The occurrences of a response, sorted by date. */
export function itemsOf(r: CalendarResponse): readonly CalendarItem[] {
  return [...r.events].sort((a, b) => a.date.localeCompare(b.date));
}

/** Where an item stands relative to today: past, today, within the next 30 days, or later. */
export type ItemTiming =
  { readonly kind: 'past' } | { readonly kind: 'today' } | { readonly kind: 'soon'; readonly days: number } | { readonly kind: 'later' };

/** How many days ahead count as "soon" in the årshjul. */
export const SOON_DAYS = 30;

/** The timing of an item dated `date` (ÅÅÅÅ-MM-DD) seen on `today`. */
export function timingOf(date: string, today: string): ItemTiming {
  if (date < today) return { kind: 'past' };
  if (date === today) return { kind: 'today' };
  const utc = (d: string): number => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)));
  const days = Math.round((utc(date) - utc(today)) / 86_400_000);
  return days <= SOON_DAYS ? { kind: 'soon', days } : { kind: 'later' };
}
