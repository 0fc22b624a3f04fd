import { describe, expect, it } from 'vitest';
import type { AssignmentMinutes } from './assignment-minutes.js';
import { daytimeInvoiceBasis, type DaytimeAssignment } from './daytime-assignments.js';
import { caught, data, exampleIndex } from './economy.testkit.js';

const mins = (intervention: number, administration = 0, reporting = 0, travel = 0, travelCombinable = true): AssignmentMinutes => ({
  intervention,
  administration,
  reporting,
  travel,
  travelCombinable,
});

const base: DaytimeAssignment = {
  date: '2026-03-04',
  start: '08:30',
  minutes: mins(45, 10, 5, 20, false),
  lender: '2380',
  hirer: 'region',
  storsjoglantan: false,
  registeredMunicipality: 'Östersund',
};

const run = (assignments: readonly DaytimeAssignment[], month = '2026-03') =>
  daytimeInvoiceBasis(data(), { month, assignments, index: exampleIndex });

describe('flow 1: daytime assignments (ORD.uppdrag-dagtid)', () => {
  it('bills started hours at the VPI-indexed rate; the lender invoices the hirer', () => {
    const r = run([base]);
    // 640 kr × 1,029 = 658,56 → 659 kr; 45 + 10 + 5 + 20 (travel not combinable) = 80 min → 2 h
    expect(r.rateOre).toBe(65900);
    expect(r.bases).toHaveLength(1);
    const b = r.bases[0]!;
    expect(b.seller).toEqual({ id: '2380', name: 'Östersund', kind: 'kommun' });
    expect(b.buyer.id).toBe('region');
    expect(b.period).toEqual({ from: '2026-03-01', to: '2026-03-31' });
    expect(b.lines[0]).toMatchObject({
      quantity: 2,
      unit: 'started-hour',
      unitPriceOre: 65900,
      baseQuantity: 1,
      amountOre: 131800,
      clause: 'ORD.uppdrag-dagtid',
      date: '2026-03-04',
    });
    expect(b.totalOre).toBe(131800);
  });

  it('counts travel only when the trip could not be combined', () => {
    const r = run([{ ...base, minutes: mins(45, 10, 5, 20, true) }]);
    expect(r.bases[0]!.lines[0]).toMatchObject({ quantity: 1, amountOre: 65900 });
  });

  it('works in both directions (I14) and groups lines per seller–buyer pair', () => {
    const r = run([
      base,
      { ...base, date: '2026-03-05', minutes: mins(61) },
      { ...base, lender: 'region', hirer: 'Krokom', minutes: mins(30) },
    ]);
    expect(r.bases.map((b) => [b.seller.name, b.buyer.name, b.lines.length, b.totalOre])).toEqual([
      ['Östersund', 'Region Jämtland Härjedalen', 2, 131800 + 131800],
      ['Region Jämtland Härjedalen', 'Krokom', 1, 65900],
    ]);
    expect(r.trace.interpretations).toContainEqual({ id: 'I14', option: 'both-directions' });
  });

  it('records evening/night work of municipal nurses in the region primary care at 0 (08:00 and 16:59 are day, 17:00 and 07:59 night)', () => {
    const r = run([
      { ...base, start: '08:00' },
      { ...base, start: '16:59' },
      { ...base, start: '17:00' },
      { ...base, start: '07:59' },
    ]);
    expect(r.bases[0]!.lines).toHaveLength(2);
    expect(r.recorded.map((x) => [x.start, x.reason, x.amountOre, x.startedHours, x.clause])).toEqual([
      ['17:00', 'kvall-natt', 0, 2, 'ORD.arbete-pa-annans-uppdrag'],
      ['07:59', 'kvall-natt', 0, 2, 'ORD.arbete-pa-annans-uppdrag'],
    ]);
  });

  it('refuses evening/night assignments the agreement does not cover (region staff to a municipality)', () => {
    const e = caught(() => run([{ ...base, lender: 'region', hirer: 'Berg', start: '20:00' }]));
    expect(e.location.field).toBe('uppdrag[0].starttid');
    expect(e.message).toContain('17.00–08.00');
  });

  it('records Storsjögläntan assignments without billing (covered by tilläggsbelopp)', () => {
    const r = run([{ ...base, storsjoglantan: true }]);
    expect(r.bases).toEqual([]);
    expect(r.recorded[0]).toMatchObject({ reason: 'storsjoglantan', amountOre: 0, minutes: 80, clause: 'TILL.grundforutsattningar' });
  });

  it('lists persons not registered in the county in a home-region report, billing each assignment once (ORD.bakgrund)', () => {
    const r = run([
      { ...base, registeredMunicipality: null, homeRegion: 'Region Västernorrland', reference: 'U-17' },
      { ...base, registeredMunicipality: null, homeRegion: 'Region Västernorrland', start: '19:00', minutes: mins(30) },
      base,
    ]);
    expect(r.homeRegionReport).toHaveLength(1);
    const h = r.homeRegionReport[0]!;
    expect(h).toMatchObject({ assignments: 2, minutes: 110, startedHours: 3, amountOre: 131800, clause: 'ORD.bakgrund' });
    expect(h.homeRegion).toEqual({ id: 'hemregion:Region Västernorrland', name: 'Region Västernorrland', kind: 'hemregion' });
    expect(h.items[0]).toMatchObject({ lender: { id: '2380' }, reference: 'U-17', amountOre: 131800, startedHours: 2 });
    expect(h.items[1]).toMatchObject({ reason: 'kvall-natt', amountOre: 0 });
    // The municipality's line to the region is the assignment's one line; no basis goes to the home region.
    expect(r.bases).toHaveLength(1);
    expect(r.bases[0]!.lines).toHaveLength(2);
    expect(r.bases.flatMap((b) => b.lines).every((l) => l.buyer.kind !== 'hemregion')).toBe(true);
    expect(caught(() => run([{ ...base, registeredMunicipality: null }])).location.field).toBe('uppdrag[0].hemregion');
  });

  it('refuses a region assignment to a municipality for a person of another region: two payers for one visit', () => {
    const e = caught(() =>
      run([base, { ...base, lender: 'region', hirer: 'Östersund', registeredMunicipality: null, homeRegion: 'Region Stockholm' }]),
    );
    expect(e.code).toBe('SAMV_ERR_INVALID_INPUT');
    expect(e.location.field).toBe('uppdrag[1].hemregion');
    expect(e.message).toContain('två betalare');
    expect(e.message).toContain('Region Jämtland Härjedalen → Östersund');
  });

  it('produces exactly one invoice line per billed assignment, whatever the mix of directions', () => {
    const mixed: DaytimeAssignment[] = [
      { ...base, reference: 'A' },
      { ...base, reference: 'B', lender: 'region', hirer: 'Krokom', registeredMunicipality: 'Krokom' },
      { ...base, reference: 'C', registeredMunicipality: null, homeRegion: 'Region Stockholm' },
      { ...base, reference: 'D', lender: 'Åre', registeredMunicipality: null, homeRegion: 'Region Dalarna' },
    ];
    const refs = run(mixed).bases.flatMap((b) => b.lines.map((l) => l.reference));
    expect(refs.sort()).toEqual(['A', 'B', 'C', 'D']);
  });

  it('validates every record: date in the month, parties, minutes, municipality, no personnummer', () => {
    expect(caught(() => run([{ ...base, date: '2026-04-01' }])).location.field).toBe('uppdrag[0].datum');
    expect(caught(() => run([{ ...base, hirer: '2326' }])).location.field).toBe('uppdrag[0].inhyrare');
    expect(caught(() => run([{ ...base, lender: 'Sundsvall' }])).code).toBe('SAMV_ERR_UNKNOWN_MUNICIPALITY');
    expect(caught(() => run([{ ...base, minutes: mins(-1) }])).location.field).toBe('uppdrag[0].insatstid');
    expect(caught(() => run([{ ...base, registeredMunicipality: 'Oslo' }])).code).toBe('SAMV_ERR_UNKNOWN_MUNICIPALITY');
    const pnr = ['19', '121212', '-', '1212'].join('');
    expect(caught(() => run([{ ...base, reference: `patient ${pnr}` }])).code).toBe('SAMV_ERR_PERSONNUMMER');
  });

  it('looks each party text up once a month, yet refuses an unknown one at the record that wrote it', () => {
    const ok = { ...base, lender: 'region', hirer: '2380', registeredMunicipality: 'Östersund' };
    const late = (bad: Partial<DaytimeAssignment>) => caught(() => run([ok, base, ok, { ...base, ...bad }]));
    expect(late({ lender: 'Sundsvall' }).location).toEqual({ field: 'uppdrag[3].uthyrare', value: 'Sundsvall' });
    expect(late({ hirer: 'Oslo' }).location).toEqual({ field: 'uppdrag[3].inhyrare', value: 'Oslo' });
    expect(late({ registeredMunicipality: 'Oslo' }).location).toEqual({ field: 'uppdrag[3].folkbokforingskommun', value: 'Oslo' });
    expect(late({ date: '2026-02-29' }).location).toEqual({ field: 'uppdrag[3].datum', value: '2026-02-29' });
    // Parties found once are the same values on every line of the pair.
    const lines = run([base, { ...base, reference: 'B' }]).bases.flatMap((b) => b.lines);
    expect(lines.map((l) => [l.seller, l.buyer])).toEqual([
      [
        { id: '2380', name: 'Östersund', kind: 'kommun' },
        { id: 'region', name: data().meta.region.name, kind: 'region' },
      ],
      [
        { id: '2380', name: 'Östersund', kind: 'kommun' },
        { id: 'region', name: data().meta.region.name, kind: 'region' },
      ],
    ]);
  });

  it('carries a trace: agreement version, clause, parameter with source, index values, interpretations, steps', () => {
    const t = run([base]).trace;
    expect(t.agreement).toEqual({ id: 'jamtland-2026', version: data().meta.version });
    expect(t.clauses).toContain('ORD.uppdrag-dagtid');
    expect(t.parameters.find((p) => p.id === 'dagtid.timpris')).toMatchObject({
      value: 65900,
      validFor: '2026',
      clause: 'ORD.uppdrag-dagtid',
    });
    expect(t.indexValues).toEqual([{ series: 'VPI', year: 2026, percent: '2.9', kind: 'outcome' }]);
    expect(t.interpretations.map((i) => i.id)).toEqual(['I6', 'I14', 'I15']);
    expect(t.steps.find((s) => s.id === 'uppdrag[0]:belopp')).toMatchObject({ result: 131800, inputs: { påbörjadeTimmar: 2 } });
  });

  it('needs the VPI value of the billing year', () => {
    const e = caught(() => run([{ ...base, date: '2028-01-10' }], '2028-01'));
    expect(e.code).toBe('SAMV_ERR_MISSING_INDEX');
    expect(e.message).toContain('VPI för år 2028');
  });
});
