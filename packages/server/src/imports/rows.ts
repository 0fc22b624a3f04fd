/** The rows of a scanned import file, CSV or Excel alike. */
import type { ScannedFile } from './file-scan.js';
import { csvRows } from './csv-rows.js';
import { xlsxRows } from './xlsx-rows.js';
import type { SourceRow } from './source-row.js';

/** Stream the rows of `file`; `onBytes` reports progress. */
export function fileRows(file: ScannedFile, onBytes?: (n: number) => void): AsyncGenerator<SourceRow> {
  return file.format === 'xlsx' ? xlsxRows(file, onBytes) : csvRows(file, onBytes);
}
