import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  describeRounding,
  formatNumber,
  describeStepInput,
  describeUnit,
  INTERNAL_IDENTIFIER,
  knownStepInputs,
  kronorText,
  quantity,
} from './glossary.js';

describe('the glossary of display names', () => {
  it('says singular and plural right', () => {
    expect(quantity(1, 'started-hour')).toBe('1 påbörjad timme');
    expect(quantity(3, 'started-hour')).toBe('3 påbörjade timmar');
    expect(quantity(1, 'post')).toBe('1 ny post');
    expect(quantity(2, 'post')).toBe('2 nya poster');
    expect(quantity(1, 'minutes')).toBe('1 minut');
  });
  it('shows öre as kronor with thousands spaces and the unit in Swedish', () => {
    expect(quantity(470000000, 'ore_per_month')).toBe('4\u00a0700\u00a0000 kr per månad');
    expect(kronorText(65984)).toBe('659,84 kr');
    expect(kronorText(66000)).toBe('660 kr');
    expect(describeUnit('ore_per_started_hour')).toBe('kr per påbörjad timme');
  });
  it('names rounding modes and steps in words', () => {
    expect(describeRounding('half-up', 100, 'ore_per_started_hour')).toBe('avrundat till närmaste, hälften uppåt, till hela kronor');
    expect(describeRounding('half-up', 1, 'ore')).toBe('avrundat till närmaste, hälften uppåt, till helt öre');
  });
  it('labels step inputs with units', () => {
    expect(describeStepInput('föregående', 64000)).toBe('Föregående års värde: 640 kr');
    expect(describeStepInput('timprisÖre', 66000)).toBe('Timpris: 660 kr');
    expect(describeStepInput('restidRäknas', true)).toBe('Restiden räknas: ja');
    expect(describeStepInput('procent', '3.1')).toBe('Förändring: 3,1 %');
    expect(describeStepInput('påbörjadeTimmar', 1)).toBe('Påbörjade timmar: 1');
  });
  it('never shows an internal identifier for any known step input, unit or rounding', () => {
    const shown = [
      ...knownStepInputs.map((k) => describeStepInput(k, 12345)),
      ...knownStepInputs.map((k) => describeStepInput(k, true)),
      ...[
        'ore',
        'ore_per_hour',
        'ore_per_started_hour',
        'ore_per_month',
        'ore_per_person',
        'minutes',
        'started-hour',
        'persons',
        'count',
        'percent',
        'lump-sum',
      ].flatMap((u) => [describeUnit(u), quantity(1, u), quantity(2, u)]),
      describeRounding('half-up', 100, 'ore_per_started_hour'),
    ];
    expect(shown.filter((t) => INTERNAL_IDENTIFIER.test(t))).toEqual([]);
  });
  it('the identifier check catches what issue 12 found', () => {
    for (const bad of [
      'restidRäknas = ja',
      'timprisÖre',
      'half-up till 100 (ore_per_started_hour)',
      'Tolkningar: I6 (whole-kronor)',
      '4 700 000 ore_per_month',
      '2 started-hour',
    ]) {
      expect(INTERNAL_IDENTIFIER.test(bad), bad).toBe(true);
    }
  });
});

describe('formatNumber', () => {
  // Integers are grouped by hand (speed); the text must be Intl's sv-SE text with an ASCII minus.
  const intl = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 12 });
  const viaIntl = (v: number): string => intl.format(v).replace(/\u2212/g, '-');
  it('writes every safe integer (and -0) exactly as Intl sv-SE does', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: -20_000, max: 20_000 }), fc.maxSafeInteger(), fc.integer(), fc.constant(-0)), (v) => {
        expect(formatNumber(v)).toBe(viaIntl(v));
      }),
      { numRuns: 3000 },
    );
  });
  it('writes fractions and decimal strings Swedish style', () => {
    expect(formatNumber(3.1)).toBe('3,1');
    expect(formatNumber(-1234.5)).toBe(viaIntl(-1234.5));
    expect(formatNumber('1234567.25')).toBe('1\u00a0234\u00a0567,25');
  });
});
