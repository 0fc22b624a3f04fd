/** One row as read from a CSV or Excel file, before any validation. */
export interface SourceRow {
  /** Line (CSV) or row number (Excel), 1 = the header. */
  readonly line: number;
  /** Cell texts, in column order. */
  readonly cells: readonly string[];
}
