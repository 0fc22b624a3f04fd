/** The rows of a scanned import file, CSV or Excel alike. */
import { DEFAULT_FILE_LIMITS, type FileLimits } from './file-limits.js';
import type { ScannedFile } from './file-scan.js';
import { csvRows } from './csv-rows.js';
import { xlsxRows } from './xlsx-rows.js';
import type { SourceRow } from './source-row.js';

/** Stream the rows of `file` within `limits`; `onBytes` reports progress. */
export function fileRows(
  file: ScannedFile,
  limits: FileLimits = DEFAULT_FILE_LIMITS,
  onBytes?: (n: number) => void,
): AsyncGenerator<SourceRow> {
  return file.format === 'xlsx' ? xlsxRows(file, limits, onBytes) : csvRows(file, limits, onBytes);
}
