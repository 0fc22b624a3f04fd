/**
 * Streaming Excel rows through exceljs's streaming WorkbookReader: the first worksheet is read row
 * by row (shared strings are cached, as the format requires; rows are not), later worksheets are
 * skipped. Cells become the text a person sees: numbers as written (2.9), dates as ÅÅÅÅ-MM-DD,
 * times as TT:MM, formulas by their result.
 */
import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream';
import ExcelJS from 'exceljs';
import { SamverkanError } from '@samverkan/core';
import type { ScannedFile } from './file-scan.js';
import { byteCounter } from './byte-counter.js';
import type { SourceRow } from './source-row.js';

const pad = (n: number): string => String(n).padStart(2, '0');

/** The text of one Excel cell value. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'ja' : 'nej';
  if (value instanceof Date) {
    // Excel stores dates and times without a zone; exceljs gives them as UTC instants.
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

/** Rows of the first worksheet of an Excel file, streamed. */
export async function* xlsxRows(file: ScannedFile, onBytes?: (n: number) => void): AsyncGenerator<SourceRow> {
  const counted = byteCounter(onBytes);
  pipeline(createReadStream(file.path, { highWaterMark: 256 * 1024 }), counted, () => {
    // Read errors surface through the workbook reader.
  });
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(counted, { sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'ignore' });
  let first = true;
  try {
    for await (const sheet of reader) {
      for await (const row of sheet) {
        if (!first) continue;
        const values = row.values as unknown[];
        // exceljs rows are 1-based: index 0 is empty.
        const cells: string[] = [];
        for (let i = 1; i < values.length; i++) cells.push(cellText(values[i]).trim());
        yield { line: row.number, cells };
      }
      first = false;
    }
  } catch (e) {
    if (e instanceof SamverkanError) throw e;
    throw new SamverkanError('SAMV_ERR_FILE_FORMAT', `Excelfilen kunde inte läsas (${e instanceof Error ? e.message : String(e)}). Spara den som .xlsx eller som CSV och försök igen.`, { field: 'fil' });
  }
}
