/**
 * Streaming Excel rows, bounded (decision 0110): the workbook is opened with yauzl and its first
 * worksheet (the first of the workbook's sheets) is read row by row with saxes, within the file
 * limits — shared strings counted and measured as they are read (they are held while the sheet
 * is read), cells per row, the highest column, rows and cell length checked while each row is
 * read, before the next one. Cells become the text a person sees: numbers as written (2.9),
 * dates as ÅÅÅÅ-MM-DD, times as TT:MM, formulas by their result.
 */
import { fileLimitBroken, formatCount, type FileLimits } from './file-limits.js';
import type { ScannedFile } from './file-scan.js';
import type { SourceRow } from './source-row.js';
import { readWorkbookParts, unescapeOoxml, type WorkbookParts } from './xlsx-workbook.js';
import { WorkbookZip } from './xlsx-zip.js';

const pad = (n: number): string => String(n).padStart(2, '0');

/** The text of one Excel cell value. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'ja' : 'nej';
  if (value instanceof Date) {
    // Excel stores dates and times without a zone; they are read as UTC instants.
    const date = `${String(value.getUTCFullYear())}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
    const time = `${pad(value.getUTCHours())}:${pad(value.getUTCMinutes())}`;
    if (value.getUTCFullYear() < 1900) return time;
    return time === '00:00' ? date : `${date} ${time}`;
  }
  if (typeof value === 'object') {
    const v = value as { richText?: { text: string }[]; text?: unknown; result?: unknown; error?: unknown };
    if (Array.isArray(v.richText)) return v.richText.map((r) => r.text).join('');
    if ('result' in v) return cellText(v.result);
    if (typeof v.text === 'string') return v.text;
    if (typeof v.error === 'string') return v.error;
  }
  return '';
}

/** Excel's serial day number as the UTC instant exceljs gave for it (1900 or 1904 date system). */
function excelDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
}

/** The column number (1-based) of a cell reference such as "AB12"; undefined without one. */
export function columnOf(ref: string | undefined): number | undefined {
  if (ref === undefined) return undefined;
  let n = 0;
  let i = 0;
  for (; i < ref.length && i < 4; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) n = n * 26 + (c - 64);
    else if (c >= 97 && c <= 122) n = n * 26 + (c - 96);
    else break;
  }
  return i === 0 ? undefined : n;
}

interface CellState {
  column: number;
  style: number;
  type: string;
  value: string[];
  length: number;
}

function cellValue(cell: CellState, parts: WorkbookParts): string {
  const v = cell.value.join('');
  switch (cell.type) {
    case 's':
      return parts.sharedStrings[Number(v)] ?? '';
    case 'inlineStr':
    case 'str':
      return unescapeOoxml(v);
    case 'b':
      return cellText(v.trim() === '1' || v.trim() === 'true');
    case 'e':
      return v;
    case 'd': {
      const t = Date.parse(/[zZ]|[+-]\d\d:\d\d$/.test(v) ? v : `${v}Z`);
      return Number.isNaN(t) ? v : cellText(new Date(t));
    }
    default: {
      if (v.trim() === '') return '';
      const n = Number(v);
      if (!Number.isFinite(n)) return v;
      return parts.dateStyles[cell.style] === true ? cellText(excelDate(n, parts.date1904)) : cellText(n);
    }
  }
}

/** Rows of the first worksheet of an Excel file, streamed within `limits`. */
export async function* xlsxRows(file: ScannedFile, limits: FileLimits, onBytes?: (n: number) => void): AsyncGenerator<SourceRow> {
  const zip = await WorkbookZip.open(file.path, limits);
  try {
    const parts = await readWorkbookParts(zip, limits);
    let rowNumber = 0;
    let rows = 0;
    let cells: string[] | undefined;
    let cellCount = 0;
    let cell: CellState | undefined;
    let inSheetData = false;
    let collect = false;
    let phonetic = 0;
    const where = (): string => `Excelfilen rad ${String(rowNumber)}`;
    for await (const batch of zip.events(parts.sheetPath, Infinity, 'kalkylbladet')) {
      const out: SourceRow[] = [];
      for (const e of batch) {
        if (e.type === 'open') {
          if (e.name === 'sheetData') inSheetData = true;
          else if (!inSheetData) continue;
          else if (e.name === 'row') {
            const r = Number(e.attrs['r']);
            rowNumber = Number.isSafeInteger(r) && r > rowNumber ? r : rowNumber + 1;
            cells = [];
            cellCount = 0;
          } else if (e.name === 'c' && cells !== undefined) {
            cellCount += 1;
            const column = columnOf(e.attrs['r']) ?? cells.length + 1;
            if (cellCount > limits.maxCellsPerRow || column > limits.maxCellsPerRow) {
              throw fileLimitBroken(
                where(),
                `raden har fler än ${formatCount(limits.maxCellsPerRow)} celler`,
                `${formatCount(limits.maxCellsPerRow)} celler per rad`,
                rowNumber,
              );
            }
            cell = { column, style: Number(e.attrs['s'] ?? '0'), type: e.attrs['t'] ?? 'n', value: [], length: 0 };
          } else if (cell !== undefined) {
            if (e.name === 'rPh') phonetic += 1;
            else if ((e.name === 'v' || e.name === 't') && phonetic === 0) collect = true;
          }
        } else if (e.type === 'text') {
          if (!collect || cell === undefined) continue;
          cell.length += e.text.length;
          if (cell.length > limits.maxCellChars) {
            throw fileLimitBroken(
              where(),
              `en cell har fler än ${formatCount(limits.maxCellChars)} tecken`,
              `${formatCount(limits.maxCellChars)} tecken per cell`,
              rowNumber,
            );
          }
          cell.value.push(e.text);
        } else if (e.name === 'v' || e.name === 't') collect = false;
        else if (e.name === 'rPh') phonetic -= 1;
        else if (e.name === 'c' && cell !== undefined && cells !== undefined) {
          const text = cellValue(cell, parts).trim();
          if (text.length > limits.maxCellChars) {
            throw fileLimitBroken(
              where(),
              `en cell har fler än ${formatCount(limits.maxCellChars)} tecken`,
              `${formatCount(limits.maxCellChars)} tecken per cell`,
              rowNumber,
            );
          }
          while (cells.length < cell.column - 1) cells.push('');
          cells[cell.column - 1] = text;
          cell = undefined;
        } else if (e.name === 'row' && cells !== undefined) {
          rows += 1;
          // The header is row one of the limit's count too: `maxRows` data rows plus the header.
          if (rows > limits.maxRows + 1)
            throw fileLimitBroken(
              where(),
              `filen har fler än ${formatCount(limits.maxRows)} rader`,
              `${formatCount(limits.maxRows)} rader`,
              rowNumber,
            );
          out.push({ line: rowNumber, cells });
          cells = undefined;
        } else if (e.name === 'sheetData') inSheetData = false;
      }
      for (const row of out) yield row;
      if (!inSheetData && rowNumber > 0) break;
    }
    // Progress counts the whole workbook once its sheet is read (a part's share of the file is not known while inflating).
    onBytes?.(file.bytes);
  } finally {
    zip.close();
  }
}
