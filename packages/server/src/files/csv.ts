/**
 * Small CSV files for the CLI and agreement-side inputs (index series, inventories, keys, counts):
 * decoded (UTF-8/BOM/Windows-1252), delimiter detected (semicolon or comma), header checked,
 * every row returned with its line number. Anything that looks like a personnummer refuses the
 * whole file. Large imports use the streaming reader of the import module instead.
 */
import { parse } from 'csv-parse/sync';
import { refusePersonnummer, SamverkanError } from '@samverkan/core';
import { decodeText } from './decode.js';

/** One data row: values by (lower-cased, trimmed) column name, and its line in the file. */
export interface CsvRow {
  readonly line: number;
  readonly values: Readonly<Record<string, string>>;
}

/** Detect the delimiter from the header line: semicolon (Swedish Excel) or comma. */
export function detectDelimiter(headerLine: string): ';' | ',' {
  const semi = (headerLine.match(/;/g) ?? []).length;
  const comma = (headerLine.match(/,/g) ?? []).length;
  return semi >= comma && semi > 0 ? ';' : ',';
}

/**
 * Parse CSV bytes. `required` columns must be present, `optional` may be; any other column is
 * an error (a misspelt header must not be ignored). Column names are matched case-insensitively.
 */
export function parseCsv(bytes: Uint8Array, file: string, required: readonly string[], optional: readonly string[] = []): CsvRow[] {
  const { text } = decodeText(bytes);
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  if (firstLine.trim() === '') {
    throw new SamverkanError('SAMV_ERR_FILE_FORMAT', `${file}: filen är tom; första raden ska vara rubrikerna ${required.join(', ')}.`, {
      file,
      line: 1,
    });
  }
  text.split(/\r?\n/).forEach((lineText, i) => {
    refusePersonnummer(lineText, { file, line: i + 1 });
  });
  const delimiter = detectDelimiter(firstLine);
  let records: string[][];
  try {
    records = parse(text, { delimiter, relax_column_count: false, skip_empty_lines: true, trim: true, bom: true });
  } catch (e) {
    const line = (e as { lines?: number }).lines;
    throw new SamverkanError(
      'SAMV_ERR_FILE_FORMAT',
      `${file}${line ? ` rad ${line}` : ''}: CSV kunde inte läsas (${e instanceof Error ? e.message : String(e)}). Kontrollera att alla rader har lika många kolumner.`,
      line ? { file, line } : { file },
    );
  }
  const header = (records[0] ?? []).map((h) => h.trim().toLowerCase());
  const allowed = new Set([...required, ...optional]);
  for (const h of header) {
    if (!allowed.has(h)) {
      throw new SamverkanError(
        'SAMV_ERR_FILE_FORMAT',
        `${file} rad 1: okänd kolumn "${h}". Tillåtna kolumner: ${[...required, ...optional].join(', ')}.`,
        { file, line: 1, field: h },
      );
    }
  }
  for (const r of required) {
    if (!header.includes(r)) {
      throw new SamverkanError(
        'SAMV_ERR_FILE_FORMAT',
        `${file} rad 1: kolumnen "${r}" saknas. Rubrikraden ska innehålla ${required.join(', ')}.`,
        { file, line: 1, field: r },
      );
    }
  }
  // Line numbers: csv-parse skips empty lines, so recover them from the raw text.
  const lineNumbers: number[] = [];
  text.split(/\r?\n/).forEach((l, i) => {
    if (l.trim() !== '') lineNumbers.push(i + 1);
  });
  return records.slice(1).map((rec, i) => {
    const values: Record<string, string> = {};
    header.forEach((h, j) => {
      values[h] = rec[j] ?? '';
    });
    return { line: lineNumbers[i + 1] ?? i + 2, values };
  });
}
