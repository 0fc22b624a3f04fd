import { describe, expect, it } from 'vitest';
import { parseAllocationKey } from './allocation-key-file.js';
import { developmentFinancing, developmentFollowUp, type DevelopmentBudget, type PopulationKey } from './development-funds.js';
import { caught, data, exampleKeyText } from './economy.testkit.js';

const budgets: DevelopmentBudget[] = [
  { area: 'Ekonomisk analys och uppföljning', year: 2026, budgetOre: 100_000_001, outcomeOre: 82_500_000 },
  { area: 'Digital samverkan', year: 2026, budgetOre: 40_000_000, outcomeOre: 45_000_000 },
  { area: 'Annat år', year: 2027, budgetOre: 1_000 },
];

const population: PopulationKey = {
  date: '2025-12-31',
  counts: [
    ['Berg', 6900],
    ['Bräcke', 6300],
    ['Härjedalen', 10000],
    ['Krokom', 15700],
    ['Ragunda', 5300],
    ['Strömsund', 11400],
    ['Åre', 12300],
    ['Östersund', 64400],
  ].map(([municipality, n]) => ({ municipality: String(municipality), population: Number(n) })),
};

describe('flow 6: joint development funds (GEMUTV)', () => {
  it('50 % region, 50 % municipalities; I10 population splits the municipalities’ half by population', () => {
    const r = developmentFinancing(data(), { year: 2026, budgets, population });
    expect(r.split).toBe('population');
    expect(r.areas).toHaveLength(2);
    const a = r.areas[0]!;
    // 1 000 000,01 kr: the odd öre goes by largest remainder (tie → alphabetical: Kommunerna).
    expect([a.budgetOre, a.regionOre, a.municipalitiesOre]).toEqual([100_000_001, 50_000_000, 50_000_001]);
    expect(a.allocations.reduce((s, x) => s + x.amountOre, 0)).toBe(50_000_001);
    // Östersund: 64 400 / 132 300 of 500 000,01 kr = 243 386,248… kr; largest remainder → 243 386,25 kr
    expect(a.allocations.find((x) => x.name === 'Östersund')?.amountOre).toBe(24_338_625);
    expect(r.keyIsExample).toBe(false);
  });

  it('I10 equal: eight equal parts', () => {
    const r = developmentFinancing(data(), { year: 2026, budgets, choices: { I10: 'equal' } });
    expect(r.areas[1]!.allocations.map((x) => x.amountOre)).toEqual(Array(8).fill(2_500_000));
  });

  it('I10 key: split by an allocation key, labelled when it is an example', () => {
    const key = parseAllocationKey(exampleKeyText(), 'k.yaml', data().municipalities);
    const r = developmentFinancing(data(), { year: 2026, budgets, key, choices: { I10: 'key' } });
    expect(r.areas[1]!.allocations.find((x) => x.name === 'Östersund')?.amountOre).not.toBe(2_500_000);
    expect(r.areas[1]!.allocations.reduce((s, x) => s + x.amountOre, 0)).toBe(20_000_000);
    expect(r.keyIsExample).toBe(true);
    expect(r.keyNote).toContain('EXEMPEL');
  });

  it('requires the data the chosen I10 option needs', () => {
    expect(caught(() => developmentFinancing(data(), { year: 2026, budgets })).location.field).toBe('folkmangd');
    expect(caught(() => developmentFinancing(data(), { year: 2026, budgets, choices: { I10: 'key' } })).location.field).toBe('nyckel');
    expect(
      caught(() => developmentFinancing(data(), { year: 2026, budgets, population: { counts: population.counts.slice(1) } })).message,
    ).toContain('Berg');
  });

  it('yearly follow-up: budget, outcome and deviation (budget − outcome) per area and in total', () => {
    const f = developmentFollowUp(data(), 2026, budgets);
    expect(f.areas.map((a) => [a.area, a.budgetOre, a.outcomeOre, a.deviationOre, a.usedPercent])).toEqual([
      ['Ekonomisk analys och uppföljning', 100_000_001, 82_500_000, 17_500_001, '82.5'],
      ['Digital samverkan', 40_000_000, 45_000_000, -5_000_000, '112.5'],
    ]);
    expect(f.totals).toEqual({ budgetOre: 140_000_001, outcomeOre: 127_500_000, deviationOre: 12_500_001, usedPercent: '91.1' });
    expect(f.trace.clauses).toEqual(['GEMUTV.utvardering-och-uppfoljning']);
  });
});
