/**
 * Reading single CSV cells with Swedish errors naming file, line and column: whole numbers (with
 * optional thousands spaces, "12 345") and required text.
 */
import { SamverkanError } from '@samverkan/core';
import type { CsvRow } from './csv.js';

/** The text of `column` in `row`; empty is an error naming file, line and column. */
export function requiredCell(row: CsvRow, column: string, file: string): string {
  const v = (row.values[column] ?? '').trim();
  if (v === '')
    throw new SamverkanError('SAMV_ERR_FILE_FORMAT', `${file} rad ${String(row.line)}: kolumnen "${column}" är tom.`, {
      file,
      line: row.line,
      field: column,
    });
  return v;
}

/** A whole number ≥ 0 in `column` ("1 234" allowed); anything else names file, line and column. */
export function countCell(row: CsvRow, column: string, file: string): number {
  const raw = requiredCell(row, column, file);
  const cleaned = raw.replace(/[\s\u00a0\u202f]/g, '');
  if (!/^\d+$/.test(cleaned) || !Number.isSafeInteger(Number(cleaned))) {
    throw new SamverkanError(
      'SAMV_ERR_FILE_FORMAT',
      `${file} rad ${String(row.line)}: "${raw}" i kolumnen "${column}" är inget heltal ≥ 0.`,
      {
        file,
        line: row.line,
        field: column,
        value: raw,
      },
    );
  }
  return Number(cleaned);
}

/** The optional text of `column`, or undefined when absent or empty. */
export function optionalCell(row: CsvRow, column: string): string | undefined {
  const v = (row.values[column] ?? '').trim();
  return v === '' ? undefined : v;
}
