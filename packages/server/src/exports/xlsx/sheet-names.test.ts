import { describe, expect, it } from 'vitest';
import { sheetNames } from './sheet-names.js';

describe('sheet names', () => {
  it('are at most 31 characters, without []:*?/\\, not History, and unique regardless of case', () => {
    const names = sheetNames([
      'RJH-2026-000017',
      'a/b\\c[d]e:f*g?h',
      'x'.repeat(40),
      'x'.repeat(40),
      'History',
      "'quoted'",
      'ABC',
      'abc',
      '',
    ]);
    expect(names).toEqual([
      'RJH-2026-000017',
      'a_b_c_d_e_f_g_h',
      'x'.repeat(31),
      `${'x'.repeat(27)} (2)`,
      'Blad',
      'quoted',
      'ABC',
      'abc (2)',
      'Blad (2)',
    ]);
    for (const n of names) {
      expect(n.length).toBeLessThanOrEqual(31);
      expect(n).not.toMatch(/[[\]:*?/\\]/);
    }
  });
});
