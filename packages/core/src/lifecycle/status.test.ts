import { describe, expect, it } from 'vitest';
import { Temporal } from '../dates.js';
import { shippedAgreement } from '../agreement/shipped-agreement.testkit.js';
import type { AgreementDocument } from '../agreement/schema.js';
import { agreementLifecycle, documentLifecycle } from './status.js';
import type { Termination } from './terminations.js';

const d = (s: string): Temporal.PlainDate => Temporal.PlainDate.from(s);
function doc(id: string): AgreementDocument {
  const found = shippedAgreement().documents.find((x) => x.id === id);
  if (!found) throw new Error(id);
  return found;
}
const ord = (on: string, terminations: Termination[] = []) => documentLifecycle(doc('ORD'), d(on), terminations);

describe('document lifecycle (PRINC.giltighet, Giltighetstid, I11)', () => {
  it('runs 2026-01-01–2027-12-31 with notice deadline 2026-12-31, naming clause and I11', () => {
    expect(ord('2026-06-15')).toEqual({
      id: 'ORD',
      title: 'Överenskommelse hälso- och sjukvård i ordinärt boende',
      part: 2,
      on: '2026-06-15',
      status: 'active',
      periodStart: '2026-01-01',
      periodEnd: '2027-12-31',
      noticeDeadline: '2026-12-31',
      autoRenews: true,
      termination: null,
      clause: 'ORD.giltighetstid',
      interpretations: ['I11'],
    });
  });

  it('is not_started before validFrom and shows the first period', () => {
    expect(ord('2025-12-31')).toMatchObject({
      status: 'not_started',
      periodStart: '2026-01-01',
      periodEnd: '2027-12-31',
      noticeDeadline: '2026-12-31',
    });
  });

  it('is extended by two years each time without notice', () => {
    expect(ord('2027-12-31')).toMatchObject({ status: 'active', periodStart: '2026-01-01', periodEnd: '2027-12-31' });
    expect(ord('2028-01-01')).toMatchObject({
      status: 'active',
      periodStart: '2028-01-01',
      periodEnd: '2029-12-31',
      noticeDeadline: '2028-12-31',
    });
    expect(ord('2031-06-01')).toMatchObject({
      status: 'active',
      periodStart: '2030-01-01',
      periodEnd: '2031-12-31',
      noticeDeadline: '2030-12-31',
    });
  });

  it('GEMUTV has no renewal: no notice deadline, ends 2027-12-31, then expired', () => {
    const g = (on: string) => documentLifecycle(doc('GEMUTV'), d(on));
    expect(g('2026-06-15')).toMatchObject({
      status: 'active',
      periodEnd: '2027-12-31',
      noticeDeadline: null,
      autoRenews: false,
      clause: 'GEMUTV.giltighetstid',
      interpretations: ['I11'],
    });
    expect(g('2027-12-31').status).toBe('active');
    expect(g('2028-01-01')).toMatchObject({ status: 'expired', periodStart: '2026-01-01', periodEnd: '2027-12-31', noticeDeadline: null });
  });

  it('notice given ON the deadline is in time: the document ends at the period end', () => {
    const t = [{ document: 'ORD', noticeDate: d('2026-12-31') }];
    expect(ord('2026-12-30', t)).toMatchObject({ status: 'active', noticeDeadline: '2026-12-31', termination: null });
    expect(ord('2026-12-31', t)).toMatchObject({
      status: 'terminated',
      periodStart: '2026-01-01',
      periodEnd: '2027-12-31',
      noticeDeadline: null,
      autoRenews: false,
      termination: { document: 'ORD', noticeDate: '2026-12-31', inTime: true, finalEnd: '2027-12-31' },
    });
    expect(ord('2028-03-01', t)).toMatchObject({ status: 'terminated', periodStart: '2026-01-01', periodEnd: '2027-12-31' });
  });

  it('notice one day late ends the document only at the end of the following period', () => {
    const t = [{ document: 'ORD', noticeDate: d('2027-01-01') }];
    expect(ord('2027-02-01', t)).toMatchObject({
      status: 'terminated',
      periodStart: '2026-01-01',
      periodEnd: '2029-12-31',
      termination: { inTime: false, finalEnd: '2029-12-31' },
    });
    expect(ord('2028-06-01', t)).toMatchObject({
      status: 'terminated',
      periodStart: '2028-01-01',
      periodEnd: '2029-12-31',
      noticeDeadline: null,
    });
    expect(ord('2035-01-01', t)).toMatchObject({ status: 'terminated', periodStart: '2028-01-01', periodEnd: '2029-12-31' });
  });

  it('notice in a later period counts against that period', () => {
    const t = [{ document: 'ORD', noticeDate: d('2028-12-31') }];
    expect(ord('2029-01-01', t)).toMatchObject({ status: 'terminated', periodStart: '2028-01-01', periodEnd: '2029-12-31' });
  });

  it('ALL terminates every document, GEMUTV included; a single termination touches only its document', () => {
    const all = agreementLifecycle(shippedAgreement(), d('2026-03-02'), [{ document: 'ALL', noticeDate: d('2026-03-01') }]);
    expect(all.map((x) => [x.id, x.status, x.periodEnd])).toEqual(
      ['PRINC', 'GEMUTV', 'MT', 'ORD', 'SABO', 'SYNHOR', 'PALL', 'TILL'].map((id) => [id, 'terminated', '2027-12-31']),
    );
    const one = agreementLifecycle(shippedAgreement(), d('2026-03-02'), [{ document: 'PALL', noticeDate: d('2026-03-01') }]);
    expect(one.filter((x) => x.status === 'terminated').map((x) => x.id)).toEqual(['PALL']);
  });

  it('with several terminations the one that ends the document first wins', () => {
    const t = [
      { document: 'ORD', noticeDate: d('2027-01-15') },
      { document: 'ALL', noticeDate: d('2027-06-01') },
      { document: 'ORD', noticeDate: d('2028-02-01') },
    ];
    expect(ord('2028-03-01', t).termination).toEqual({ document: 'ORD', noticeDate: '2027-01-15', inTime: false, finalEnd: '2029-12-31' });
  });
});
