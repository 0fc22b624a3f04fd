import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Temporal } from '../dates.js';
import { shippedAgreement } from '../agreement/shipped-agreement.testkit.js';
import { noticeDeadline, periodAt, periodIndexAt, type LifecycleDocument } from './periods.js';
import { agreementLifecycle } from './status.js';

const cmp = (a: Temporal.PlainDate, b: Temporal.PlainDate): number => Temporal.PlainDate.compare(a, b);
const epoch = Temporal.PlainDate.from('1990-01-01');
/** Any date 1990–2199. */
const anyDate = fc.integer({ min: 0, max: 76_000 }).map((n) => epoch.add({ days: n }));

const anyAutoDocument = fc
  .record({
    start: anyDate,
    lengthDays: fc.integer({ min: 30, max: 6 * 366 }),
    extensionYears: fc.integer({ min: 1, max: 10 }),
    noticeMonths: fc.integer({ min: 1, max: 12 }),
  })
  .map(({ start, lengthDays, extensionYears, noticeMonths }): LifecycleDocument => ({
    id: 'X',
    validFrom: start.toString(),
    validTo: start.add({ days: lengthDays }).toString(),
    renewal: { kind: 'auto', extensionYears, noticeMonths, noticeForum: 'svom', clause: 'X.giltighetstid' },
  }));

describe('lifecycle invariants (fast-check)', () => {
  it('periods are contiguous and every notice deadline precedes its period end', () => {
    fc.assert(
      fc.property(anyAutoDocument, fc.integer({ min: 0, max: 40 }), (doc, n) => {
        const p = periodAt(doc, n);
        const next = periodAt(doc, n + 1);
        if (!p || !next) return false;
        expect(next.start.equals(p.end.add({ days: 1 }))).toBe(true);
        expect(cmp(p.start, p.end)).toBeLessThan(0);
        const deadline = noticeDeadline(doc, p);
        expect(deadline !== null && cmp(deadline, p.end) < 0).toBe(true);
        return true;
      }),
    );
  });

  it('the period found for a date contains that date', () => {
    fc.assert(
      fc.property(anyAutoDocument, anyDate, (doc, date) => {
        const i = periodIndexAt(doc, date);
        if (cmp(date, Temporal.PlainDate.from(doc.validFrom)) < 0) return i === -1;
        const p = periodAt(doc, i);
        return p !== undefined && cmp(p.start, date) <= 0 && cmp(date, p.end) <= 0;
      }),
    );
  });

  it('random dates and terminations never throw and give consistent results', () => {
    const docs = [...shippedAgreement().documents.map((x) => x.id), 'ALL'];
    const termination = fc.record({ document: fc.constantFrom(...docs), noticeDate: anyDate });
    fc.assert(
      fc.property(anyDate, fc.array(termination, { maxLength: 4 }), (date, terminations) => {
        for (const r of agreementLifecycle(shippedAgreement(), date, terminations)) {
          expect(r.periodStart <= r.periodEnd).toBe(true);
          if (r.status === 'active') expect(r.periodStart <= r.on && r.on <= r.periodEnd).toBe(true);
          if (r.status === 'terminated') expect(r.noticeDeadline).toBeNull();
          if (r.noticeDeadline !== null) expect(r.noticeDeadline < r.periodEnd).toBe(true);
          if (r.termination) expect(r.termination.noticeDate <= r.on).toBe(true);
        }
      }),
    );
  });
});
