/**
 * The unit and the allowed forms of the values of an import column, declared once per column
 * (imports/kinds/*.ts) and read by the import page, the README's column tables and the
 * downloadable templates, so the three cannot say different things. `unit` stays free of commas
 * and semicolons: the CSV template writes it in parentheses after the column name
 * ("insatstid (minuter)"), which header matching ignores, and a comma there would confuse the
 * delimiter detection.
 */

/** What a value of a column is and how it may be written. */
export interface ColumnFormat {
  /** The unit or kind of value, short: "minuter", "kronor", "ÅÅÅÅ-MM-DD", "ja/nej". */
  readonly unit: string;
  /** The allowed forms in a sentence, with examples. */
  readonly forms: string;
  /** One valid value, as the template's example row writes it. */
  readonly example: string;
}

/** Column formats used by more than one kind (spread and override `example` where it helps). */
export const formats = {
  date: { unit: 'ÅÅÅÅ-MM-DD', forms: 'datum som ÅÅÅÅ-MM-DD, t.ex. 2026-03-15', example: '2026-03-15' },
  clock: { unit: 'TT:MM', forms: 'klockslag som TT:MM; 9:30 och 09.30 går också', example: '09:30' },
  party: {
    unit: 'region eller kommun',
    forms: 'region, eller kommunens namn eller kommunkod, t.ex. Östersund eller 2380',
    example: 'Östersund',
  },
  municipality: {
    unit: 'kommun',
    forms: 'kommunens namn eller kommunkod, t.ex. Östersund, 2380 eller "2380 Östersund"',
    example: 'Östersund',
  },
  /** Minutes billed per started hour: decimals allowed (decision 0180). */
  startedHourMinutes: {
    unit: 'minuter',
    forms: 'antal minuter; heltal eller decimaltal med komma eller punkt, t.ex. 45 eller 37,5',
    example: '45',
  },
  /** Minutes billed as actual time (I7 increments of whole minutes, decision 0180). */
  wholeMinutes: { unit: 'hela minuter', forms: 'antal hela minuter utan decimaler, t.ex. 45', example: '45' },
  kronor: {
    unit: 'kronor',
    forms:
      'belopp i kronor med högst två decimaler; komma eller punkt som decimaltecken och mellanslag mellan tusental går bra, t.ex. 1 234,50',
    example: '1 234,50',
  },
  yesNo: { unit: 'ja/nej', forms: 'ja eller nej (även j/n, 1/0 eller x för ja); tomt = nej', example: 'nej' },
  count: { unit: 'antal', forms: 'heltal ≥ 0; mellanslag mellan tusental går bra, t.ex. 1 234', example: '12' },
  year: { unit: 'ÅÅÅÅ', forms: 'årtal med fyra siffror, t.ex. 2026', example: '2026' },
  text: { unit: 'text', forms: 'fri text utan personuppgifter', example: '' },
} as const satisfies Record<string, ColumnFormat>;

/** A column whose value is one of a few words. */
export function choice(words: readonly string[], extra = ''): ColumnFormat {
  const listed = words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} eller ${words[words.length - 1] ?? ''}`;
  return { unit: words.join('/'), forms: `${listed}${extra === '' ? '' : `; ${extra}`}`, example: words[0] ?? '' };
}
