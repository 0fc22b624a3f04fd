/**
 * Joint development funds (GEMUTV): the service keeps budgets as `development-budgets` records, one
 * per area and year, where a newer import of the same area and year replaces the older value. The
 * follow-up is read from `GET /development-funds?year=`; a budget or outcome is entered by
 * importing a one-row file through `POST /imports/development-budgets`, so every change is
 * validated and audited exactly like a file import.
 */

/** One area of the follow-up (core `developmentFollowUp`): deviation = budget − outcome. */
export interface AreaFollowUp {
  readonly area: string;
  readonly budgetOre: number;
  readonly outcomeOre: number;
  readonly deviationOre: number;
  /** Outcome as a share of the budget, percent with one decimal; null when the budget is 0. */
  readonly usedPercent: string | null;
}

/** `GET /development-funds?year=`. */
export interface FollowUp {
  readonly year: number;
  readonly areas: readonly AreaFollowUp[];
  readonly totals: Omit<AreaFollowUp, 'area'>;
}

/** Budget and outcome of one area in one year. */
export interface AreaYear {
  readonly area: string;
  readonly year: number;
  readonly budgetOre: number;
  readonly outcomeOre: number | null;
}

const kronorText = (ore: number): string => {
  const n = BigInt(ore);
  const sign = n < 0n ? '-' : '';
  const abs = n < 0n ? -n : n;
  return `${sign}${(abs / 100n).toString()},${(abs % 100n).toString().padStart(2, '0')}`;
};

/** A one-row `development-budgets` file (semicolon separated, kronor with decimal comma). */
export function budgetCsv(row: AreaYear): string {
  const area = row.area.replace(/[;"\r\n]/g, ' ').trim();
  return `år;område;budget;utfall\n${String(row.year)};${area};${kronorText(row.budgetOre)};${row.outcomeOre === null ? '' : kronorText(row.outcomeOre)}\n`;
}
