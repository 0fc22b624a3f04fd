/**
 * Test support: read an iCalendar text back (unfold continuation lines, split into events) so
 * tests can check what a calendar program would import.
 */

/** One VEVENT as property name (without parameters) → { params, value }. */
export type IcsEvent = ReadonlyMap<string, { readonly params: string; readonly value: string }>;

/** Unfold lines (RFC 5545 §3.1: CRLF followed by a space or tab continues the line). */
export function unfold(ics: string): string[] {
  return ics
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .filter((l) => l !== '');
}

/** The VEVENTs of `ics`, in order. */
export function parseIcsEvents(ics: string): IcsEvent[] {
  const events: Map<string, { params: string; value: string }>[] = [];
  let current: Map<string, { params: string; value: string }> | null = null;
  let inAlarm = false;
  for (const line of unfold(ics)) {
    // An alarm's own DESCRIPTION and ACTION are not the event's.
    if (line === 'BEGIN:VALARM' || line === 'END:VALARM') {
      inAlarm = line === 'BEGIN:VALARM';
      continue;
    }
    if (inAlarm) continue;
    if (line === 'BEGIN:VEVENT') current = new Map();
    else if (line === 'END:VEVENT' && current) {
      events.push(current);
      current = null;
    } else if (current) {
      const colon = line.indexOf(':');
      const head = line.slice(0, colon);
      const semi = head.indexOf(';');
      current.set(semi < 0 ? head : head.slice(0, semi), { params: semi < 0 ? '' : head.slice(semi + 1), value: line.slice(colon + 1) });
    }
  }
  return events;
}
