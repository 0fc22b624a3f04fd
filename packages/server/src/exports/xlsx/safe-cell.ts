/**
 * Text that came from an import is data, never a formula: a value beginning with =, +, -, @, a
 * tab or a carriage return would be evaluated by Excel (or by whatever re-imports a CSV saved
 * from the sheet), so such text is written as rich text — a string cell that no spreadsheet
 * reads as a formula, even after the cell is edited.
 */
import type { CellRichTextValue } from 'exceljs';

const formulaStart = /^[=+\-@\t\r]/;

/** True when `text` would start a formula in a spreadsheet. */
export function looksLikeFormula(text: string): boolean {
  return formulaStart.test(text);
}

/** The cell value for imported text: plain when harmless, rich text when it looks like a formula. */
export function safeText(text: string | null): string | CellRichTextValue | null {
  if (text === null) return null;
  return looksLikeFormula(text) ? { richText: [{ text }] } : text;
}
