/**
 * Kinds whose rows become `import_rows` records (assignments, tasks, work orders, costs, counts,
 * budgets). Two sorts:
 * - event records (an assignment, a work order): the natural key is the SHA-256 of the record's
 *   normalised fields, unique per kind, so the same record imported again is skipped by the
 *   database (`ON CONFLICT DO NOTHING`), in batches;
 * - state records (the device count of a municipality on a date, a year's connected count, an
 *   area's budget): an `identity` says what the value describes; a row equal to the current value
 *   of its identity is a duplicate, a different one is stored and, being newest, is what billing
 *   uses. A file may give each identity once.
 */
import { createHash } from 'node:crypto';
import type { Insertable, Transaction } from 'kysely';
import type { Database, ImportRowsTable } from '../../store/schema.js';
import { canonicalJson } from '../../audit/canonical-json.js';
import type { SealedImportRow } from '../../audit/object-digests.js';
import { toFlag } from '../../store/flag.js';
import { sequentialUuid } from '../../store/sequential-id.js';
import type { RowProblem } from '../row-problems.js';
import type { RowReader } from '../row-reader.js';
import type { ColumnSpec } from '../columns.js';
import type { ImportKind, KindContext, KindSession, KindWriter, WriteContext } from './kind.js';

/** One record as read from a row. */
export interface RecordDraft {
  readonly period: string;
  readonly sellerCode: string | null;
  readonly buyerCode: string | null;
  readonly municipalityCode: string | null;
  readonly amountOre: number | null;
  /** The record's fields (JSON); what the billing flows read. */
  readonly data: Readonly<Record<string, unknown>>;
  /** For state records: what the value describes, e.g. `2025-12-31|2380`. */
  readonly identity?: string;
  /** Swedish name of the identity for the "given twice" message, e.g. `Östersund 2025-12-31`. */
  readonly identityLabel?: string;
}

/** How many rows go into one INSERT (13 parameters each: well under SQLite's and PostgreSQL's limits). */
const INSERT_ROWS = 500;
/**
 * How many rows one staging transaction writes: a few INSERTs, some tens of milliseconds, so the
 * writer is never held long (decision 0131) while the per-transaction cost (the commit, the WAL
 * frames of the index pages touched) is shared by enough rows (decision 0176).
 */
const CHUNK_ROWS = 1000;

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The natural key of an event record of `kind`. */
export function naturalKey(
  kind: string,
  d: Pick<RecordDraft, 'period' | 'sellerCode' | 'buyerCode' | 'municipalityCode' | 'amountOre' | 'data'>,
): string {
  return sha256(
    canonicalJson({
      kind,
      period: d.period,
      seller: d.sellerCode,
      buyer: d.buyerCode,
      municipality: d.municipalityCode,
      amount: d.amountOre,
      data: d.data,
    }),
  );
}

function contentOf(d: RecordDraft): string {
  return canonicalJson({
    period: d.period,
    seller: d.sellerCode,
    buyer: d.buyerCode,
    municipality: d.municipalityCode,
    amount: d.amountOre,
    data: d.data,
  });
}

/** A row as written: every sealed column set (what the staged seal hashes, decision 0100). */
type StagedRow = SealedImportRow & Insertable<ImportRowsTable> & { readonly demo: 0 | 1 };

function rowValues(w: WriteContext, d: RecordDraft, line: number, key: string): StagedRow {
  return {
    // Time-ordered, so the primary key and (import_id, id) indexes grow at their end (decision 0176).
    id: sequentialUuid(),
    import_id: w.importId,
    line,
    kind: w.kind,
    period: d.period,
    seller_code: d.sellerCode,
    buyer_code: d.buyerCode,
    municipality_code: d.municipalityCode,
    amount_ore: d.amountOre,
    data_json: JSON.stringify(d.data),
    demo: toFlag(w.demo),
    natural_key: key,
    identity_key: d.identity ?? null,
  };
}

function eventWriter(w: WriteContext): KindWriter<RecordDraft> {
  let batch: StagedRow[] = [];
  let inserted = 0;
  let duplicates = 0;
  const flush = async (trx: Transaction<Database>): Promise<void> => {
    const rows = batch;
    batch = [];
    for (let i = 0; i < rows.length; i += INSERT_ROWS) {
      const part = rows.slice(i, i + INSERT_ROWS);
      // RETURNING names the rows written (not those skipped as already stored), for the seal.
      const written = await trx
        .insertInto('import_rows')
        .values(part)
        .onConflict((oc) => oc.columns(['kind', 'natural_key']).doNothing())
        .returning('id')
        .execute();
      inserted += written.length;
      duplicates += part.length - written.length;
      if (w.written) {
        if (written.length === part.length) w.written(part);
        else {
          const ids = new Set(written.map((r) => r.id));
          w.written(part.filter((r) => ids.has(r.id)));
        }
      }
    }
  };
  return {
    async add(d, line) {
      batch.push(rowValues(w, d, line, naturalKey(w.kind, d)));
      if (batch.length >= CHUNK_ROWS) await w.stage(flush);
    },
    async finish(trx) {
      await flush(trx);
      return { inserted, duplicates };
    },
  };
}

function stateWriter(w: WriteContext): KindWriter<RecordDraft> {
  let batch: StagedRow[] = [];
  let inserted = 0;
  let duplicates = 0;
  const flush = async (trx: Transaction<Database>): Promise<void> => {
    if (batch.length === 0) return;
    const rows = batch;
    batch = [];
    for (let i = 0; i < rows.length; i += INSERT_ROWS)
      await trx
        .insertInto('import_rows')
        .values(rows.slice(i, i + INSERT_ROWS))
        .execute();
    inserted += rows.length;
    w.written?.(rows);
  };
  return {
    async add(d, line) {
      const identity = d.identity ?? '';
      // The current value among visible imports; a file gives each identity once, so this
      // import's own staged rows never need to be seen here.
      const current = await w.db
        .selectFrom('import_rows')
        .innerJoin('imports', 'imports.id', 'import_rows.import_id')
        .select([
          'import_rows.period',
          'import_rows.seller_code',
          'import_rows.buyer_code',
          'import_rows.municipality_code',
          'import_rows.amount_ore',
          'import_rows.data_json',
        ])
        .where('import_rows.kind', '=', w.kind)
        .where('import_rows.identity_key', '=', identity)
        .where('imports.status', '=', 'complete')
        .orderBy('imports.uploaded_at', 'desc')
        .orderBy('import_rows.line', 'desc')
        .limit(1)
        .executeTakeFirst();
      const content = contentOf(d);
      if (current) {
        const existing: RecordDraft = {
          period: current.period,
          sellerCode: current.seller_code,
          buyerCode: current.buyer_code,
          municipalityCode: current.municipality_code,
          amountOre: current.amount_ore,
          data: JSON.parse(current.data_json) as Record<string, unknown>,
        };
        if (contentOf(existing) === content) {
          duplicates += 1;
          return;
        }
      }
      // A newer value of the identity: unique per import, so importing A, B, A again restores A.
      batch.push(rowValues(w, d, line, sha256(`${content}|${w.importId}`)));
      if (batch.length >= CHUNK_ROWS) await w.stage(flush);
    },
    async finish(trx) {
      await flush(trx);
      return { inserted, duplicates };
    },
  };
}

/** The parts a record kind defines. */
export interface RecordKindSpec {
  readonly kind: string;
  readonly title: string;
  readonly description: string;
  readonly columns: readonly ColumnSpec[];
  readonly countyWide: boolean;
  /** State records carry an identity; event records do not. */
  readonly state: boolean;
  read(row: RowReader, ctx: KindContext): RecordDraft | undefined;
}

/** Build an import kind that writes `import_rows`. */
export function recordKind(spec: RecordKindSpec): ImportKind<RecordDraft> {
  return {
    kind: spec.kind,
    title: spec.title,
    description: spec.description,
    columns: spec.columns,
    action: 'records:change',
    countyWide: spec.countyWide,
    open(ctx): KindSession<RecordDraft> {
      const seen = new Map<string, number>();
      return {
        read(row) {
          const d = spec.read(row, ctx);
          if (d === undefined || !spec.state) return d;
          const identity = d.identity ?? '';
          const earlier = seen.get(identity);
          if (earlier !== undefined) {
            row.problems.push({
              line: row.line,
              field: '(rad)',
              reason: `${d.identityLabel ?? identity} förekommer redan på rad ${String(earlier)}; ange varje värde en gång per fil.`,
            });
            return undefined;
          }
          seen.set(identity, row.line);
          return d;
        },
        parties: (d) => [d.sellerCode, d.buyerCode, d.municipalityCode].filter((c): c is string => c !== null),
        finish: (): readonly RowProblem[] => [],
      };
    },
    writer: (w) => (spec.state ? stateWriter(w) : eventWriter(w)),
  };
}
