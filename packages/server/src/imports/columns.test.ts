import { describe, expect, it } from 'vitest';
import { foldHeader, resolveHeader, type ColumnSpec } from './columns.js';
import type { RowProblem } from './row-problems.js';
import { formats } from './column-formats.js';

const columns: readonly ColumnSpec[] = [
  { key: 'date', sv: 'datum', required: true, description: 'datum', format: formats.date },
  {
    key: 'reporting',
    sv: 'återrapportering',
    aliases: ['aterrapportering'],
    required: false,
    description: 'minuter',
    format: formats.startedHourMinutes,
  },
  { key: 'amount', sv: 'belopp', required: true, description: 'kronor', format: formats.kronor },
];

function resolve(header: string[]): { problems: RowProblem[]; keys: (string | undefined)[] } {
  const problems: RowProblem[] = [];
  const r = resolveHeader(header, columns, 1, (p) => problems.push(p));
  return { problems, keys: [...r.keys] };
}

describe('import headers', () => {
  it('folds case, Swedish letters, spaces and units in parentheses', () => {
    expect(foldHeader('Återrapportering (min)')).toBe('aterrapportering');
    expect(foldHeader('\uFEFFResa samordnad')).toBe('resa_samordnad');
    expect(foldHeader('FÖRBRUKNINGSMATERIAL')).toBe('forbrukningsmaterial');
  });

  it('matches Swedish and English names in any order', () => {
    expect(resolve(['Belopp (kr)', 'DATE', 'Återrapportering']).keys).toEqual(['amount', 'date', 'reporting']);
    expect(resolve(['amount', 'datum']).problems).toEqual([]);
  });

  it('refuses unknown, repeated and missing columns on line 1, in Swedish', () => {
    const { problems } = resolve(['datum', 'datum', 'okänd']);
    expect(problems.map((p) => [p.line, p.field])).toEqual([
      [1, 'datum'],
      [1, 'okänd'],
      [1, 'belopp'],
    ]);
    expect(problems[0]?.reason).toContain('förekommer två gånger');
    expect(problems[1]?.reason).toContain('okänd kolumn');
    expect(problems[2]?.reason).toContain('kolumnen saknas');
  });
});
