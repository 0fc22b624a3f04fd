import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readAgreement } from '../agreement/read-agreement-dir.js';
import { foldHeader } from './columns.js';
import { findImportKind, importKinds } from './kinds/index.js';
import { csvTemplate, templateHeader, xlsxTemplate } from './templates.js';

const ctx = { agreement: readAgreement(), filename: 'mall' };
const kind = (name: string) => {
  const k = findImportKind(name);
  if (!k) throw new Error(name);
  return k;
};

describe('import templates', () => {
  it('CSV: UTF-8 with BOM, semicolons, one header row whose names still match the columns', () => {
    for (const k of importKinds) {
      const bytes = csvTemplate(k, ctx);
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const lines = bytes
        .toString('utf8')
        .slice(1)
        .split('\r\n')
        .filter((l) => l !== '');
      expect(lines).toHaveLength(1);
      const cells = (lines[0] ?? '').split(';');
      expect(cells.slice(0, k.columns.length).map(foldHeader)).toEqual(k.columns.map((c) => foldHeader(c.sv)));
      // No comma in the header: the delimiter detection must see semicolons only.
      expect(lines[0]).not.toContain(',');
    }
  });

  it('allocation keys: one column per municipality of the agreement', () => {
    const header = csvTemplate(kind('allocation-keys'), ctx).toString('utf8');
    for (const m of ctx.agreement.municipalities) expect(header).toContain(`;${m.name} (decimaltal)`);
  });

  it('Excel: the header on the first sheet, every column with unit and forms on "Kolumner"', async () => {
    const k = kind('uppdrag-dagtid');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await xlsxTemplate(k, ctx)) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Uppdrag dagtid', 'Kolumner']);
    expect(wb.worksheets[0]?.getRow(1).values).toEqual([undefined, ...k.columns.map(templateHeader)]);
    const doc = wb.getWorksheet('Kolumner');
    const insats = doc?.getRows(2, k.columns.length)?.find((r) => r.getCell(1).value === 'insatstid');
    expect(insats?.getCell(3).value).toBe('minuter');
    expect(insats?.getCell(4).text).toContain('37,5');
  });
});
