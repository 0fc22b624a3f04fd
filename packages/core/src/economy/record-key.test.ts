/**
 * The system's record key is carried to the line and never screened: about 0,09 % of random
 * UUIDs contain 10 or 12 digits that look like a personnummer, and a month with thousands of
 * records used to fail at random on a field nobody wrote. The user's own reference is still
 * screened. One case per record flow.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { containsPersonnummer } from '../personnummer.js';
import { caught, data, exampleIndex } from './economy.testkit.js';
import { daytimeInvoiceBasis } from './daytime-assignments.js';
import { ombudInvoiceBasis } from './vision-hearing-ombud.js';
import { mtVariableInvoiceBasis } from './mt-variable.js';
import { inpatientStaffInvoiceBasis } from './inpatient-staff.js';

/** A valid version-4 UUID whose last group reads as 1985-01-01-1234. */
const CRAFTED = '3f2a9c1e-7b4d-4e8a-9c3b-198501011234';

/** A random UUID that looks like a personnummer, found the way a month of imports meets one. */
function unluckyUuid(): string {
  for (;;) {
    const id = randomUUID();
    if (containsPersonnummer(id)) return id;
  }
}

const minutes = { intervention: 30, administration: 0, reporting: 0, travel: 0, travelCombinable: false };

describe('record keys are carried, never screened; references are screened', () => {
  it('both ids look like a personnummer (the reproduction)', () => {
    expect(containsPersonnummer(CRAFTED)).toBe(true);
    expect(containsPersonnummer(unluckyUuid())).toBe(true);
  });

  for (const key of [CRAFTED, unluckyUuid()]) {
    it(`dagtid: key ${key} reaches the line; as a reference it is refused`, () => {
      const a = {
        date: '2026-03-02',
        start: '09:00',
        lender: '2380',
        hirer: 'region',
        minutes,
        storsjoglantan: false,
        registeredMunicipality: '2380',
      };
      const r = daytimeInvoiceBasis(data(), { month: '2026-03', assignments: [{ ...a, key, reference: 'D-1' }], index: exampleIndex });
      expect(r.bases[0]?.lines.map((l) => [l.key, l.reference])).toEqual([[key, 'D-1']]);
      expect(
        caught(() => daytimeInvoiceBasis(data(), { month: '2026-03', assignments: [{ ...a, reference: key }], index: exampleIndex })).code,
      ).toBe('SAMV_ERR_PERSONNUMMER');
    });

    it(`synhorsel: key ${key} reaches the line; as a reference it is refused`, () => {
      const a = { date: '2026-03-02', municipality: '2321', service: 'syncentralen' as const, minutes };
      const r = ombudInvoiceBasis(data(), { month: '2026-03', assignments: [{ ...a, key }], index: exampleIndex });
      expect(r.bases[0]?.lines.map((l) => l.key)).toEqual([key]);
      expect(
        caught(() => ombudInvoiceBasis(data(), { month: '2026-03', assignments: [{ ...a, reference: key }], index: exampleIndex })).code,
      ).toBe('SAMV_ERR_PERSONNUMMER');
    });

    it(`mt-variable: key ${key} reaches every line of the order; as a reference it is refused`, () => {
      const o = { date: '2026-03-02', municipality: '2313', minutes: 20, travelOre: 1000 };
      const r = mtVariableInvoiceBasis(data(), { month: '2026-03', orders: [{ ...o, key }], index: exampleIndex });
      expect(r.bases[0]?.lines.map((l) => l.key)).toEqual([key, key]);
      expect(
        caught(() => mtVariableInvoiceBasis(data(), { month: '2026-03', orders: [{ ...o, reference: key }], index: exampleIndex })).code,
      ).toBe('SAMV_ERR_PERSONNUMMER');
    });

    it(`inpatient-staff: key ${key} reaches the line; as the agreement reference it is refused`, () => {
      const c = { municipality: '2303', document: 'ORD' as const, date: '2026-03-02', kind: 'salary' as const, amountOre: 1000 };
      const r = inpatientStaffInvoiceBasis(data(), { month: '2026-03', costs: [{ ...c, agreementReference: 'ÖK-1', key }] });
      expect(r.bases[0]?.lines.map((l) => [l.key, l.reference])).toEqual([[key, 'ÖK-1']]);
      expect(caught(() => inpatientStaffInvoiceBasis(data(), { month: '2026-03', costs: [{ ...c, agreementReference: key }] })).code).toBe(
        'SAMV_ERR_PERSONNUMMER',
      );
    });
  }
});
