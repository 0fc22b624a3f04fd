import { describe, expect, it } from 'vitest';
import { containsPersonnummer, maskPersonnummer, refusePersonnummer } from './personnummer.js';

// Built at runtime so no personnummer-like literal sits in the repository.
const pnr = (...parts: string[]): string => parts.join('');

describe('personnummer detection', () => {
  it.each([pnr('19121212', '-', '1212'), pnr('121212', '-', '1212'), pnr('2001010', '11234'), pnr('121272', '+', '1212')])(
    'finds %s',
    (s) => {
      expect(containsPersonnummer(`namn;${s};x`)).toBe(true);
    },
  );
  it.each(['2026-12-31', '252225,80', '2380;381', '3735428', 'Östersund 2380', '12345678901234'])('does not flag %s', (s) => {
    expect(containsPersonnummer(s)).toBe(false);
  });
  it('refuses with a Swedish message naming file and line', () => {
    expect(() => {
      refusePersonnummer(pnr('19121212', '1212'), { file: 'a.csv', line: 3 });
    }).toThrow(/a\.csv, rad 3: uppgiften ser ut att innehålla ett personnummer/);
  });
  it('masks every occurrence and leaves other digits alone', () => {
    const text = `/api/v1/x/${pnr('19121212', '-', '1212')}?a=${pnr('121212', '1212')}&t=1796131527900`;
    expect(maskPersonnummer(text)).toBe('/api/v1/x/[personnummer]?a=[personnummer]&t=1796131527900');
    expect(containsPersonnummer(maskPersonnummer(text))).toBe(false);
  });
});
