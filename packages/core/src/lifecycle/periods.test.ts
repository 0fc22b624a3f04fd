import { describe, expect, it } from 'vitest';
import { Temporal } from '../dates.js';
import { noticeDeadline, periodAt, periodIndexAt, type LifecycleDocument } from './periods.js';

const d = (s: string): Temporal.PlainDate => Temporal.PlainDate.from(s);
const auto = (validFrom: string, validTo: string, extensionYears: number, noticeMonths: number): LifecycleDocument => ({
  id: 'X',
  validFrom,
  validTo,
  renewal: { kind: 'auto', extensionYears, noticeMonths, noticeForum: 'svom', clause: 'X.giltighetstid' },
});
const deadline = (doc: LifecycleDocument, index: number): string | undefined => {
  const p = periodAt(doc, index);
  return p ? noticeDeadline(doc, p)?.toString() : undefined;
};

describe('periods and notice deadlines (I11)', () => {
  it('a deadline is the end minus the notice months, same day of the month', () => {
    expect(deadline(auto('2026-01-01', '2027-12-31', 2, 12), 0)).toBe('2026-12-31');
    expect(deadline(auto('2026-01-01', '2027-12-31', 2, 12), 3)).toBe('2032-12-31');
  });

  it('a deadline is clamped to the end of a shorter month', () => {
    expect(deadline(auto('2026-09-01', '2027-08-31', 1, 6), 0)).toBe('2027-02-28');
    expect(deadline(auto('2026-03-01', '2028-02-29', 2, 12), 0)).toBe('2027-02-28');
    expect(deadline(auto('2026-01-01', '2027-12-31', 2, 0), 0)).toBe('2027-12-31');
  });

  it('periods that do not start on 1 January stay contiguous across leap years', () => {
    const doc = auto('2026-03-01', '2027-02-28', 2, 12);
    expect([1, 2].map((i) => periodAt(doc, i)).map((p) => [p?.start.toString(), p?.end.toString()])).toEqual([
      ['2027-03-01', '2029-02-28'],
      ['2029-03-01', '2031-02-28'],
    ]);
    expect(periodIndexAt(doc, d('2029-02-28'))).toBe(1);
    expect(periodIndexAt(doc, d('2029-03-01'))).toBe(2);
  });

  it('a document without renewal has one period', () => {
    const none: LifecycleDocument = {
      id: 'G',
      validFrom: '2026-01-01',
      validTo: '2027-12-31',
      renewal: { kind: 'none', note: 'n', clause: 'G.giltighetstid' },
    };
    expect(periodAt(none, 1)).toBeUndefined();
    expect(periodIndexAt(none, d('2030-01-01'))).toBe(0);
    expect(periodIndexAt(none, d('2025-12-31'))).toBe(-1);
    const only = periodAt(none, 0);
    expect(only && noticeDeadline(none, only)).toBeNull();
  });
});
