import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { creditFixture, invoiceFixture, invoiceLines, invoiceTotalOre, municipalityInvoiceFixture } from '../render-fixtures.testkit.js';
import { oreDecimal } from '../swedish-text.js';
import { KRONOR_FORMAT, kronorNumber, renderWorkbook } from './render-workbook.js';

async function read(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

/** Kronor back to öre, refusing anything that is not an exact two-decimal number. */
function toOre(v: unknown): number {
  if (typeof v !== 'number') throw new Error(`not a number: ${String(v)}`);
  const ore = Math.round(v * 100);
  expect(oreDecimal(ore)).toBe(v.toFixed(2));
  return ore;
}

function cellsOf(ws: ExcelJS.Worksheet): ExcelJS.Cell[] {
  const out: ExcelJS.Cell[] = [];
  ws.eachRow((r) => {
    r.eachCell((c) => {
      out.push(c);
    });
  });
  return out;
}

describe('Excel workbook of a run', () => {
  const docs = [invoiceFixture(), creditFixture(), municipalityInvoiceFixture()];

  it('has a summary and one sheet per basis whose lines and SUM total give back the basis to the öre', async () => {
    const wb = await read(await renderWorkbook(docs));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Sammanställning', 'RJH-2026-000017', 'RJH-2026-K00003', 'STR-2026-000004']);
    for (const doc of docs) {
      const ws = wb.getWorksheet(doc.invoiceNumber);
      if (ws === undefined) throw new Error(doc.invoiceNumber);
      const cells = cellsOf(ws);
      const headRow = cells.find((c) => c.value === 'Belopp')?.row;
      if (headRow === undefined) throw new Error('no header');
      const lines = doc.lines.map((_l, i) => ws.getRow(Number(headRow) + 1 + i));
      expect(lines.map((r) => toOre(r.getCell(9).value))).toEqual(doc.lines.map((l) => l.amountOre));
      expect(lines.map((r) => toOre(r.getCell(7).value))).toEqual(doc.lines.map((l) => l.unitPriceOre));
      expect(lines.map((r) => r.getCell(5).value)).toEqual(doc.lines.map((l) => Number(l.quantity)));
      expect(lines[0]?.getCell(9).numFmt).toBe(KRONOR_FORMAT);
      const total = ws.getRow(Number(headRow) + 1 + doc.lines.length).getCell(9);
      expect(total.type).toBe(ExcelJS.ValueType.Formula);
      expect(total.formula).toBe(`SUM(I${String(Number(headRow) + 1)}:I${String(Number(headRow) + doc.lines.length)})`);
      expect(toOre(total.result)).toBe(doc.totalOre);
      expect(cells.some((c) => c.value === doc.issueDate)).toBe(true);
    }
    expect(docs[0]?.totalOre).toBe(invoiceTotalOre);
    expect(invoiceLines.length).toBe(6);
    const summary = wb.getWorksheet('Sammanställning');
    const grand = summary?.getRow(docs.length + 2).getCell(7);
    expect(grand?.formula).toBe('SUM(G2:G4)');
    // The invoice and its credit note cancel; the municipality's invoice remains.
    expect(toOre(grand?.result)).toBe(invoiceTotalOre + -invoiceTotalOre + 123456789);
    expect(summary?.getRow(2).getCell(7).formula).toBe("'RJH-2026-000017'!$I$20");
  });

  it('writes imported text beginning with =, +, -, @, tab or CR as text: no cell is a formula except our SUMs and links', async () => {
    const wb = await read(await renderWorkbook(docs));
    const ws = wb.getWorksheet('RJH-2026-000017');
    if (ws === undefined) throw new Error('sheet');
    const cells = cellsOf(ws);
    const formulas = cells.filter((c) => c.type === ExcelJS.ValueType.Formula);
    expect(formulas.map((c) => c.formula)).toEqual(['SUM(I14:I19)']);
    // XML turns a bare CR into LF when read back; it is still the same text cell.
    const texts = cells.map((c) => c.text.replace(/^\n/, '\r'));
    for (const t of [
      '=HYPERLINK("http://x";"klicka")',
      '=HYPERLINK("http://evil";"Er ref")',
      '+46 avräkning',
      '@summa',
      '-1+2',
      '\tflik',
      '\rvagn',
    ]) {
      const cell = cells[texts.indexOf(t)];
      expect(cell?.type, t).toBe(ExcelJS.ValueType.RichText);
      expect(texts).toContain(t);
    }
    for (const w of wb.worksheets)
      for (const c of cellsOf(w)) if (c.type === ExcelJS.ValueType.Formula) expect(c.formula).toMatch(/^(SUM\(|'[^']+'!\$I\$\d+$)/);
  });

  it('kronor numbers are the exact two-decimal value of the öre amount', () => {
    fc.assert(
      fc.property(fc.integer({ min: -9_000_000_000_000, max: 9_000_000_000_000 }), (o) => {
        const k = kronorNumber(o);
        expect(Math.round(k * 100)).toBe(o);
        expect(k).toBe(Number(oreDecimal(o)));
      }),
      { seed: 20260402, numRuns: 2000 },
    );
  });
});
