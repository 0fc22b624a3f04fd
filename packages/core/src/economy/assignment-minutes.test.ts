import { describe, expect, it } from 'vitest';
import { billableMinutes, type AssignmentMinutes } from './assignment-minutes.js';
import { startedHours } from './hourly-pricing.js';

const m = (parts: Partial<AssignmentMinutes>): AssignmentMinutes => ({
  intervention: 0,
  administration: 0,
  reporting: 0,
  travel: 0,
  travelCombinable: false,
  ...parts,
});

describe('billable minutes (ORD.uppdrag-dagtid, SYNHOR.ekonomisk-ersattning)', () => {
  it('sums whole minutes as before, travel only when it could not be combined', () => {
    expect(billableMinutes(m({ intervention: 30, administration: 10, reporting: 5, travel: 20 }), 'a', 'ORD.uppdrag-dagtid').minutes).toBe(
      65,
    );
    expect(billableMinutes(m({ intervention: 30, travel: 20, travelCombinable: true }), 'a', 'ORD.uppdrag-dagtid').minutes).toBe(30);
  });

  it('sums decimal minutes exactly before rounding up, so 30,5 + 29,5 is one started hour', () => {
    const r = billableMinutes(m({ intervention: '30.5', administration: '29.5' }), 'a', 'ORD.uppdrag-dagtid');
    expect(r.minutes).toBe(60);
    expect(startedHours(r.minutes)).toBe(1);
    expect(r.step.inputs).toMatchObject({ insatstid: '30.5', administration: '29.5' });
  });

  it('rounds an exact fractional sum up to the next whole minute and says so', () => {
    const r = billableMinutes(m({ intervention: '37.5', reporting: '22.51' }), 'a', 'SYNHOR.ekonomisk-ersattning');
    expect(r.minutes).toBe(61);
    expect(startedHours(r.minutes)).toBe(2);
    expect(r.step.description).toContain('60,01 minuter avrundat uppåt till hela minuter');
  });

  it('any started part of an hour is a started hour: 0,1 minute bills one hour', () => {
    expect(startedHours(billableMinutes(m({ intervention: '0.1' }), 'a', 'ORD.uppdrag-dagtid').minutes)).toBe(1);
  });

  it('refuses negative and malformed decimal minutes naming the field', () => {
    expect(() => billableMinutes(m({ intervention: '-1.5' }), 'rad', 'ORD.uppdrag-dagtid')).toThrow(/rad\.insatstid/);
    expect(() => billableMinutes(m({ travel: 'tre' }), 'rad', 'ORD.uppdrag-dagtid')).toThrow(/rad\.restid/);
    expect(() => billableMinutes(m({ intervention: 1.5 }), 'rad', 'ORD.uppdrag-dagtid')).toThrow(/helt antal minuter/);
  });
});
