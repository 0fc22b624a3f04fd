/**
 * Column specifications of the import files and matching of a file's header row against them.
 * Each column has a Swedish and an English name (plus aliases); headers match case-insensitively,
 * with å/ä→a, ö→o, and spaces, hyphens and text in parentheses ignored ("Insatstid (min)" =
 * "insatstid"). An unknown or repeated column is a problem on line 1 (a misspelt header must not
 * be ignored); a missing required column too.
 */
import type { RowProblem } from './row-problems.js';
import type { ColumnFormat } from './column-formats.js';

/** One column of an import kind. */
export interface ColumnSpec {
  /** Canonical key (the English name, snake_case). */
  readonly key: string;
  /** Swedish header as documented. */
  readonly sv: string;
  /** Further accepted spellings. */
  readonly aliases?: readonly string[];
  readonly required: boolean;
  /** Swedish description for the documentation and error messages. */
  readonly description: string;
  /** The unit and allowed forms of a value (the import page, the README and the templates say them). */
  readonly format: ColumnFormat;
  /** The column names a party of the row (region or a municipality): a municipality economist's own must be one. */
  readonly party?: true;
}

/** Fold a header for matching: lower case, å/ä→a, ö→o, é→e, parentheses dropped, separators → `_`. */
export function foldHeader(text: string): string {
  return text
    .replace(/^\uFEFF/, '')
    .normalize('NFC')
    .toLocaleLowerCase('sv-SE')
    .replace(/\([^)]*\)/g, ' ')
    .replace(/[åä]/g, 'a')
    .replace(/ö/g, 'o')
    .replace(/é/g, 'e')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

/** The header row resolved: column index → key, and the file's own header text per key. */
export interface ResolvedHeader {
  /** Key per column index (undefined for a column that could not be resolved). */
  readonly keys: readonly (string | undefined)[];
  /** The header text the file used for each key (for naming the field in problems). */
  readonly names: ReadonlyMap<string, string>;
  /** Index of each key. */
  readonly index: ReadonlyMap<string, number>;
}

/** Extra columns a kind resolves itself (e.g. one column per municipality): header → key. */
export type ExtraColumn = (header: string) => string | undefined;

/** Match `header` against `columns`; problems go to `report` (all on line `line`). */
export function resolveHeader(
  header: readonly string[],
  columns: readonly ColumnSpec[],
  line: number,
  report: (p: RowProblem) => void,
  extra?: ExtraColumn,
): ResolvedHeader {
  const lookup = new Map<string, string>();
  for (const c of columns) for (const name of [c.key, c.sv, ...(c.aliases ?? [])]) lookup.set(foldHeader(name), c.key);
  const keys: (string | undefined)[] = [];
  const names = new Map<string, string>();
  const index = new Map<string, number>();
  const allowed = columns.map((c) => c.sv).join(', ');
  header.forEach((raw, i) => {
    const text = raw.replace(/^\uFEFF/, '').trim();
    if (text === '') {
      keys.push(undefined);
      return;
    }
    const key = lookup.get(foldHeader(text)) ?? extra?.(text);
    if (key === undefined) {
      report({ line, field: text, reason: `okänd kolumn. Tillåtna kolumner: ${allowed}.`, value: text });
      keys.push(undefined);
      return;
    }
    if (index.has(key)) {
      report({ line, field: text, reason: `kolumnen förekommer två gånger (även "${names.get(key) ?? key}").`, value: text });
      keys.push(undefined);
      return;
    }
    keys.push(key);
    names.set(key, text);
    index.set(key, i);
  });
  for (const c of columns) {
    if (c.required && !index.has(c.key))
      report({
        line,
        field: c.sv,
        reason: `kolumnen saknas (${c.description}). Rubrikraden ska innehålla ${columns
          .filter((x) => x.required)
          .map((x) => x.sv)
          .join(', ')}.`,
      });
  }
  return { keys, names, index };
}

/** Column documentation as `sv (en)`, for messages and the README. */
export function describeColumns(columns: readonly ColumnSpec[]): string {
  return columns.map((c) => `${c.sv}${c.required ? '' : '?'} (${c.key})`).join('; ');
}
