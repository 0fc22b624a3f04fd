import { describe, expect, it } from 'vitest';
import { Temporal } from '../dates.js';
import { shippedAgreement } from '../agreement/shipped-agreement.testkit.js';
import { calendarForYear, calendarYearRange, type CalendarEvent } from './arshjul.js';

const d = (s: string): Temporal.PlainDate => Temporal.PlainDate.from(s);
const brief = (events: readonly CalendarEvent[]): string[] => events.map((e) => `${e.date} ${e.id}`);
const of = (events: readonly CalendarEvent[], obligation: string): CalendarEvent[] => events.filter((e) => e.obligation === obligation);

describe('årshjul for a year', () => {
  const y2026 = calendarForYear(shippedAgreement(), 2026);
  const y2027 = calendarForYear(shippedAgreement(), 2027);

  it('is sorted by date', () => {
    for (const events of [y2026, y2027]) expect(events.map((e) => e.date)).toEqual([...events.map((e) => e.date)].sort());
  });

  it('2026: notice deadline 2026-12-31 for the seven renewing documents, owned by SVOM, citing each Giltighetstid and I11', () => {
    const deadlines = of(y2026, 'uppsagning-sista-dag');
    expect(deadlines.map((e) => [e.date, e.documents[0], e.clauses[0]])).toEqual([
      ['2026-12-31', 'PRINC', 'PRINC.giltighet'],
      ['2026-12-31', 'MT', 'MT.giltighetstid'],
      ['2026-12-31', 'ORD', 'ORD.giltighetstid'],
      ['2026-12-31', 'SABO', 'SABO.giltighetstid'],
      ['2026-12-31', 'SYNHOR', 'SYNHOR.giltighetstid'],
      ['2026-12-31', 'PALL', 'PALL.giltighetstid'],
      ['2026-12-31', 'TILL', 'TILL.giltighetstid'],
    ]);
    expect(deadlines[2]).toMatchObject({
      id: 'uppsagning-sista-dag.ORD',
      title: 'Sista dag för uppsägning: Ordinärt boende (ORD)',
      owner: 'Länsövergripande politisk samverkansarena (SVOM, Sociala vård- och omsorgsgruppen)',
      ownerId: 'svom',
      frequency: 'per-period',
      interpretations: ['I11'],
    });
    expect(of(y2027, 'uppsagning-sista-dag')).toEqual([]);
    expect(brief(of(calendarForYear(shippedAgreement(), 2028), 'uppsagning-sista-dag'))).toHaveLength(7);
  });

  it('tilläggsbelopp reconciliation is due 2027-03-31 (first quarter, I9), not in 2026', () => {
    expect(of(y2026, 'till-avstamning')).toEqual([]);
    expect(of(y2027, 'till-avstamning')).toEqual([
      expect.objectContaining({
        date: '2027-03-31',
        owner: 'Länsövergripande tjänstepersonsarena',
        clauses: ['TILL.avstamning', 'TILL.grundforutsattningar'],
        documents: ['TILL'],
        interpretations: ['I9', 'I4', 'I13'],
      }),
    ]);
  });

  it('monthly items give 12 entries on the month ends, half-yearly 2 (MT fixed part in advance)', () => {
    expect(of(y2026, 'mt-rorlig-del-faktura').map((e) => e.date)).toEqual([
      '2026-01-31',
      '2026-02-28',
      '2026-03-31',
      '2026-04-30',
      '2026-05-31',
      '2026-06-30',
      '2026-07-31',
      '2026-08-31',
      '2026-09-30',
      '2026-10-31',
      '2026-11-30',
      '2026-12-31',
    ]);
    expect(of(calendarForYear(shippedAgreement(), 2028), 'synhor-faktura')[1]?.date).toBe('2028-02-29');
    expect(of(y2026, 'mt-fast-del-faktura').map((e) => e.date)).toEqual(['2026-01-01', '2026-07-01']);
  });

  it('every-N-years items fall only in matching years', () => {
    const years = (obligation: string): number[] =>
      [2026, 2027, 2028, 2029, 2030, 2031, 2032, 2033].filter((y) => of(calendarForYear(shippedAgreement(), y), obligation).length > 0);
    expect(years('till-uppfoljning')).toEqual([2027, 2029, 2031, 2033]);
    expect(years('till-normalvariation')).toEqual([2028, 2031]);
    expect(years('skattevaxling-uppfoljning')).toEqual([2029, 2033]);
  });

  it('lists each yearly item once with its owner name, and nothing before the agreement starts', () => {
    expect(brief(of(y2026, 'dialogmaterial-oversyn'))).toEqual(['2026-12-31 dialogmaterial-oversyn']);
    expect(of(y2026, 'pall-gemensamt-mote')[0]?.owner).toBe('Särskilda utredare för palliativ vård');
    expect(of(y2026, 'ord-gemensamt-mote')[0]?.owner).toBe('Regionen och kommunen');
    expect(of(y2026, 'samverkansseminarium')[0]?.owner).toBeNull();
    // PRINC Utvärdering och uppföljning: the arena owns the agreement's follow-up, reported at the seminar.
    expect(of(y2026, 'avtal-uppfoljning')).toEqual([
      expect.objectContaining({
        date: '2026-12-31',
        title: 'Uppföljning och utvärdering av samverkansavtalet',
        owner: 'Länsövergripande tjänstepersonsarena',
        ownerId: 'tjanstepersonsarena',
        clauses: ['PRINC.utvardering-och-uppfoljning'],
        documents: ['PRINC'],
      }),
    ]);
    expect(of(y2026, 'avtal-uppfoljning')[0]?.description).toContain('samverkansseminariet');
    expect(brief(of(y2026, 'till-indexering'))).toEqual(['2026-01-01 till-indexering']);
    expect(calendarForYear(shippedAgreement(), 2025)).toEqual([]);
    expect(calendarYearRange(shippedAgreement())).toEqual({ min: 2026, max: 2200 });
  });

  it('counts the whole 2026 and 2027 wheel', () => {
    // 2026: 12 + 12 monthly, 2 half-yearly, 4 index uplifts, 9 yearly follow-ups/reviews/seminar, 7 notice deadlines.
    expect(y2026).toHaveLength(12 + 12 + 2 + 4 + 9 + 7);
    // 2027: the same without notice deadlines, plus the reconciliation, the two-yearly follow-up and "GEMUTV upphör".
    expect(y2027).toHaveLength(12 + 12 + 2 + 4 + 9 + 1 + 1 + 1);
  });

  it('2027 ends GEMUTV (no renewal, GEMUTV.giltighetstid): an item on 2027-12-31, none in other years', () => {
    const ends = of(y2027, 'upphor');
    expect(ends.map((e) => [e.date, e.id, e.documents, e.clauses])).toEqual([
      ['2027-12-31', 'upphor.GEMUTV', ['GEMUTV'], ['GEMUTV.giltighetstid']],
    ]);
    expect(ends[0]?.title).toMatch(/^GEMUTV upphör: /);
    expect(of(y2026, 'upphor')).toEqual([]);
  });

  it('says where the agreement gives no date: I9 items carry "datum anges inte i avtalet; visas 31 december"', () => {
    expect(of(y2026, 'samverkansseminarium')[0]?.dateNote).toBe('datum anges inte i avtalet; visas 31 december (tolkning I9)');
    expect(of(y2027, 'till-avstamning')[0]?.dateNote).toBe('datum anges inte i avtalet; visas 31 mars (tolkning I9)');
    // Dates the text gives (index uplifts 1 January, MT's fixed part in advance) carry no note.
    expect(of(y2026, 'dagtid-indexering')[0]?.dateNote).toBeUndefined();
    expect(of(y2026, 'mt-fast-del-faktura').map((e) => e.dateNote)).toEqual([undefined, undefined]);
  });

  it('skips notice deadlines of terminated documents when terminations are given', () => {
    const events = calendarForYear(shippedAgreement(), 2026, [{ document: 'ORD', noticeDate: d('2026-05-01') }]);
    expect(of(events, 'uppsagning-sista-dag').map((e) => e.documents[0])).toEqual(['PRINC', 'MT', 'SABO', 'SYNHOR', 'PALL', 'TILL']);
    const late = calendarForYear(shippedAgreement(), 2026, [{ document: 'ALL', noticeDate: d('2027-01-10') }]);
    expect(of(late, 'uppsagning-sista-dag')).toHaveLength(7);
    expect(
      of(calendarForYear(shippedAgreement(), 2028, [{ document: 'ALL', noticeDate: d('2027-01-10') }]), 'uppsagning-sista-dag'),
    ).toEqual([]);
  });

  it('a document terminated in time lists none of its obligations after its period ends (2027-12-31)', () => {
    const ord = [{ document: 'ORD', noticeDate: d('2026-05-01') }];
    // Still in force in 2027: its yearly meeting and index uplift are there.
    const in2027 = calendarForYear(shippedAgreement(), 2027, ord);
    expect(brief(of(in2027, 'ord-gemensamt-mote'))).toEqual(['2027-12-31 ord-gemensamt-mote']);
    expect(brief(of(in2027, 'dagtid-indexering'))).toEqual(['2027-01-01 dagtid-indexering']);
    // From 2028: no joint meeting, no index uplift of the daytime rate, no notice deadline.
    const in2028 = calendarForYear(shippedAgreement(), 2028, ord);
    for (const id of ['ord-gemensamt-mote', 'dagtid-indexering']) expect(of(in2028, id)).toEqual([]);
    expect(of(in2028, 'uppsagning-sista-dag').map((e) => e.documents[0])).toEqual(['PRINC', 'MT', 'SABO', 'SYNHOR', 'PALL', 'TILL']);
    // An obligation ORD shares with SABO and PALL stays, naming only the documents still in force.
    expect(of(in2028, 'dialogmaterial-oversyn')[0]?.documents).toEqual(['SABO', 'PALL']);
    expect(of(calendarForYear(shippedAgreement(), 2028), 'dialogmaterial-oversyn')[0]?.documents).toEqual(['ORD', 'SABO', 'PALL']);
    // Billing of a terminated document stops after its last month too.
    const mt = calendarForYear(shippedAgreement(), 2028, [{ document: 'MT', noticeDate: d('2026-12-31') }]);
    expect(of(mt, 'mt-rorlig-del-faktura')).toEqual([]);
    expect(of(mt, 'mt-fast-del-faktura')).toEqual([]);
    expect(
      of(calendarForYear(shippedAgreement(), 2027, [{ document: 'MT', noticeDate: d('2026-12-31') }]), 'mt-rorlig-del-faktura'),
    ).toHaveLength(12);
  });

  it('a late termination ends at the next period end (2029-12-31); a termination of ALL ends everything', () => {
    const late = [{ document: 'ORD', noticeDate: d('2027-01-10') }];
    expect(of(calendarForYear(shippedAgreement(), 2029, late), 'ord-gemensamt-mote')).toHaveLength(1);
    expect(of(calendarForYear(shippedAgreement(), 2030, late), 'ord-gemensamt-mote')).toEqual([]);
    const all = [{ document: 'ALL', noticeDate: d('2026-03-01') }];
    expect(calendarForYear(shippedAgreement(), 2027, all).length).toBeGreaterThan(0);
    expect(calendarForYear(shippedAgreement(), 2028, all)).toEqual([]);
    expect(calendarForYear(shippedAgreement(), 2031, all)).toEqual([]);
  });
});
