import { describe, expect, it } from 'vitest';
import { caught, data, exampleIndex } from './economy.testkit.js';
import { ombudInvoiceBasis, type OmbudAssignment } from './vision-hearing-ombud.js';

const a = (
  service: OmbudAssignment['service'],
  intervention: number,
  municipality = 'Strömsund',
  travel = 0,
  travelCombinable = true,
): OmbudAssignment => ({
  date: '2026-05-12',
  municipality,
  service,
  minutes: { intervention, administration: 0, reporting: 0, travel, travelCombinable },
});

describe('flow 2: syn- och hörselombud (SYNHOR.ekonomisk-ersattning)', () => {
  it('bills started hours at the OPI-indexed rate, municipality → region', () => {
    const r = ombudInvoiceBasis(data(), { month: '2026-05', assignments: [a('horcentralen', 61)], index: exampleIndex });
    // 338 kr × 1,032 = 348,816 → 349 kr; 61 min → 2 started hours
    expect(r.rateOre).toBe(34900);
    expect(r.bases[0]!.seller).toEqual({ id: '2313', name: 'Strömsund', kind: 'kommun' });
    expect(r.bases[0]!.buyer).toMatchObject({ id: 'region', unit: 'horcentralen' });
    expect(r.bases[0]!.lines[0]).toMatchObject({
      quantity: 2,
      unitPriceOre: 34900,
      amountOre: 69800,
      clause: 'SYNHOR.ekonomisk-ersattning',
    });
    expect(r.trace.indexValues).toEqual([{ series: 'OPI', year: 2026, percent: '3.2', kind: 'outcome' }]);
  });

  it('keeps SEPARATE bases for syncentralen and hörcentralen, even for the same municipality', () => {
    const r = ombudInvoiceBasis(data(), {
      month: '2026-05',
      assignments: [
        a('syncentralen', 30),
        a('horcentralen', 30),
        a('syncentralen', 45, 'Strömsund', 40, false),
        a('horcentralen', 10, 'Åre'),
      ],
      index: exampleIndex,
    });
    expect(r.bases.map((b) => [b.seller.name, b.buyer.unit, b.lines.length, b.totalOre])).toEqual([
      ['Strömsund', 'syncentralen', 2, 34900 + 2 * 34900],
      ['Strömsund', 'horcentralen', 1, 34900],
      ['Åre', 'horcentralen', 1, 34900],
    ]);
  });

  it('refuses an unknown paying unit and a missing OPI year', () => {
    const bad = { ...a('syncentralen', 10), service: 'tandvarden' } as unknown as OmbudAssignment;
    expect(caught(() => ombudInvoiceBasis(data(), { month: '2026-05', assignments: [bad], index: exampleIndex })).location.field).toBe(
      'uppdrag[0].enhet',
    );
    expect(caught(() => ombudInvoiceBasis(data(), { month: '2028-05', assignments: [], index: exampleIndex })).message).toContain(
      'OPI för år 2028',
    );
  });
});
