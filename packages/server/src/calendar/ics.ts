/**
 * The årshjul as iCalendar (.ics), so that obligations land in people's own calendars: one
 * all-day event per occurrence, a UID that stays the same for the same obligation and date (a
 * re-import updates instead of duplicating), Swedish summaries and the clauses in the description,
 * and display alarms (VALARM) ahead of each item.
 */
import { createEvents, type EventAttributes } from 'ics';
import { describeInterpretation, SamverkanError, Temporal, type Agreement, type CalendarEvent } from '@samverkan/core';

/** Stable UID of an occurrence: obligation (and document) id plus date, within this agreement. */
export function eventUid(agreementId: string, e: Pick<CalendarEvent, 'id' | 'date'>): string {
  return `${e.id}-${e.date}@${agreementId}.samverkan`;
}

/**
 * Reminders in place of e-mail (issue 12): a notice deadline or a document's last day warns 30 and
 * 7 days ahead (a termination needs a decision in the forum first); everything else the day before.
 */
export function alarmDays(e: Pick<CalendarEvent, 'frequency'>): readonly number[] {
  return e.frequency === 'per-period' ? [30, 7] : [1];
}

function alarms(e: CalendarEvent): NonNullable<EventAttributes['alarms']> {
  return alarmDays(e).map((days) => ({
    action: 'display' as const,
    description: `${e.title} (${days === 1 ? 'i morgon' : `om ${String(days)} dagar`})`,
    // As hours: the ics package writes days as "-P30DT", which RFC 5545 does not allow; "-PT720H" it does.
    trigger: { hours: days * 24, before: true },
  }));
}

function dayArray(d: Temporal.PlainDate): [number, number, number] {
  return [d.year, d.month, d.day];
}

/** A document by its title and code: "Överenskommelse hälso- och sjukvård i ordinärt boende (ORD)". */
function documentText(agreement: Agreement, id: string): string {
  const d = agreement.documents.find((doc) => doc.id === id);
  return d === undefined ? id : `${d.title} (${id})`;
}

/**
 * The interpretations an item's date rests on, by their Swedish names and the option the calendar
 * follows (the agreement's default, as the web app names them): "Sista dag för uppsägning
 * (tolkning I11): periodens slut minus 12 månader".
 */
export function interpretationTexts(agreement: Pick<Agreement, 'interpretations'>, ids: readonly string[]): string[] {
  return ids.map((id) => {
    const i = agreement.interpretations.get(id);
    return describeInterpretation({ id, option: i?.default ?? '' }, i);
  });
}

/** The description: what to do, who owns it, the documents, the clauses with their quotes and the interpretations by name. */
function description(agreement: Agreement, e: CalendarEvent): string {
  const lines: string[] = [];
  if (e.description) lines.push(e.description);
  if (e.dateNote !== undefined) lines.push(`Datum: ${e.dateNote}`);
  lines.push(`Ansvarig: ${e.owner ?? 'anges inte i avtalet'}`);
  lines.push(`Dokument: ${e.documents.map((d) => documentText(agreement, d)).join('; ')}`);
  for (const id of e.clauses) {
    const c = agreement.clauses.get(id);
    lines.push(c ? `${id} (${c.heading}): "${c.quote}"` : id);
  }
  if (e.interpretations.length > 0)
    lines.push(`Tolkningar av avtalstexten: ${interpretationTexts(agreement, e.interpretations).join('; ')}`);
  return lines.join('\n');
}

/** Render `events` of `year` as an iCalendar document. */
export function calendarToIcs(agreement: Agreement, year: number, events: readonly CalendarEvent[]): string {
  const attributes: EventAttributes[] = events.map((e) => {
    const day = Temporal.PlainDate.from(e.date);
    return {
      uid: eventUid(agreement.meta.id, e),
      title: e.title,
      description: description(agreement, e),
      start: dayArray(day),
      end: dayArray(day.add({ days: 1 })),
      categories: ['Samverkansavtal', ...e.documents],
      transp: 'TRANSPARENT',
      busyStatus: 'FREE',
      alarms: alarms(e),
    };
  });
  const { error, value } = createEvents(attributes, {
    productId: 'samverkan/arshjul',
    calName: `Årshjul ${agreement.meta.title} ${String(year)}`,
  });
  if (error || value === null) {
    throw new SamverkanError('SAMV_ERR_INTERNAL', 'Kalenderfilen kunde inte skapas.', {}, [error?.message ?? 'tomt resultat']);
  }
  return value;
}
