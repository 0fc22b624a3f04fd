import { describe, expect, it } from 'vitest';
import { errorReportCsv, problemSummary, type RowProblem } from './import-types.js';

const problems: RowProblem[] = [
  {
    line: 3,
    field: 'datum',
    message: 'rad 3, kolumn "datum": "2026-07-32" är inget giltigt datum; skriv det som ÅÅÅÅ-MM-DD, t.ex. 2026-03-15.',
    value: '2026-07-32',
  },
  { line: 5, field: 'utförare', message: 'rad 5, kolumn "utförare": okänd kommun "Oslo"; ange en av avtalets kommuner.', value: 'Oslo' },
  { line: 5, field: 'insatstid', message: 'rad 5, kolumn "insatstid": "tre; fyra" är inget antal minuter.', value: 'tre; fyra' },
];

describe('import error report', () => {
  it('counts problems and rows apart', () => {
    expect(problemSummary(problems)).toBe('3 problem på 2 rader');
    expect(problemSummary(problems.slice(0, 1))).toBe('1 problem på 1 rad');
  });

  it('is a CSV with BOM and semicolons, rad;kolumn;fel, without the cell values', () => {
    const csv = errorReportCsv(problems);
    expect(csv.startsWith('\uFEFFrad;kolumn;fel\r\n')).toBe(true);
    // A reason with a semicolon is quoted.
    expect(csv).toContain('3;datum;"värdet är inget giltigt datum; skriv det som ÅÅÅÅ-MM-DD, t.ex. 2026-03-15."');
    expect(csv).toContain('5;utförare;"okänd kommun värdet; ange en av avtalets kommuner."');
    expect(csv).toContain('5;insatstid;värdet är inget antal minuter.');
    for (const p of problems) expect(csv).not.toContain(p.value ?? '');
    expect(csv.trimEnd().split('\r\n')).toHaveLength(4);
  });
});
