import { describe, expect, it } from 'vitest';
import { calendarForYear } from '@samverkan/core';
import { readAgreement } from '../agreement/read-agreement-dir.js';
import { calendarToIcs, eventUid } from './ics.js';
import { parseIcsEvents, unfold } from './ics-parse.testkit.js';

const agreement = readAgreement();
const events2026 = calendarForYear(agreement, 2026);
const ics2026 = calendarToIcs(agreement, 2026, events2026);

describe('the årshjul as iCalendar', () => {
  it('has one all-day VEVENT per occurrence, with DTSTART on the occurrence date and DTEND the day after', () => {
    expect(ics2026.match(/^BEGIN:VEVENT\r$/gm)).toHaveLength(events2026.length);
    const parsed = parseIcsEvents(ics2026);
    expect(parsed.map((e) => e.get('DTSTART')?.value)).toEqual(events2026.map((e) => e.date.replaceAll('-', '')));
    expect(parsed.every((e) => e.get('DTSTART')?.params === 'VALUE=DATE' && e.get('DTEND')?.params === 'VALUE=DATE')).toBe(true);
    expect(parsed[0]?.get('DTEND')?.value).toBe('20260102');
    expect(parsed.at(-1)?.get('DTEND')?.value).toBe('20270101');
  });

  it('has Swedish summaries and the clause with its quote in the description', () => {
    const ord = parseIcsEvents(ics2026).find((e) => e.get('UID')?.value === 'uppsagning-sista-dag.ORD-2026-12-31@jamtland-2026.samverkan');
    expect(ord?.get('SUMMARY')?.value).toBe('Sista dag för uppsägning: Ordinärt boende (ORD)');
    const description = ord?.get('DESCRIPTION')?.value ?? '';
    expect(description).toContain('Ansvarig: Länsövergripande politisk samverkansarena (SVOM\\, Sociala vård- och omsorgsgruppen)');
    expect(description).toContain('ORD.giltighetstid (Giltighetstid): "Överenskommelsen gäller 2026-01-01-2027-12-31.');
    // Interpretations and documents by their Swedish names, never a bare id (issue 12).
    expect(description).toContain('Tolkningar av avtalstexten: Sista dag för uppsägning (tolkning I11): periodens slut minus 12 månader');
    expect(description).toContain('Dokument: Överenskommelse hälso- och sjukvård i ordinärt boende (ORD)');
    expect(description).not.toMatch(/Tolkningar: I\d/);
  });

  it('keeps UIDs unique within a year and stable between exports (re-import updates, never duplicates)', () => {
    const uids = parseIcsEvents(ics2026).map((e) => e.get('UID')?.value);
    expect(new Set(uids).size).toBe(events2026.length);
    const again = parseIcsEvents(calendarToIcs(agreement, 2026, calendarForYear(agreement, 2026))).map((e) => e.get('UID')?.value);
    expect(again).toEqual(uids);
    expect(eventUid('jamtland-2026', { id: 'till-avstamning', date: '2027-03-31' })).toBe(
      'till-avstamning-2027-03-31@jamtland-2026.samverkan',
    );
  });

  it('names the calendar and folds long lines (the ics package folds at 75 characters, never inside a character)', () => {
    expect(unfold(ics2026)).toContain(`X-WR-CALNAME:Årshjul ${agreement.meta.title} 2026`);
    expect(ics2026.split('\r\n').every((l) => Array.from(l).length <= 75)).toBe(true);
    expect(ics2026).not.toContain('\uFFFD');
  });

  it('an empty selection is still a valid calendar', () => {
    const empty = calendarToIcs(agreement, 2026, []);
    expect(empty.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(empty).not.toContain('BEGIN:VEVENT');
  });

  it("carries alarms: 30 and 7 days before notice deadlines and GEMUTV's last day, 1 day before everything else", () => {
    const blocks = ics2026.split('BEGIN:VEVENT').slice(1);
    const triggers = (uid: string): string[] => {
      const block = (blocks.find((b) => unfold(b).includes(`UID:${uid}`)) ?? '').replace(/\r\n[ \t]/g, '');
      return [...block.matchAll(/^TRIGGER[^:]*:(.+)\r$/gm)].map((m) => m[1] ?? '');
    };
    expect(triggers('uppsagning-sista-dag.ORD-2026-12-31@jamtland-2026.samverkan')).toEqual(['-PT720H', '-PT168H']);
    expect(blocks.every((b) => b.includes('BEGIN:VALARM') && b.includes('ACTION:DISPLAY'))).toBe(true);
    const seminar = events2026.find((e) => e.obligation === 'samverkansseminarium');
    expect(triggers(eventUid(agreement.meta.id, seminar ?? { id: '', date: '' }))).toEqual(['-PT24H']);
    const y2027 = calendarForYear(agreement, 2027);
    const gemutv = parseIcsEvents(calendarToIcs(agreement, 2027, y2027)).find(
      (e) => e.get('UID')?.value === 'upphor.GEMUTV-2027-12-31@jamtland-2026.samverkan',
    );
    expect(gemutv?.get('SUMMARY')?.value).toMatch(/^GEMUTV upphör/);
    expect(
      calendarToIcs(agreement, 2027, y2027)
        .split('BEGIN:VEVENT')
        .find((b) => b.includes('upphor.GEMUTV'))
        ?.match(/TRIGGER/g),
    ).toHaveLength(2);
  });

  it('says in the description when the agreement gives no date', () => {
    const seminar = parseIcsEvents(ics2026).find((e) => e.get('UID')?.value.startsWith('samverkansseminarium-'));
    expect(seminar?.get('DESCRIPTION')?.value).toContain('Datum: datum anges inte i avtalet\\; visas 31 december (tolkning I9)');
  });
});
