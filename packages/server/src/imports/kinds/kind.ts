/**
 * What an import kind is: its columns (documented, Swedish and English names), who may import it,
 * how one row is read and validated, the parties of a row (for scoping), and how rows are written.
 * Rows are read once (decision 0176), so a kind holds no rows in memory except what a cross-row
 * check needs (a few index years, an allocation key's factors).
 */
import type { Kysely, Transaction } from 'kysely';
import type { Agreement } from '@samverkan/core';
import type { Database } from '../../store/schema.js';
import type { SealedImportRow } from '../../audit/object-digests.js';
import type { ColumnSpec } from '../columns.js';
import type { RowReader } from '../row-reader.js';
import type { RowProblem } from '../row-problems.js';

/** What reading a file of a kind needs. */
export interface KindContext {
  readonly agreement: Agreement;
  readonly filename: string;
}

/**
 * What writing needs: the import being written. Rows go in through `stage`, one short transaction
 * per chunk, while the import is still invisible (decision 0131); reads outside it use `db`.
 */
export interface WriteContext extends KindContext {
  readonly db: Kysely<Database>;
  /** Run `fn` in one short transaction of the staging import; keep it to one chunk of rows. */
  stage<R>(fn: (trx: Transaction<Database>) => Promise<R>): Promise<R>;
  readonly importId: string;
  readonly kind: string;
  readonly actor: string;
  readonly demo: boolean;
  readonly recordedAt: string;
  /** Told of the `import_rows` written (not those skipped as stored), so the seal is hashed while staging. */
  readonly written?: (rows: readonly SealedImportRow[]) => void;
}

/** Rows written and rows that were already there. */
export interface WriteCounts {
  readonly inserted: number;
  readonly duplicates: number;
}

/** Reading one file. */
export interface KindSession<T> {
  /** Read and validate one row; undefined when it has problems (recorded on `row`). */
  read(row: RowReader): T | undefined;
  /** Parties of a valid row: municipality codes and/or `region` (a municipality economist must be one). */
  parties(value: T): readonly string[];
  /** Problems found across rows, after the last row (e.g. a key whose weights do not sum to 1). */
  finish(): readonly RowProblem[];
}

/** Writing one file's rows (pass 2). */
export interface KindWriter<T> {
  add(value: T, line: number): Promise<void>;
  /** After the last row, before `finish`: write what the writer held back (in staging transactions of its own). */
  drain?(): Promise<void>;
  /** The import failed: drop what the writer holds outside the database's tables. */
  abandon?(): Promise<void>;
  /**
   * After the last row, inside the one transaction that makes the import visible: write what is
   * left (at most one chunk, or a kind's few reference rows) and count.
   */
  finish(trx: Transaction<Database>): Promise<WriteCounts>;
}

/** An import kind. Methods (not function properties) so kinds of different row types share one list. */
export interface ImportKind<T> {
  readonly kind: string;
  /** Swedish title. */
  readonly title: string;
  /** Swedish description of what a row is. */
  readonly description: string;
  readonly columns: readonly ColumnSpec[];
  /** Which action of the role policy importing needs. */
  readonly action: 'records:change' | 'reference:change';
  /** The records concern the whole county (no municipality is a party): not for municipality economists. */
  readonly countyWide: boolean;
  /** Columns a kind resolves itself from the header text (e.g. one per municipality). */
  extraColumn?(header: string, ctx: KindContext): string | undefined;
  /** The columns `extraColumn` accepts, as the template and the documentation list them. */
  templateColumns?(ctx: KindContext): readonly ColumnSpec[];
  open(ctx: KindContext): KindSession<T>;
  writer(w: WriteContext): KindWriter<T>;
}
