/**
 * Reading an import file row by row with its kind: the header is matched against the kind's
 * columns, every cell is checked for anything that looks like a personnummer (which refuses the
 * whole file at once, naming line and column but never echoing the value), every row is validated,
 * and a municipality economist's rows must have their municipality as a party. One pass: each
 * valid row goes to the kind's writer as it is read, until the first problem (then the rest is
 * only checked, so that every problem is listed, and the import writes nothing).
 */
import { containsPersonnummer, findMunicipality, isSamverkanError, refusePersonnummer } from '@samverkan/core';
import { resolveHeader, type ResolvedHeader } from './columns.js';
import { DEFAULT_FILE_LIMITS, type FileLimits } from './file-limits.js';
import type { ScannedFile } from './file-scan.js';
import type { ImportKind, KindContext } from './kinds/kind.js';
import { ProblemList } from './row-problems.js';
import { RowReader } from './row-reader.js';
import { fileRows } from './rows.js';

/** Who is importing, as far as row scoping is concerned. */
export interface ImportScope {
  /** The municipality a municipality economist is limited to; undefined = not limited. */
  readonly municipality: string | undefined;
  /** Swedish name of that municipality, for messages. */
  readonly municipalityName?: string;
}

/** What one pass over the file found. */
export interface PassResult {
  readonly rows: number;
  readonly problems: ProblemList;
  /** Municipality codes that are parties in the file's rows. */
  readonly municipalities: ReadonlySet<string>;
}

/** One pass: validate every row; `onValid` receives each valid row while the file has no problem yet. */
export async function passOverFile(
  kind: ImportKind<unknown>,
  file: ScannedFile,
  ctx: KindContext,
  scope: ImportScope,
  onValid: ((value: unknown, line: number) => Promise<void>) | undefined,
  onBytes?: (n: number) => void,
  limits: FileLimits = DEFAULT_FILE_LIMITS,
): Promise<PassResult> {
  const problems = new ProblemList();
  const municipalities = new Set<string>();
  const session = kind.open(ctx);
  let header: ResolvedHeader | undefined;
  let rows = 0;
  for await (const src of fileRows(file, limits, onBytes)) {
    // The place is built only for a cell that holds one (no object per cell of a million rows).
    for (let i = 0; i < src.cells.length; i++) {
      const cell = src.cells[i] ?? '';
      if (containsPersonnummer(cell))
        refusePersonnummer(cell, {
          file: ctx.filename,
          line: src.line,
          field: header === undefined ? `kolumn ${String(i + 1)}` : headerName(header, i),
        });
    }
    if (header === undefined) {
      header = resolveHeader(
        src.cells,
        kind.columns,
        src.line,
        (p) => {
          problems.add(p);
        },
        kind.extraColumn ? (h) => kind.extraColumn?.(h, ctx) : undefined,
      );
      // With a wrong header every row would fail the same way: report the header only.
      if (!problems.empty) break;
      continue;
    }
    if (src.cells.every((c) => c === '')) continue;
    rows += 1;
    const columns = header.keys.length;
    const row = new RowReader(src.line, src.cells, header, ctx.agreement);
    const extra = src.cells.findIndex((c, i) => i >= columns && c !== '');
    if (extra >= 0)
      row.fail(
        '(rad)',
        `raden har fler ifyllda kolumner (${String(src.cells.length)}) än rubrikraden (${String(columns)}).`,
        src.cells[extra],
      );
    const value = session.read(row);
    if (scope.municipality !== undefined) {
      // A row with other problems is checked from its party columns, so all of a file's problems come in one pass.
      const parties = value !== undefined ? session.parties(value) : namedParties(kind, row, ctx);
      if (parties !== undefined && !parties.includes(scope.municipality)) {
        row.fail(
          '(rad)',
          `din kommun (${scope.municipalityName ?? scope.municipality}) är inte part i raden; som kommunekonom får du bara importera underlag där den egna kommunen är part.`,
        );
      }
    }
    for (const p of row.problems) problems.add(p);
    if (value !== undefined && row.ok) {
      for (const c of session.parties(value)) if (c !== 'region') municipalities.add(c);
      if (onValid && problems.empty) await onValid(value, src.line);
    }
  }
  if (header === undefined)
    problems.add({
      line: 1,
      field: '(fil)',
      reason: `filen är tom; första raden ska vara rubrikraden (${kind.columns
        .filter((c) => c.required)
        .map((c) => c.sv)
        .join(', ')}).`,
    });
  else if (rows === 0 && problems.empty)
    problems.add({ line: 2, field: '(fil)', reason: 'filen har bara en rubrikrad och inga rader att importera.' });
  else if (problems.empty) for (const p of session.finish()) problems.add(p);
  return { rows, problems, municipalities };
}

/**
 * The parties a row names in its party columns, or undefined when a column is empty or names no
 * known party (that cell has its own problem; guessing the scope from the rest would mislead).
 */
function namedParties(kind: ImportKind<unknown>, row: RowReader, ctx: KindContext): readonly string[] | undefined {
  const columns = kind.columns.filter((c) => c.party === true);
  const codes: string[] = [];
  for (const c of columns) {
    const v = row.raw(c.key);
    if (/^region(en)?$/i.test(v) || /^region jämtland härjedalen$/i.test(v)) {
      codes.push('region');
      continue;
    }
    if (v === '') return undefined;
    try {
      codes.push(findMunicipality(ctx.agreement.municipalities, v).code);
    } catch (e) {
      if (!isSamverkanError(e)) throw e;
      return undefined;
    }
  }
  return codes.length === 0 ? undefined : codes;
}

function headerName(header: ResolvedHeader, i: number): string {
  const key = header.keys[i];
  return key === undefined ? `kolumn ${String(i + 1)}` : (header.names.get(key) ?? key);
}
