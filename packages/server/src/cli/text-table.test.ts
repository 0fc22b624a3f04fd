import { describe, expect, it } from 'vitest';
import { formatKronor, ore } from '@samverkan/core';
import { formatTable } from './text-table.js';

describe('CLI text tables', () => {
  it('right-aligns columns of amounts and counts, left-aligns text', () => {
    const text = formatTable(
      ['Kommun', 'Inventarier', 'Belopp'],
      [
        ['Berg', '50', formatKronor(ore(683_244))],
        ['Östersund', '1\u00a0381', formatKronor(ore(52_057_440))],
      ],
    );
    // Compared with plain spaces: thousands and "kr" are set with no-break spaces.
    const [header, rule, berg, ostersund] = text.replace(/[\u00a0\u202f]/g, ' ').split('\n');
    expect(header).toBe('Kommun     Inventarier         Belopp');
    expect(rule).toBe('---------  -----------  -------------');
    expect(berg).toBe('Berg                50    6 832,44 kr');
    expect(ostersund).toBe('Östersund        1 381  520 574,40 kr');
  });

  it('keeps a column with any text in it left-aligned', () => {
    const text = formatTable(
      ['Dokument', 'Del'],
      [
        ['ORD', '2'],
        ['GEMUTV', 'bilaga'],
      ],
    );
    expect(text.split('\n')[2]).toBe('ORD       2');
  });
});
