/**
 * What a backup or a restore holds, as a person reads it: the Swedish name of each kind of thing
 * (never a table name), its count with thousands spaces, right-aligned; and a file size in
 * kB/MB with a decimal comma. The `--json` output keeps the table names (a script reads them).
 */
import type { TableCounts } from '../store/backup.js';
import { formatCount } from './step-lines.js';
import { formatTable } from './text-table.js';

/** Each counted table as what it holds, in Swedish. */
export const savedTableNames: Readonly<Record<keyof TableCounts, string>> = {
  users: 'Användare',
  audit_log: 'Händelser i granskningsloggen',
  imports: 'Importerade filer',
  import_rows: 'Importerade rader',
  billing_runs: 'Faktureringskörningar',
  invoice_bases: 'Fakturaunderlag',
  invoice_lines: 'Fakturarader',
  disputes: 'Tvister',
  index_values: 'Indexvärden',
  parameter_values: 'Parametervärden',
  allocation_keys: 'Fördelningsnycklar',
  terminations: 'Uppsägningar',
};

/** The counts as a two-column table: "Vad" and "Antal". */
export function savedCountsTable(counts: TableCounts): string {
  const rows = (Object.keys(savedTableNames) as (keyof TableCounts)[]).map((t) => [savedTableNames[t], formatCount(counts[t])]);
  return formatTable(['Vad', 'Antal'], rows);
}

const decimal = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 1, minimumFractionDigits: 0 });

/** A file size for a person: "812 byte", "48,2 kB", "1,3 MB", "2,1 GB" (1 kB = 1 024 byte). */
export function fileSizeText(bytes: number): string {
  if (bytes < 1024) return `${formatCount(bytes)} byte`;
  const units = ['kB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${decimal.format(value).replace(/\u2212/g, '-')} ${units[unit] ?? 'TB'}`;
}
