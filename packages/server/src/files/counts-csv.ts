/**
 * Yearly counts of persons connected to Storsjögläntan: `year,count[,source]` (I13: unique
 * persons connected during the year). Used for the proposed normal variation (I12).
 */
import { SamverkanError, type YearCount } from '@samverkan/core';
import { countCell, requiredCell } from './cell.js';
import { parseCsv } from './csv.js';

/** Read a counts file; years must be four digits, counts whole numbers ≥ 0. */
export function readCountsCsv(bytes: Uint8Array, file: string): YearCount[] {
  return parseCsv(bytes, file, ['year', 'count'], ['source']).map((r) => {
    const year = requiredCell(r, 'year', file);
    if (!/^\d{4}$/.test(year))
      throw new SamverkanError('SAMV_ERR_FILE_FORMAT', `${file} rad ${String(r.line)}: "${year}" är inget årtal (ÅÅÅÅ).`, {
        file,
        line: r.line,
        field: 'year',
        value: year,
      });
    return { year: Number(year), count: countCell(r, 'count', file), file, line: r.line };
  });
}
