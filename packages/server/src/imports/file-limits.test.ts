/**
 * The file limits of decision 0110 at the reader: each hostile file is refused with
 * SAMV_ERR_FILE_LIMIT naming the limit, while reading — the bombs inflate gigabytes, so a reader
 * that held them (or read them to the end) would run out of memory or time.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isSamverkanError } from '@samverkan/core';
import { fileLimits, type FileLimits } from './file-limits.js';
import { scanFile } from './file-scan.js';
import { fileRows } from './rows.js';
import { hugeCellWorkbook, sharedStringsBomb, sheetPart, textPart, workbookFrame, zipOf } from './hostile-files.testkit.js';

const dir = mkdtempSync(join(tmpdir(), 'samverkan-limits-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

let n = 0;
function file(bytes: Buffer | string): string {
  const path = join(dir, `f${String(++n)}`);
  writeFileSync(path, bytes);
  return path;
}

async function refusal(
  bytes: Buffer | string,
  limits: Partial<FileLimits> = {},
): Promise<{ code: string; message: string; line?: number }> {
  const scanned = await scanFile(file(bytes));
  const rss = process.memoryUsage().rss;
  try {
    let read = 0;
    for await (const row of fileRows(scanned, fileLimits(limits))) read += row.cells.length;
    expect.fail(`the file was read to the end (${String(read)} cells) without a refusal`);
  } catch (e) {
    if (!isSamverkanError(e)) throw e;
    // Nothing big was held on the way to the refusal.
    expect(process.memoryUsage().rss - rss).toBeLessThan(200 * 1024 * 1024);
    return { code: e.code, message: e.message, ...(e.location.line === undefined ? {} : { line: e.location.line }) };
  }
}

async function rows(bytes: Buffer | string, limits: Partial<FileLimits> = {}): Promise<{ line: number; cells: readonly string[] }[]> {
  const out = [];
  for await (const r of fileRows(await scanFile(file(bytes)), fileLimits(limits))) out.push(r);
  return out;
}

describe('Excel limits', () => {
  it('refuses a shared-strings bomb by its declared size before inflating anything', async () => {
    const bomb = sharedStringsBomb(3500);
    expect(bomb.length).toBeLessThan(12 * 1024 * 1024);
    const r = await refusal(bomb);
    expect(r).toMatchObject({ code: 'SAMV_ERR_FILE_LIMIT' });
    expect(r.message).toContain('1 GB');
  });

  it('refuses a shared-strings part that inflates beyond what it declares (declared sizes can lie)', async () => {
    const r = await refusal(sharedStringsBomb(3500, 4 * 1024 * 1024));
    expect(r.code).toMatch(/^SAMV_ERR_FILE_(LIMIT|FORMAT)$/);
    expect(r.message).toContain('Excelfilen');
  });

  it('refuses a shared-strings part larger than its own limit, and more strings than the count limit', async () => {
    const bytes = await refusal(sharedStringsBomb(12), { maxSharedStringsBytes: 8 * 1024 * 1024 });
    expect(bytes).toMatchObject({ code: 'SAMV_ERR_FILE_LIMIT', message: expect.stringMatching(/8\sMB/) as unknown });
    const count = await refusal(sharedStringsBomb(2), { maxSharedStrings: 1000 });
    expect(count).toMatchObject({ code: 'SAMV_ERR_FILE_LIMIT', message: expect.stringMatching(/1\s000\sdelade\stexter/) as unknown });
  });

  it('refuses a small workbook with one huge cell while the cell is read', async () => {
    const workbook = hugeCellWorkbook(300);
    expect(workbook.length).toBeLessThan(1024 * 1024);
    const r = await refusal(workbook);
    expect(r.code).toBe('SAMV_ERR_FILE_LIMIT');
    const small = await refusal(zipOf([...workbookFrame(false), sheetPart([['a'], ['x'.repeat(1001)]])]), { maxCellChars: 1000 });
    expect(small).toMatchObject({ code: 'SAMV_ERR_FILE_LIMIT', line: 2, message: expect.stringMatching(/1\s000\stecken/) as unknown });
  });

  it('refuses too many cells in a row, a column beyond the limit, and too many rows', async () => {
    const wide = zipOf([...workbookFrame(false), sheetPart([Array.from({ length: 30 }, (_, i) => `k${String(i)}`)])]);
    expect(await refusal(wide, { maxCellsPerRow: 20 })).toMatchObject({
      code: 'SAMV_ERR_FILE_LIMIT',
      line: 1,
      message: expect.stringMatching(/20\sceller/) as unknown,
    });
    const far = zipOf([
      ...workbookFrame(false),
      textPart(
        'xl/worksheets/sheet1.xml',
        '<worksheet><sheetData><row r="1"><c r="XFD1" t="inlineStr"><is><t>x</t></is></c></row></sheetData></worksheet>',
      ),
    ]);
    expect(await refusal(far)).toMatchObject({ code: 'SAMV_ERR_FILE_LIMIT', line: 1 });
    const tall = zipOf([...workbookFrame(false), sheetPart(Array.from({ length: 12 }, (_, i) => [String(i)]))]);
    expect(await refusal(tall, { maxRows: 10 })).toMatchObject({
      code: 'SAMV_ERR_FILE_LIMIT',
      line: 12,
      message: expect.stringMatching(/10\srader/) as unknown,
    });
    expect(await rows(tall, { maxRows: 11 })).toHaveLength(12);
  });

  it('refuses DOCTYPE and entity declarations (Excel writes none)', async () => {
    const laughs = zipOf([
      ...workbookFrame(false),
      textPart(
        'xl/worksheets/sheet1.xml',
        '<?xml version="1.0"?><!DOCTYPE lol [<!ENTITY a "aaaaaaaa">]><worksheet><sheetData></sheetData></worksheet>',
      ),
    ]);
    expect(await refusal(laughs)).toMatchObject({ code: 'SAMV_ERR_FILE_FORMAT' });
  });

  it('still reads an ordinary generated workbook within the limits', async () => {
    const ok = zipOf([
      ...workbookFrame(false),
      sheetPart([
        ['kommun', 'antal'],
        ['Östersund', '3 & 4'],
      ]),
    ]);
    expect(await rows(ok)).toEqual([
      { line: 1, cells: ['kommun', 'antal'] },
      { line: 2, cells: ['Östersund', '3 & 4'] },
    ]);
  });
});

describe('CSV limits', () => {
  it('refuses a one-cell CSV as soon as the cell passes the limit (no RangeError, no memory)', async () => {
    const huge = Buffer.alloc(60 * 1024 * 1024, 0x41);
    const r = await refusal(huge);
    expect(r).toMatchObject({ code: 'SAMV_ERR_FILE_LIMIT', line: 1, message: expect.stringMatching(/32\s767\stecken/) as unknown });
  });

  it('refuses a row longer than the row limit, a quoted cell spanning lines, and a row of millions of empty cells', async () => {
    const longRow = `a;b\n${'x;'.repeat(600_000)}\n`;
    expect(await refusal(longRow)).toMatchObject({ code: 'SAMV_ERR_FILE_LIMIT', line: 2 });
    const quoted = `a;b\n"${'rad\n'.repeat(50_000)}";1\n`;
    expect(await refusal(quoted)).toMatchObject({ code: 'SAMV_ERR_FILE_LIMIT', line: 2 });
    const empties = `a;b\n${'"";'.repeat(300_000)}\n`;
    expect(await refusal(empties)).toMatchObject({
      code: 'SAMV_ERR_FILE_LIMIT',
      line: 2,
      message: expect.stringMatching(/1\s000\sceller/) as unknown,
    });
  });

  it('counts characters, not bytes, for the cell limit, and refuses too many rows', async () => {
    expect(await rows(`a\n${'ö'.repeat(1000)}\n`, { maxCellChars: 1000 })).toHaveLength(2);
    expect(await refusal(`a\n${'ö'.repeat(1001)}\n`, { maxCellChars: 1000 })).toMatchObject({ code: 'SAMV_ERR_FILE_LIMIT', line: 2 });
    expect(await refusal(`a\n${'1\n'.repeat(11)}`, { maxRows: 10 })).toMatchObject({
      code: 'SAMV_ERR_FILE_LIMIT',
      message: expect.stringMatching(/10\srader/) as unknown,
    });
  });
});
