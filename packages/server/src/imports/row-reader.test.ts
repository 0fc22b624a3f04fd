import { describe, expect, it } from 'vitest';
import { readAgreement } from '../agreement/read-agreement-dir.js';
import { resolveHeader, type ColumnSpec } from './columns.js';
import { RowReader } from './row-reader.js';
import { formats } from './column-formats.js';

const agreement = readAgreement();
const columns: readonly ColumnSpec[] = ['d', 't', 'n', 'kr', 'dec', 'yn', 'm', 'p', 'y'].map((key) => ({
  key,
  sv: key,
  required: false,
  description: key,
  format: formats.text,
}));
const header = resolveHeader(
  columns.map((c) => c.key),
  columns,
  1,
  () => undefined,
);

function row(cells: string[]): RowReader {
  return new RowReader(7, cells, header, agreement);
}

describe('RowReader', () => {
  it('reads valid cells in the forms Swedish exports use', () => {
    const r = row(['2026-03-15', '9:05', '1 234', '1 234,56', '2,9', 'Ja', 'östersund', 'Regionen', '2026']);
    expect([
      r.date('d'),
      r.time('t'),
      r.count('n', 'antal'),
      r.kronor('kr', 'belopp'),
      r.decimal('dec', 'procent'),
      r.yesNo('yn'),
      r.municipality('m'),
      r.party('p'),
      r.year('y'),
    ]).toEqual(['2026-03-15', '09:05', 1234, 123456, '2.9', true, '2380', 'region', 2026]);
    expect(r.ok).toBe(true);
  });

  it('records one Swedish problem per bad field with line, column and value', () => {
    const r = row(['2026-02-30', '25:00', '-3', '12,345', 'x', 'kanske', 'Oslo', '', '26']);
    expect(r.date('d')).toBeUndefined();
    expect(r.time('t')).toBeUndefined();
    expect(r.count('n', 'antal')).toBeUndefined();
    expect(r.kronor('kr', 'belopp')).toBeUndefined();
    expect(r.decimal('dec', 'procent')).toBeUndefined();
    expect(r.yesNo('yn')).toBeUndefined();
    expect(r.municipality('m')).toBeUndefined();
    expect(r.party('p')).toBeUndefined();
    expect(r.year('y')).toBeUndefined();
    expect(r.problems.map((p) => p.field)).toEqual(['d', 't', 'n', 'kr', 'dec', 'yn', 'm', 'p', 'y']);
    expect(r.problems.every((p) => p.line === 7)).toBe(true);
    expect(r.problems[0]?.reason).toContain('inget giltigt datum');
    expect(r.problems[3]?.reason).toContain('högst två decimaler');
    expect(r.problems[6]?.reason).toContain('okänd kommun "Oslo"');
    expect(r.problems[6]?.value).toBe('Oslo');
  });

  it('refuses negative amounts unless allowed, and uses fallbacks for empty optional cells', () => {
    const r = row(['', '', '', '-5,00']);
    expect(r.kronor('kr', 'belopp')).toBeUndefined();
    expect(r.problems[0]?.reason).toContain('negativt');
    const ok = row(['', '', '', '-5,00']);
    expect(ok.kronor('kr', 'belopp', { allowNegative: true })).toBe(-500);
    expect(ok.count('n', 'antal', 0)).toBe(0);
    expect(ok.kronor('dec', 'belopp', { fallback: 0 })).toBe(0);
    expect(ok.ok).toBe(true);
  });
});
