import { describe, expect, it } from 'vitest';
import { parseDate } from '../dates.js';
import { data, withOptionValues } from './economy.testkit.js';
import { deriveTillaggsbelopp } from './tillaggsbelopp-derivation.js';
import { TraceBuilder } from './trace-builder.js';

const on = parseDate('2026-01-01', 'datum');

describe('tilläggsbelopp derivation (TILL.bakgrund, I1, I2)', () => {
  it('worked example I1: 3 × 1,5 × 47 000 × 12 × 1,4718 = 3 735 428,4 → 3 735 428 kr', () => {
    const t = new TraceBuilder(data());
    const d = deriveTillaggsbelopp(data(), on, t);
    expect(d.exactKronor).toBe('3735428.4');
    expect(d.tillaggsbeloppOre).toBe(373542800);
    const steps = t.build().steps;
    expect(steps.find((s) => s.id === 'harledning-tillaggsbelopp')).toMatchObject({
      formula: '3 × 1,5 × 47000 × 12 × (1 + 47,18 / 100)',
      result: '3735428.4',
      unit: 'kr',
    });
    expect(t.build().interpretations).toEqual([
      { id: 'I1', option: 'factor-1.5' },
      { id: 'I2', option: 'reference-144' },
    ]);
  });

  it('worked example I2: 3 735 428 / 144 = 25 940,47 → 25 940 kr, matching the agreement', () => {
    const d = deriveTillaggsbelopp(data(), on, new TraceBuilder(data()));
    expect(d.referenceCount).toBe(144);
    expect(d.justeringsbeloppExactOre).toBe(2594047);
    expect(d.justeringsbeloppOre).toBe(2594000);
    expect(d.matchesAgreement).toBe(true);
  });

  it('reads the I1 factor and the I2 reference number from the interpretation data', () => {
    const f = deriveTillaggsbelopp(withOptionValues('I1', 'factor-1.5', { factor: '2.5' }), on, new TraceBuilder(data()));
    // 3 × 2,5 × 47 000 × 12 × 1,4718 = 6 225 714
    expect(f.tillaggsbeloppOre).toBe(622571400);
    expect(f.matchesAgreement).toBe(false);
    const r = deriveTillaggsbelopp(withOptionValues('I2', 'reference-144', { referenceCount: 150 }), on, new TraceBuilder(data()));
    // 3 735 428 / 150 = 24 902,85 → 24 903
    expect(r.justeringsbeloppOre).toBe(2490300);
  });

  it('the parameters that document I1 and I2 agree with the interpretation data', () => {
    const d = data();
    expect(d.parameters.get('till.harledning.basberedskap')?.values[0]?.value).toBe(
      d.interpretations.get('I1')?.options[0]?.values?.['factor'],
    );
    expect(d.parameters.get('till.referensantal')?.values[0]?.value).toBe(
      d.interpretations.get('I2')?.options[0]?.values?.['referenceCount'],
    );
  });
});
