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
