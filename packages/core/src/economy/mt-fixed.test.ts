import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EMPTY_INDEX_SERIES } from '../indexation/index-series.js';
import { caught, data, exampleIndex } from './economy.testkit.js';
import { mtFixedInvoice, mtSnapshotDate, type DeviceCount } from './mt-fixed.js';

// The seed's table (MT Bilaga 1, Tabell 1: fördelning fast kostnad, exempel från 2025-06-30).
const seedCounts: DeviceCount[] = [
  { municipality: 'Berg', devices: 50 },
  { municipality: 'Bräcke', devices: 60 },
  { municipality: 'Härjedalen', devices: 96 },
  { municipality: 'Krokom', devices: 90 },
  { municipality: 'Ragunda', devices: 41 },
  { municipality: 'Strömsund', devices: 152 },
  { municipality: 'Åre', devices: 53 },
  { municipality: 'Östersund', devices: 381 },
];

describe('flow 3: MT fixed part (MT.bilaga-1-fast-del)', () => {
  it('reproduces the seed worked example to the öre: 224,6 h × 1 123 kr = 252 225,80 kr; half 126 112,90 kr', () => {
    const r = mtFixedInvoice(data(), {
      year: 2025,
      half: 2,
      inventory: { snapshotDate: '2025-06-30', counts: seedCounts },
      index: EMPTY_INDEX_SERIES,
    });
    expect(r.totalDevices).toBe(923);
    expect(r.yearlyMinutes).toBe(13476); // 40 h + 923 × 12 min = 224,6 h
    expect(r.rateOre).toBe(112300);
    expect(r.yearlyOre).toBe(25222580);
    expect(r.halfOre).toBe(12611290);
    expect(r.snapshotDate).toBe('2025-06-30');
    // Exact shares × 12 611 290 öre, largest remainder (sum is exactly the half-year invoice).
    expect(r.allocations.map((a) => [a.name, a.devices, a.amountOre])).toEqual([
      ['Berg', 50, 683169],
      ['Bräcke', 60, 819802],
      ['Härjedalen', 96, 1311683],
      ['Krokom', 90, 1229703],
      ['Ragunda', 41, 560198],
      ['Strömsund', 152, 2076832],
      ['Åre', 53, 724159],
      ['Östersund', 381, 5205744],
    ]);
    expect(r.allocations.reduce((s, a) => s + a.amountOre, 0)).toBe(12611290);
    expect(r.bases).toHaveLength(8);
    expect(r.bases[7]!.lines[0]).toMatchObject({
      seller: { id: 'region', unit: 'MT' },
      buyer: { id: '2380' },
      amountOre: 5205744,
      period: { from: '2025-07-01', to: '2025-12-31' },
      clause: 'MT.bilaga-1-fast-del',
    });
    expect(r.trace.steps.find((s) => s.id === 'resursbehov')).toMatchObject({
      result: 13476,
      inputs: { grundtidMinuter: 2400, tidPerInventarieMinuter: 12, antal: 923 },
    });
  });

  it('prices the fixed part at the VPI-indexed rate of the invoiced year', () => {
    const r = mtFixedInvoice(data(), { year: 2026, half: 1, inventory: { counts: seedCounts }, index: exampleIndex });
    expect(r.rateOre).toBe(115600);
    expect(r.halfOre).toBe(12981880); // 13 476 min × 1 156 kr / 60 / 2 = 129 818,80 kr
  });

  it('I8 previous-half-year-end: H1 uses 31 Dec of the year before, H2 uses 30 June', () => {
    expect(mtSnapshotDate(data(), 2026, 1)).toEqual({ date: '2025-12-31', option: 'previous-half-year-end' });
    expect(mtSnapshotDate(data(), 2026, 2)).toEqual({ date: '2026-06-30', option: 'previous-half-year-end' });
    const e = caught(() =>
      mtFixedInvoice(data(), { year: 2026, half: 1, inventory: { snapshotDate: '2025-06-30', counts: seedCounts }, index: exampleIndex }),
    );
    expect(e.message).toContain('2025-12-31');
    expect(e.message).toContain('I8');
  });

  it('I8 chosen-date: uses the chosen date and requires one', () => {
    const choices = { I8: 'chosen-date' };
    const r = mtFixedInvoice(data(), {
      year: 2026,
      half: 1,
      inventory: { snapshotDate: '2026-01-15', counts: seedCounts },
      index: exampleIndex,
      choices,
      chosenSnapshotDate: '2026-01-15',
    });
    expect(r.snapshotDate).toBe('2026-01-15');
    expect(r.trace.interpretations).toContainEqual({ id: 'I8', option: 'chosen-date' });
    expect(caught(() => mtSnapshotDate(data(), 2026, 1, choices)).location.field).toBe('inventeringsdatum');
  });

  it('refuses inventories with a missing, repeated or unknown municipality (naming file and line) or negative counts', () => {
    const run = (counts: DeviceCount[]) =>
      mtFixedInvoice(data(), { year: 2025, half: 2, inventory: { counts }, index: EMPTY_INDEX_SERIES });
    expect(caught(() => run(seedCounts.slice(1))).message).toContain('Berg');
    expect(caught(() => run([...seedCounts, { municipality: 'berg', devices: 1, file: 'inv.csv', line: 10 }])).message).toMatch(
      /inv\.csv rad 10: Berg förekommer mer än en gång/,
    );
    const unknown = caught(() => run([...seedCounts.slice(1), { municipality: 'Bergen', devices: 50, file: 'inv.csv', line: 9 }]));
    expect(unknown.code).toBe('SAMV_ERR_UNKNOWN_MUNICIPALITY');
    expect(unknown.location).toMatchObject({ file: 'inv.csv', line: 9 });
    expect(caught(() => run([{ municipality: 'Berg', devices: -1 }, ...seedCounts.slice(1)])).message).toContain('≥ 0');
  });

  it('splits always sum to the half-year invoice and each part is within one öre of its exact share (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 5000 }), { minLength: 8, maxLength: 8 }).filter((xs) => xs.some((x) => x > 0)),
        (xs) => {
          const counts = seedCounts.map((c, i) => ({ municipality: c.municipality, devices: xs[i]! }));
          const r = mtFixedInvoice(data(), { year: 2025, half: 1, inventory: { counts }, index: EMPTY_INDEX_SERIES });
          const total = xs.reduce((a, b) => a + b, 0);
          expect(r.allocations.reduce((s, a) => s + a.amountOre, 0)).toBe(r.halfOre);
          for (const a of r.allocations) {
            // |amount − half × devices / total| < 1  ⇔  |amount × total − half × devices| < total
            const diff = BigInt(a.amountOre) * BigInt(total) - BigInt(r.halfOre) * BigInt(a.devices);
            expect(diff < BigInt(total) && -diff < BigInt(total)).toBe(true);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
