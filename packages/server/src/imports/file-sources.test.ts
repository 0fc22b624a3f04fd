import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { scanFile } from './file-scan.js';
import { fileRows } from './rows.js';
import { cellText } from './xlsx-rows.js';

const dir = mkdtempSync(join(tmpdir(), 'samverkan-sources-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function file(name: string, bytes: Uint8Array | string): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

async function rows(path: string): Promise<{ line: number; cells: readonly string[] }[]> {
  const out = [];
  for await (const r of fileRows(await scanFile(path))) out.push(r);
  return out;
}

describe('import file sources', () => {
  it('detects UTF-8, UTF-8 with BOM, and Windows-1252 even when the first megabyte is ASCII', async () => {
    const text = 'kommun;antal\nÖstersund;3\n';
    expect((await scanFile(file('u.csv', text))).encoding).toBe('utf-8');
    expect((await scanFile(file('b.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])))).encoding).toBe('utf-8-bom');
    const late = Buffer.concat([Buffer.from('kommun;antal\n' + 'Berg;1\n'.repeat(200_000)), iconv.encode('Östersund;3\n', 'win1252')]);
    const scanned = await scanFile(file('w.csv', late));
    expect(scanned.encoding).toBe('windows-1252');
    expect(scanned.bytes).toBe(late.length);
    const all = await rows(scanned.path);
    expect(all.at(-1)).toEqual({ line: 200_002, cells: ['Östersund', '3'] });
  });

  it('streams CSV with either delimiter, a stripped BOM, skipped empty lines and true line numbers', async () => {
    const semi = await rows(
      file('s.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('a;b\r\n1;2,5\r\n\r\n"x\ny";3\r\n')])),
    );
    expect(semi).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['1', '2,5'] },
      { line: 5, cells: ['x\ny', '3'] },
    ]);
    const comma = await rows(file('c.csv', 'a,b\n1,"2,5"\n'));
    expect(comma).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['1', '2,5'] },
    ]);
  });

  it('names the line of a malformed quote', async () => {
    await expect(rows(file('q.csv', 'a;b\n1;2\n"open;3\n'))).rejects.toMatchObject({ code: 'SAMV_ERR_FILE_FORMAT' });
  });

  it('streams the first worksheet of an Excel file with dates, times, numbers and formulas as text', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Blad1');
    ws.addRow(['datum', 'starttid', 'antal', 'summa']);
    ws.addRow([new Date(Date.UTC(2026, 2, 15)), new Date(Date.UTC(1899, 11, 30, 9, 30)), 2.9, { formula: '1+1', result: 2 }]);
    ws.getCell('A2').numFmt = 'yyyy-mm-dd';
    ws.getCell('B2').numFmt = 'hh:mm';
    wb.addWorksheet('Blad2').addRow(['ignoreras']);
    const path = file('x.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    const scanned = await scanFile(path);
    expect(scanned.format).toBe('xlsx');
    expect(await rows(path)).toEqual([
      { line: 1, cells: ['datum', 'starttid', 'antal', 'summa'] },
      { line: 2, cells: ['2026-03-15', '09:30', '2.9', '2'] },
    ]);
  });

  it('refuses the old binary Excel format with a Swedish message', async () => {
    const xls = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]);
    await expect(scanFile(file('gammal.xls', xls))).rejects.toMatchObject({
      code: 'SAMV_ERR_FILE_FORMAT',
      message: expect.stringContaining('.xlsx') as unknown,
    });
  });

  it('reads rich text and booleans as a person sees them', () => {
    expect(cellText({ richText: [{ text: 'Öster' }, { text: 'sund' }] })).toBe('Östersund');
    expect(cellText(true)).toBe('ja');
    expect(cellText(null)).toBe('');
  });
});
