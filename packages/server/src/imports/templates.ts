/**
 * Downloadable templates per import kind, written from the kind's column declarations (the same
 * ones the import page and the README show), so the three cannot drift:
 * - CSV: UTF-8 with BOM (Swedish Excel opens it right), semicolons, one header row whose cells
 *   carry the unit in parentheses ("insatstid (minuter)"), which header matching ignores;
 * - Excel: the same header row on the first sheet (the one the import reads), and a sheet
 *   "Kolumner" that lists every column: required or not, unit, allowed forms and an example.
 * Neither holds a data row, so a template imported unchanged is refused ("inga rader"), never
 * stored as an example by mistake.
 */
import ExcelJS from 'exceljs';
import type { ColumnSpec } from './columns.js';
import type { ImportKind, KindContext } from './kinds/kind.js';

/** The columns of a template: the kind's own, then those it adds from the agreement (e.g. one per municipality). */
export function templateColumns(kind: ImportKind<unknown>, ctx: KindContext): readonly ColumnSpec[] {
  return [...kind.columns, ...(kind.templateColumns?.(ctx) ?? [])];
}

/** The header cell of a column: its Swedish name with the unit in parentheses. */
export function templateHeader(c: ColumnSpec): string {
  return `${c.sv} (${c.format.unit})`;
}

/** A CSV cell: quoted when it holds a semicolon, quote or line break. */
function csvCell(text: string): string {
  return /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The CSV template of `kind`. */
export function csvTemplate(kind: ImportKind<unknown>, ctx: KindContext): Buffer {
  const header = templateColumns(kind, ctx)
    .map((c) => csvCell(templateHeader(c)))
    .join(';');
  return Buffer.from(`\uFEFF${header}\r\n`, 'utf8');
}

/** The Excel template of `kind`. */
export async function xlsxTemplate(kind: ImportKind<unknown>, ctx: KindContext): Promise<Buffer> {
  const columns = templateColumns(kind, ctx);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Samverkan';
  // Fixed dates keep the bytes of one template the same from download to download.
  wb.created = new Date(Date.UTC(2026, 0, 1));
  wb.modified = wb.created;
  const data = wb.addWorksheet(kind.title.slice(0, 31));
  data.addRow(columns.map(templateHeader)).font = { bold: true };
  columns.forEach((c, i) => {
    data.getColumn(i + 1).width = Math.min(40, Math.max(12, templateHeader(c).length + 2));
    // Text format, so Excel keeps 2026-03-15, 09:30 and 0,5 as written instead of converting them.
    data.getColumn(i + 1).numFmt = '@';
  });
  data.views = [{ state: 'frozen', ySplit: 1 }];
  const doc = wb.addWorksheet('Kolumner');
  doc.addRow(['Kolumn', 'Krävs', 'Enhet', 'Tillåtna former', 'Exempel', 'Beskrivning']).font = { bold: true };
  for (const c of columns) doc.addRow([c.sv, c.required ? 'ja' : 'nej', c.format.unit, c.format.forms, c.format.example, c.description]);
  [18, 7, 18, 60, 18, 60].forEach((w, i) => {
    doc.getColumn(i + 1).width = w;
  });
  doc.addRow([]);
  doc.addRow([
    `${kind.title}: ${kind.description} Fyll i raderna på första bladet under rubrikraden; filen läses in i sin helhet eller inte alls.`,
  ]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
