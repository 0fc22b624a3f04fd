/**
 * The årshjul: every obligation occurrence of a year with date, title, owner, clauses, documents,
 * frequency and the interpretations used, sorted by date. Notice deadlines (per-period items) come
 * from the lifecycle (I11) and are left out for documents already terminated by that date. A
 * terminated document ends at its final end (terminationEffect): after that day none of its
 * obligations (meetings, index uplifts, billing) is listed. An obligation that several documents
 * state ends only when all of them have ended, and until then names only those still in force
 * (docs/decisions/0091-terminated-documents-leave-the-arshjul.md).
 */
import { Temporal } from '../dates.js';
import type { Agreement } from '../agreement/load.js';
import { ownerName } from '../agreement/parties.js';
import type { AgreementDocument, Frequency, Obligation } from '../agreement/schema.js';
import { noticeDeadline, periodAt } from '../lifecycle/periods.js';
import { appliesTo, terminatedEnd, type Termination } from '../lifecycle/terminations.js';
import { occurrenceDates } from './occurrences.js';

/** One occurrence in the årshjul. */
export interface CalendarEvent {
  readonly date: string;
  /** The obligation id; for notice deadlines `<obligation>.<DOC>`. */
  readonly id: string;
  readonly obligation: string;
  readonly title: string;
  readonly description: string | null;
  /** Swedish name of the owner (forum or party); null where the text names none. */
  readonly owner: string | null;
  readonly ownerId: string | null;
  readonly frequency: Frequency;
  readonly clauses: readonly string[];
  readonly documents: readonly string[];
  readonly interpretations: readonly string[];
  /**
   * Set when the agreement gives no date and the item is shown on I9's default day, e.g.
   * "datum anges inte i avtalet; visas 31 december" (so nobody reads 12-31 as a deadline).
   */
  readonly dateNote?: string;
}

const MONTHS = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'];

/** The note of an item placed by I9's default rather than by the text. */
function defaultDateNote(date: Temporal.PlainDate): string {
  return `datum anges inte i avtalet; visas ${String(date.day)} ${MONTHS[date.month - 1] ?? ''} (tolkning I9)`;
}

/** Years the calendar accepts: from the agreement's first year (nothing falls earlier) to 2200. */
export function calendarYearRange(agreement: Pick<Agreement, 'meta'>): { readonly min: number; readonly max: number } {
  return { min: Temporal.PlainDate.from(agreement.meta.validFrom).year, max: 2200 };
}

/** I9's default due day for yearly items ("12-31"), read from the interpretation's selected option. */
function yearlyDefault(agreement: Pick<Agreement, 'interpretations'>): string {
  const i9 = agreement.interpretations.get('I9');
  const value = i9?.options.find((o) => o.id === i9.default)?.values?.['yearlyDue'];
  return typeof value === 'string' ? value : '12-31';
}

function event(
  o: Obligation,
  agreement: Pick<Agreement, 'forums'>,
  date: Temporal.PlainDate,
  extra: Partial<CalendarEvent> = {},
): CalendarEvent {
  return {
    date: date.toString(),
    id: o.id,
    obligation: o.id,
    title: o.title,
    description: o.description ?? null,
    owner: o.owner === undefined ? null : ownerName(agreement, o.owner),
    ownerId: o.owner ?? null,
    frequency: o.frequency,
    clauses: o.clauses,
    documents: o.documents,
    interpretations: o.interpretations ?? [],
    ...extra,
  };
}

/** Notice deadlines of `doc` in `year`, skipping those already overtaken by a recorded termination. */
function deadlinesInYear(doc: AgreementDocument, year: number, terminations: readonly Termination[]): Temporal.PlainDate[] {
  const out: Temporal.PlainDate[] = [];
  for (let i = 0; ; i++) {
    const period = periodAt(doc, i);
    const deadline = period ? noticeDeadline(doc, period) : null;
    if (!deadline || deadline.year > year) return out;
    const terminated = terminations.some((t) => appliesTo(t, doc) && Temporal.PlainDate.compare(t.noticeDate, deadline) <= 0);
    if (deadline.year === year && !terminated) out.push(deadline);
  }
}

/**
 * The last day of each document that ends in `year` because it has no renewal (GEMUTV
 * 2027-12-31, GEMUTV.giltighetstid): "GEMUTV upphör". A termination only ever removes items
 * (decision 0091), so a terminated document's end is shown by the lifecycle, not added here;
 * one terminated before its validTo loses this item too.
 */
function expiries(agreement: Agreement, year: number, ends: ReadonlyMap<string, Temporal.PlainDate>): CalendarEvent[] {
  const out: CalendarEvent[] = [];
  for (const doc of agreement.documents) {
    if (doc.renewal.kind !== 'none') continue;
    const end = Temporal.PlainDate.from(doc.validTo);
    const terminated = ends.get(doc.id);
    if (end.year !== year || (terminated !== undefined && Temporal.PlainDate.compare(terminated, end) < 0)) continue;
    out.push({
      date: end.toString(),
      id: `upphor.${doc.id}`,
      obligation: 'upphor',
      title: `${doc.id} upphör: ${doc.shortTitle}`,
      description: 'Sista dagen dokumentet gäller; det förlängs inte automatiskt.',
      owner: null,
      ownerId: null,
      frequency: 'per-period',
      clauses: [doc.renewal.clause],
      documents: [doc.id],
      interpretations: [],
    });
  }
  return out;
}

/** Every obligation occurrence in `year`, sorted by date (then by the order of obligations.yaml). */
export function calendarForYear(agreement: Agreement, year: number, terminations: readonly Termination[] = []): CalendarEvent[] {
  const start = Temporal.PlainDate.from(agreement.meta.validFrom);
  const fallback = yearlyDefault(agreement);
  const events: CalendarEvent[] = [];
  // Final end per terminated document (ALL gives every document one).
  const ends = new Map<string, Temporal.PlainDate>();
  for (const doc of agreement.documents) {
    const end = terminatedEnd(doc, terminations);
    if (end !== null) ends.set(doc.id, end);
  }
  const inForce = (id: string, date: Temporal.PlainDate): boolean => {
    const end = ends.get(id);
    return end === undefined || Temporal.PlainDate.compare(date, end) <= 0;
  };
  for (const o of agreement.obligations) {
    if (o.frequency === 'per-period') {
      for (const id of o.documents) {
        const doc = agreement.documents.find((d) => d.id === id);
        if (!doc) continue;
        for (const date of deadlinesInYear(doc, year, terminations)) {
          events.push(
            event(o, agreement, date, {
              id: `${o.id}.${doc.id}`,
              title: `${o.title}: ${doc.shortTitle} (${doc.id})`,
              clauses: [doc.renewal.clause],
              documents: [doc.id],
              interpretations: [...new Set([...(o.interpretations ?? []), 'I11'])],
            }),
          );
        }
      }
      continue;
    }
    const { dates, usedDefault } = occurrenceDates(o, year, fallback);
    for (const date of dates) {
      const interpretations = usedDefault ? [...new Set([...(o.interpretations ?? []), 'I9'])] : (o.interpretations ?? []);
      // obligations.yaml writes I9's default day out (due: "12-31") and names I9: the text gives no date.
      const placedByDefault = interpretations.includes('I9');
      // Nothing falls before the agreement starts (2026-01-01), nor after all its documents have ended.
      if (Temporal.PlainDate.compare(date, start) < 0) continue;
      const documents = o.documents.filter((id) => inForce(id, date));
      if (documents.length === 0) continue;
      events.push(
        event(o, agreement, date, {
          interpretations,
          ...(documents.length === o.documents.length ? {} : { documents }),
          ...(placedByDefault ? { dateNote: defaultDateNote(date) } : {}),
        }),
      );
    }
  }
  events.push(...expiries(agreement, year, ends));
  return events
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.date.localeCompare(b.e.date) || a.i - b.i)
    .map(({ e }) => e);
}
