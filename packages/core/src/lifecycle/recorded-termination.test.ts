import { describe, expect, it } from 'vitest';
import { Temporal } from '../dates.js';
import { shippedAgreement } from '../agreement/shipped-agreement.testkit.js';
import type { AgreementDocument } from '../agreement/schema.js';
import { documentLifecycle } from './status.js';
import { knownFrom } from './terminations.js';

const d = (s: string): Temporal.PlainDate => Temporal.PlainDate.from(s);
function ord(): AgreementDocument {
  const found = shippedAgreement().documents.find((x) => x.id === 'ORD');
  if (!found) throw new Error('ORD');
  return found;
}

describe('a termination recorded ahead of its notice date (PRINC.giltighet)', () => {
  it('counts from the day it was recorded, with the effect of its notice date', () => {
    const t = { document: 'ORD', noticeDate: d('2026-11-30'), recordedOn: d('2026-11-20') };
    expect(knownFrom(t).toString()).toBe('2026-11-20');
    expect(documentLifecycle(ord(), d('2026-11-22'), [t])).toMatchObject({ status: 'terminated', periodEnd: '2027-12-31' });
    expect(documentLifecycle(ord(), d('2026-11-19'), [t]).status).toBe('active');
  });

  it('is known from its notice date when recorded afterwards, and without a recording day', () => {
    expect(knownFrom({ document: 'ORD', noticeDate: d('2026-06-30'), recordedOn: d('2026-07-02') }).toString()).toBe('2026-06-30');
    expect(knownFrom({ document: 'ORD', noticeDate: d('2026-06-30') }).toString()).toBe('2026-06-30');
    expect(documentLifecycle(ord(), d('2026-11-22'), [{ document: 'ORD', noticeDate: d('2026-11-30') }]).status).toBe('active');
  });
});
