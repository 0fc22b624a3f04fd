import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
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

describe('billable minutes of whole numbers (the plain-number path) equal the exact rational path', () => {
  // The same parts written as decimal text always take the exact path.
  const asText = (m: AssignmentMinutes): AssignmentMinutes => ({
    intervention: String(m.intervention),
    administration: String(m.administration),
    reporting: String(m.reporting),
    travel: String(m.travel),
    travelCombinable: m.travelCombinable,
  });
  const part = fc.oneof(fc.nat({ max: 600 }), fc.constantFrom(0, -0, 1, 59, 60, 61, Number.MAX_SAFE_INTEGER, 2 ** 52));

  it('gives the same minutes and step (or the same refusal) for generated parts', () => {
    fc.assert(
      fc.property(part, part, part, part, fc.boolean(), (intervention, administration, reporting, travel, travelCombinable) => {
        const m = { intervention, administration, reporting, travel, travelCombinable };
        const run = (x: AssignmentMinutes) => {
          try {
            return billableMinutes(x, 'uppdrag[3]', 'ORD.uppdrag-dagtid');
          } catch (e) {
            return e instanceof Error ? { error: e.message } : e;
          }
        };
        expect(run(m)).toEqual(run(asText(m)));
      }),
      { numRuns: 5_000 },
    );
  });

  it('shows -0 as 0, as the exact path does', () => {
    const r = billableMinutes({ intervention: -0, administration: 0, reporting: 0, travel: -0, travelCombinable: true }, 'u', 'C');
    expect(Object.is(r.minutes, 0)).toBe(true);
    expect(Object.is(r.step.inputs?.['insatstid'], 0)).toBe(true);
  });
});
