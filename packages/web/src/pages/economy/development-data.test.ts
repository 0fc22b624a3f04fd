import { describe, expect, it } from 'vitest';
import { budgetCsv } from './development-data.js';

describe('development funds from stored records', () => {
  it('writes a one-row import file in kronor with a decimal comma, without separators in the name', () => {
    expect(budgetCsv({ area: 'Analys; uppföljning', year: 2026, budgetOre: 50000000, outcomeOre: 41250050 })).toBe(
      'år;område;budget;utfall\n2026;Analys  uppföljning;500000,00;412500,50\n',
    );
    expect(budgetCsv({ area: 'X', year: 2027, budgetOre: 5, outcomeOre: null })).toBe('år;område;budget;utfall\n2027;X;0,05;\n');
  });
});
