import { describe, expect, it } from 'vitest';
import { shippedAgreement } from '../agreement/shipped-agreement.testkit.js';
import { buildIndexSeries } from '../indexation/index-series.js';
import { indexedValue } from '../indexation/indexed-value.js';
import { describeInterpretation, describeParameterValue, renderStep, stepValueText } from './step-text.js';
import { INTERNAL_IDENTIFIER } from './glossary.js';

const nb = (s: string): string => s.replace(/\u00a0/g, ' ');

describe('a calculation step as a sentence', () => {
  it('an index uplift reads as the arithmetic with units and the rounding in words', () => {
    const p = shippedAgreement().parameters.get('dagtid.timpris');
    if (!p) throw new Error('no dagtid.timpris');
    const r = indexedValue(p, 2026, buildIndexSeries([{ series: 'VPI', year: 2026, percent: '3,1' }]));
    const shown = renderStep(r.steps.at(-1) ?? r.steps[0]!);
    expect(nb(shown.text)).toBe(
      `${p.title} 2026 (VPI 3,1 %): 640 kr × (1 + 3,1 %) = 659,84 kr, avrundat till närmaste, hälften uppåt, till hela kronor: 660 kr per påbörjad timme`,
    );
    expect(shown.inputs).toEqual([
      { label: 'Föregående års värde', value: '640 kr' },
      { label: 'Förändring', value: '3,1 %' },
      { label: 'Indexserie', value: 'VPI' },
      { label: 'År', value: '2026' },
    ]);
    expect(INTERNAL_IDENTIFIER.test(shown.text)).toBe(false);
  });

  it('an unrounded value that is not exact to four decimals says ≈', () => {
    const p = shippedAgreement().parameters.get('mt.timpris');
    if (!p) throw new Error('no mt.timpris');
    const r = indexedValue(p, 2026, buildIndexSeries([{ series: 'VPI', year: 2026, percent: '2,9' }]));
    // 1 123 × 1,029 = 1 155,567 exactly: shown as is, rounded to 1 156 kr.
    expect(nb(renderStep(r.steps.at(-1) ?? r.steps[0]!).text)).toContain('1 123 kr × (1 + 2,9 %) = 1 155,567 kr');
    const odd = indexedValue(p, 2026, buildIndexSeries([{ series: 'VPI', year: 2026, percent: '2,93333' }]));
    expect(nb(renderStep(odd.steps.at(-1) ?? odd.steps[0]!).text)).toContain('= ≈ 1 155,9412 kr');
  });

  it('says singular and plural of the units the steps use, and öre as kronor', () => {
    expect(stepValueText(1, 'personer')).toBe('1 person');
    expect(stepValueText(3, 'personer')).toBe('3 personer');
    expect(stepValueText(1, 'started-hour')).toBe('1 påbörjad timme');
    expect(nb(stepValueText(470000000, 'öre'))).toBe('4 700 000 kr');
    expect(stepValueText('148.5', 'personer')).toBe('148,5 personer');
    expect(stepValueText(true)).toBe('ja');
  });

  it('a step without a result (the imported record a line rests on) is its description alone', () => {
    const shown = renderStep({
      id: 'underlag:1',
      description: 'Importerad post: mars.csv, rad 2',
      inputs: { fil: 'mars.csv', rad: 2 },
      result: null,
    });
    expect(shown.text).toBe('Importerad post: mars.csv, rad 2');
    expect(shown.inputs).toEqual([
      { label: 'Fil', value: 'mars.csv' },
      { label: 'Rad', value: '2' },
    ]);
  });

  it('older traces with a rounding mode id read in words', () => {
    const shown = renderStep({
      id: 'x',
      description: 'Uppräkning',
      result: 66000,
      unit: 'ore_per_started_hour',
      rounding: 'half-up till 100 (ore_per_started_hour)',
    });
    expect(shown.rounding).toBe('avrundat till närmaste, hälften uppåt, till hela kronor');
    expect(renderStep({ id: 'y', description: 'Pris', result: 1, unit: 'öre', rounding: 'half-up till helt öre' }).rounding).toBe(
      'avrundat till närmaste öre, hälften uppåt',
    );
  });

  it('shows parameter values in their unit', () => {
    expect(nb(describeParameterValue(66000, 'ore_per_started_hour'))).toBe('660 kr per påbörjad timme');
    expect(nb(describeParameterValue(1020, 'minutes'))).toBe('1 020 minuter');
    expect(describeParameterValue('1.4718', 'ratio')).toBe('1,4718');
    expect(describeParameterValue('3.5', 'percent')).toBe('3,5 %');
  });

  it('names an interpretation option by its Swedish label', () => {
    const i6 = shippedAgreement().interpretations.get('I6');
    expect(describeInterpretation({ id: 'I6', option: 'whole-kronor' }, i6)).toBe(
      'Avrundning av indexerade värden (tolkning I6): hela kronor varje år',
    );
    for (const it of shippedAgreement().interpretations.values()) {
      for (const o of it.options)
        expect(INTERNAL_IDENTIFIER.test(describeInterpretation({ id: it.id, option: o.id }, it)), o.id).toBe(false);
    }
  });
});
