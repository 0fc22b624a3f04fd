import { describe, expect, it } from 'vitest';
import { countdown, daysBetween, deadlineNotices } from './deadlines.js';
import type { DocumentLifecycle } from './types.js';

const doc = (id: string, over: Partial<DocumentLifecycle> = {}): DocumentLifecycle => ({
  id,
  title: `Dokument ${id}`,
  part: 1,
  status: 'active',
  periodStart: '2026-01-01',
  periodEnd: '2027-12-31',
  noticeDeadline: '2026-12-31',
  autoRenews: true,
  ...over,
});
const docs = [doc('PRINC'), doc('ORD'), doc('GEMUTV', { autoRenews: false, noticeDeadline: null })];

describe('deadline notices', () => {
  it('counts calendar days exactly, across months and a leap day', () => {
    expect(daysBetween('2026-12-01', '2026-12-31')).toBe(30);
    expect(daysBetween('2027-12-31', '2028-03-01')).toBe(61);
    expect(countdown(30)).toBe('om 30 dagar');
    expect(countdown(1)).toBe('i morgon');
    expect(countdown(0)).toBe('i dag');
  });

  it('groups the notice deadline of several documents and lists the document that ends', () => {
    const n = deadlineNotices(docs, '2026-12-01');
    expect(n.map((x) => [x.kind, x.date, x.days, x.documents.map((d) => d.id)])).toEqual([
      ['notice', '2026-12-31', 30, ['PRINC', 'ORD']],
      ['expiry', '2027-12-31', 395, ['GEMUTV']],
    ]);
  });

  it('shows a notice deadline only within 90 days and not after it has passed', () => {
    expect(deadlineNotices(docs, '2026-10-01').map((x) => x.kind)).toEqual(['expiry']);
    expect(deadlineNotices(docs, '2026-10-02').map((x) => [x.kind, x.days])).toEqual([
      ['notice', 90],
      ['expiry', 455],
    ]);
    expect(deadlineNotices(docs, '2027-01-01').map((x) => x.kind)).toEqual(['expiry']);
    expect(deadlineNotices([doc('ORD', { status: 'terminated' })], '2026-12-01')).toEqual([]);
  });
});
