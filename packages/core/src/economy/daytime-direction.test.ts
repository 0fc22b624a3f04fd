import { describe, expect, it } from 'vitest';
import { daytimeDirection, type DaytimeSide } from './daytime-direction.js';

const sides: readonly DaytimeSide[] = ['region', 'kommun'];

describe('daytime-assignment direction (ORD.uppdrag-dagtid, ORD.bakgrund)', () => {
  it('bills the lender to the hirer for a person registered in the county, in either direction (I14)', () => {
    expect(daytimeDirection({ lender: 'kommun', hirer: 'region', notRegisteredInCounty: false })).toEqual({
      ok: true,
      pair: 'kommun-till-region',
      homeRegionReport: false,
      clauses: ['ORD.uppdrag-dagtid'],
    });
    expect(daytimeDirection({ lender: 'region', hirer: 'kommun', notRegisteredInCounty: false })).toEqual({
      ok: true,
      pair: 'region-till-kommun',
      homeRegionReport: false,
      clauses: ['ORD.uppdrag-dagtid'],
    });
  });

  it('lets the region hire municipal staff for a person of another region, listing it for the home region', () => {
    expect(daytimeDirection({ lender: 'kommun', hirer: 'region', notRegisteredInCounty: true })).toEqual({
      ok: true,
      pair: 'kommun-till-region',
      homeRegionReport: true,
      clauses: ['ORD.uppdrag-dagtid', 'ORD.bakgrund'],
    });
  });

  it('refuses a municipality hiring the region for a person of another region: two payers, naming the three columns', () => {
    const d = daytimeDirection({ lender: 'region', hirer: 'kommun', notRegisteredInCounty: true });
    expect(d.ok).toBe(false);
    if (d.ok) return;
    expect(d.columns).toEqual(['lender', 'hirer', 'homeRegion']);
    expect(d.reason).toContain('utförare region, beställare en kommun och en hemregion');
    expect(d.reason).toContain('två betalare');
  });

  it('refuses the region or two municipalities on both sides (no pair), naming lender and hirer', () => {
    for (const side of sides) {
      for (const notRegisteredInCounty of [false, true]) {
        const d = daytimeDirection({ lender: side, hirer: side, notRegisteredInCounty });
        expect(d).toMatchObject({ ok: false, columns: ['lender', 'hirer'] });
      }
    }
  });

  it('gives every combination exactly one pair or a refusal', () => {
    const outcomes = sides.flatMap((lender) =>
      sides.flatMap((hirer) => [false, true].map((n) => daytimeDirection({ lender, hirer, notRegisteredInCounty: n }))),
    );
    expect(outcomes.filter((o) => o.ok)).toHaveLength(3);
    expect(outcomes.filter((o) => !o.ok)).toHaveLength(5);
  });
});
