import { describe, expect, it } from 'vitest';
import type { CalculationStep } from '../trace.js';
import { renderStep } from './step-text.js';

const step = (s: Partial<CalculationStep>): CalculationStep => ({ id: 'x', description: 'Steg', result: 0, ...s });
/** The shown text with its thousands spaces (no-break) as plain spaces, to compare with. */
const plain = (text: string | undefined): string | undefined => text?.replace(/\u00a0/g, ' ');

describe('a formula as arithmetic with the step’s values (issue 12)', () => {
  it('writes the values with units in place of the names, ending in the result', () => {
    const shown = renderStep(
      step({
        description: 'Tilläggsbelopp 2026 efter avstämning',
        formula: 'tilläggsbelopp + justering',
        inputs: { tilläggsbeloppÖre: 397_444_400, justeringÖre: 16_560_000 },
        result: 414_004_400,
        unit: 'öre',
      }),
    );
    expect(plain(shown.calculation)).toBe('3 974 444 kr + 165 600 kr = 4 140 044 kr');
    expect(plain(shown.text)).toBe('Tilläggsbelopp 2026 efter avstämning: 3 974 444 kr + 165 600 kr = 4 140 044 kr');
  });

  it('says "1 påbörjad timme" and "2 påbörjade timmar"', () => {
    const priced = (minuter: number, timmar: number) =>
      plain(
        renderStep(
          step({
            formula: 'ceil(minuter / 60) × timpris',
            inputs: { minuter, påbörjadeTimmar: timmar, timprisÖre: 66_000 },
            result: timmar * 66_000,
            unit: 'öre',
          }),
        ).calculation,
      );
    expect(priced(53, 1)).toBe('53 minuter ger 1 påbörjad timme × 660 kr = 660 kr');
    expect(priced(61, 2)).toBe('61 minuter ger 2 påbörjade timmar × 660 kr = 1 320 kr');
  });

  it('shows a comparison with its answer, and a count with its word', () => {
    expect(
      renderStep(step({ formula: 'nedre ≤ antal ≤ övre', inputs: { nedre: 129, antal: 175, övre: 169 }, result: false })).calculation,
    ).toBe('129 ≤ 175 ≤ 169: nej');
    expect(
      plain(
        renderStep(
          step({
            formula: 'justeringsbelopp × personer',
            inputs: { justeringsbeloppÖre: 2_760_000, personer: 6 },
            result: 16_560_000,
            unit: 'öre',
          }),
        ).calculation,
      ),
    ).toBe('27 600 kr × 6 personer = 165 600 kr');
  });

  it('gives no calculation for a formula it cannot fill, rather than half-filled code', () => {
    expect(renderStep(step({ formula: 'okänd × timpris', inputs: { timprisÖre: 1 } })).calculation).toBeUndefined();
    expect(renderStep(step({ formula: 'ceil(minuter / 60) × timpris', inputs: { minuter: 5 } })).calculation).toBeUndefined();
    expect(renderStep(step({ formula: '0', inputs: {} })).calculation).toBeUndefined();
    expect(
      renderStep(step({ description: 'Timpris: 640 kr × (1 + 3,1 %) = 659,84 kr', formula: 'avrunda(v(2025))' })).calculation,
    ).toBeUndefined();
  });
});
