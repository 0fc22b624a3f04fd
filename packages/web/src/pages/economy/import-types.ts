/** Import kinds, the import record, and the row-by-row problems of a refused file. */
import type { ApiError } from '../../api/errors.js';

/** A column of an import kind (`GET /import-kinds`). */
export interface ImportColumn {
  /** Swedish column name (English name and aliases are accepted too). */
  readonly name: string;
  readonly english: string;
  readonly required: boolean;
  readonly description: string;
}

/** A kind of import with its Swedish title, who may import it, and its columns. */
export interface ImportKind {
  readonly kind: string;
  readonly title: string;
  readonly description: string;
  /** `records:change` (economists) or `reference:change` (administrators). */
  readonly action: string;
  /** Concerns the whole county: not for a municipality economist. */
  readonly countyWide: boolean;
  readonly columns: readonly ImportColumn[];
}

/** One stored import. */
export interface ImportRecord {
  readonly id: string;
  readonly kind: string;
  readonly filename: string;
  readonly rowCount: number;
  readonly uploadedAt: string;
}

/** The report of an accepted import (packages/server/src/imports/run-import.ts). */
export interface ImportResult {
  readonly kind: string;
  readonly filename: string;
  readonly rows: number;
  readonly inserted: number;
  readonly duplicates: number;
  readonly alreadyImported: boolean;
  readonly import: ImportRecord | null;
}

/** One bad row of a refused file. */
export interface RowProblem {
  readonly line: number | undefined;
  readonly field: string | undefined;
  readonly message: string;
  readonly value: string | undefined;
}

const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined);

/** The row problems carried in an error's `details` (each `{ line, field, message, value }`). */
export function rowProblems(error: ApiError): readonly RowProblem[] {
  return error.details.flatMap((d) => {
    if (typeof d !== 'object' || d === null) return [];
    const r = d as Record<string, unknown>;
    const loc = (typeof r['location'] === 'object' && r['location'] !== null ? r['location'] : r) as Record<string, unknown>;
    // The service reports `{ line, field, reason, value }` per bad row (imports/row-problems.ts).
    const message = text(r['reason']) ?? text(r['message']);
    if (message === undefined) return [];
    const line = typeof loc['line'] === 'number' ? loc['line'] : undefined;
    return [{ line, field: text(loc['field']) ?? text(loc['column']), message, value: text(loc['value']) }];
  });
}
