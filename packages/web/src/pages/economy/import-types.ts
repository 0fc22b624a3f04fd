/** Import kinds, the import record, and the row-by-row problems of a refused file. */
import type { ApiError } from '../../api/errors.js';

/** A column of an import kind (`GET /import-kinds`). */
export interface ImportColumn {
  /** Swedish column name (English name and aliases are accepted too). */
  readonly name: string;
  readonly english: string;
  readonly required: boolean;
  readonly description: string;
  /** The unit or kind of value ("minuter", "kronor", "ÅÅÅÅ-MM-DD"). */
  readonly unit: string;
  /** The allowed forms, with examples. */
  readonly forms: string;
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
  /** Empty templates to download (`/api/v1/imports/templates/{kind}.csv|.xlsx`). */
  readonly templates: { readonly csv: string; readonly xlsx: string };
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

/** "11 problem på 8 rader": problems and the distinct rows they are on. */
export function problemSummary(problems: readonly RowProblem[]): string {
  const rows = new Set(problems.map((p) => p.line ?? 0)).size;
  return `${String(problems.length)} problem på ${String(rows)} ${rows === 1 ? 'rad' : 'rader'}`;
}

/** A CSV cell for Swedish Excel: quoted when it holds a semicolon, quote or line break. */
function csvCell(text: string): string {
  return /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The error report of a refused file as CSV (UTF-8 with BOM, semicolons): rad;kolumn;fel. The
 * file's own cell values are left out (also from the reasons), so the report can be passed on
 * without the data.
 */
export function errorReportCsv(problems: readonly RowProblem[]): string {
  const rows = problems.map((p) => [p.line === undefined ? '' : String(p.line), p.field ?? '', reasonOnly(p)].map(csvCell).join(';'));
  return `\uFEFF${['rad;kolumn;fel', ...rows].join('\r\n')}\r\n`;
}

/** The reason without the "rad 5, kolumn …: " prefix the service adds, and without the cell's value. */
function reasonOnly(p: RowProblem): string {
  const reason = p.message.replace(/^rad \d+, kolumn "[^"]*": /, '');
  return p.value === undefined || p.value === '' ? reason : reason.split(`"${p.value}"`).join('värdet').split(p.value).join('värdet');
}
