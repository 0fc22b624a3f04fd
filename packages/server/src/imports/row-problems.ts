/**
 * The row report of an import: every bad row with its line, the column (field) and a Swedish
 * reason. The list is capped so a file with a million bad rows cannot exhaust memory; the count
 * of problems beyond the cap is still reported.
 */

/** One problem in one row (or the header, line 1). */
export interface RowProblem {
  readonly line: number;
  /** The column as the file named it (or the canonical name when the column is missing). */
  readonly field: string;
  /** Swedish reason, saying what to write instead. */
  readonly reason: string;
  /** The offending cell text, when there is one. */
  readonly value?: string;
}

/** How many problems are listed; beyond that they are only counted. */
export const MAX_LISTED_PROBLEMS = 1000;

/** Collects row problems, listing at most `MAX_LISTED_PROBLEMS`. */
export class ProblemList {
  private readonly listed: RowProblem[] = [];
  private total = 0;
  private readonly badLines = new Set<number>();
  private badLineCount = 0;

  /** Record a problem. */
  add(p: RowProblem): void {
    this.total += 1;
    if (this.listed.length < MAX_LISTED_PROBLEMS) {
      this.listed.push(p);
      if (!this.badLines.has(p.line)) {
        this.badLines.add(p.line);
        this.badLineCount += 1;
      }
    } else if (!this.badLines.has(p.line)) {
      // Beyond the cap only distinct lines are counted (problems of one row arrive together).
      this.badLineCount += 1;
      this.badLines.clear();
      this.badLines.add(p.line);
    }
  }

  /** True when nothing is wrong. */
  get empty(): boolean {
    return this.total === 0;
  }

  /** The listed problems, in file order. */
  get problems(): readonly RowProblem[] {
    return this.listed;
  }

  /** Problems found, listed or not. */
  get count(): number {
    return this.total;
  }

  /** Problems found but not listed. */
  get unlisted(): number {
    return this.total - this.listed.length;
  }

  /** Distinct bad lines (approximate beyond the cap only if a row's problems were interleaved). */
  get badRows(): number {
    return this.badLineCount;
  }
}

/** The Swedish sentence for one problem, e.g. `rad 5, kolumn "datum": …`. */
export function problemMessage(p: RowProblem): string {
  return `rad ${String(p.line)}, kolumn "${p.field}": ${p.reason}`;
}

/** "11 problem på 8 rader": problems and the rows they are on, counted apart (a row can have several). */
export function problemCount(problems: number, rows: number): string {
  return `${String(problems)} problem på ${String(rows)} ${rows === 1 ? 'rad' : 'rader'}`;
}
