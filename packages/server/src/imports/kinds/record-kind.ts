/**
 * Kinds whose rows become `import_rows` records (assignments, tasks, work orders, costs, counts,
 * budgets). Two sorts:
 * - event records (an assignment, a work order): the natural key is a short hash of the kind, the
 *   record's columns and encoded fields (imports/record-codec.ts, decision 0210), unique over all
 *   kinds (migration 0011), so the
 *   same record imported again is skipped by the database (`ON CONFLICT DO NOTHING`), in batches,
 *   and a skipped row is compared with the stored one, so a key collision is refused;
 * - state records (the device count of a municipality on a date, a year's connected count, an
 *   area's budget): an `identity` says what the value describes; a row equal to the current value
 *   of its identity is a duplicate, a different one is stored and, being newest, is what billing
 *   uses. A file may give each identity once.
 */
import { SamverkanError } from '@samverkan/core';
import { CompiledQuery, type Insertable, type Transaction } from 'kysely';
import type { Database, ImportRowsTable } from '../../store/schema.js';
import { canonicalJson } from '../../audit/canonical-json.js';
import { decodeRecordData, encodeRecordData, recordKey, stateKey } from '../record-codec.js';
import type { SealedImportRow } from '../../audit/object-digests.js';
import { toFlag } from '../../store/flag.js';
import { sequentialUuid } from '../../store/sequential-id.js';
import type { RowProblem } from '../row-problems.js';
import type { RowReader } from '../row-reader.js';
import type { ColumnSpec } from '../columns.js';
import type { ImportKind, KindContext, KindSession, KindWriter, WriteContext } from './kind.js';
import { KeyOrderSpool, spoolsInKeyOrder, type SpooledRow } from './key-order-spool.js';

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
/** Rows per staging transaction when they are written in key order (SQLite, decision 0211): neighbouring pages, so more per commit. */
const KEY_ORDER_CHUNK_ROWS = 2000;
/** Spooled rows between two turns of the event loop. */
const YIELD_ROWS = 2000;

const SQLITE_COLUMNS =
  'id, import_id, line, kind, period, seller_code, buyer_code, municipality_code, amount_ore, data_json, demo, natural_key, identity_key';
const insertTexts = new Map<number, string>();

/** The SQLite INSERT of `n` rows (what Kysely builds for `write`, with the same conflict target; the count of changes says whether all were written). */
function sqliteInsert(n: number): string {
  let text = insertTexts.get(n);
  if (text === undefined) {
    const tuple = `(${Array.from({ length: 13 }, () => '?').join(', ')})`;
    text = `insert into "import_rows" (${SQLITE_COLUMNS}) values ${Array.from({ length: n }, () => tuple).join(', ')} on conflict ("natural_key") do nothing`;
    if (insertTexts.size < 8) insertTexts.set(n, text);
  }
  return text;
}

/** The natural key of an event record of `kind` (decision 0210). */
export function naturalKey(
  kind: string,
  d: Pick<RecordDraft, 'period' | 'sellerCode' | 'buyerCode' | 'municipalityCode' | 'amountOre' | 'data'>,
): string {
  return recordKey(kind, d, encodeRecordData(kind, d.data));
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

function rowValues(w: WriteContext, d: RecordDraft, line: number, dataText: string, key: string): StagedRow {
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
    data_json: dataText,
    demo: toFlag(w.demo),
    natural_key: key,
    identity_key: d.identity ?? null,
  };
}

/** True when two rows are the same record (their fields compared as canonical JSON, so key order does not matter). */
type RecordColumns = Pick<StagedRow, 'period' | 'seller_code' | 'buyer_code' | 'municipality_code' | 'amount_ore' | 'data_json'>;

function sameRecord(kind: string, a: RecordColumns, b: RecordColumns): boolean {
  return (
    a.period === b.period &&
    a.seller_code === b.seller_code &&
    a.buyer_code === b.buyer_code &&
    a.municipality_code === b.municipality_code &&
    a.amount_ore === b.amount_ore &&
    (a.data_json === b.data_json ||
      canonicalJson(decodeRecordData(kind, a.data_json)) === canonicalJson(decodeRecordData(kind, b.data_json)))
  );
}

/**
 * Rows the database skipped as already stored (their natural key exists) must be the stored
 * records: a short key could collide (decision 0210), and a collision taken for a duplicate would
 * lose a record silently. Read only on re-imports, never for new rows. A stored row of another
 * kind with the key (the key is unique over all kinds, migration 0011) is not found here, so it is
 * refused as a collision too.
 */
async function refuseCollisions(trx: Transaction<Database>, kind: string, skipped: readonly StagedRow[]): Promise<void> {
  const keys = skipped.map((r) => r.natural_key).filter((k): k is string => k !== null);
  if (keys.length === 0) return;
  const stored = await trx
    .selectFrom('import_rows')
    .select(['natural_key', 'period', 'seller_code', 'buyer_code', 'municipality_code', 'amount_ore', 'data_json'])
    .where('kind', '=', kind)
    .where('natural_key', 'in', keys)
    .execute();
  const byKey = new Map(stored.map((r) => [r.natural_key, r]));
  for (const r of skipped) {
    const s = byKey.get(r.natural_key ?? null);
    // Two rows of this chunk with one key: the first was written, so the stored one is in `stored` too.
    if (s === undefined || !sameRecord(kind, r, s)) {
      throw new SamverkanError(
        'SAMV_ERR_CONFLICT',
        `Rad ${String(r.line)}: posten fick samma naturliga nyckel (${r.natural_key ?? ''}) som en annan, redan sparad post av typen ${kind}. Inget har sparats; kontakta systemförvaltningen (nyckelkollision).`,
        { line: r.line, field: '(rad)' },
      );
    }
  }
}

/** A spooled row as written: its id is given now, so ids grow in the order rows are written. */
function spooledRow(w: WriteContext, r: SpooledRow): StagedRow {
  const [line, period, seller, buyer, municipality, amount, data, key, identity] = r;
  return {
    id: sequentialUuid(),
    import_id: w.importId,
    line,
    kind: w.kind,
    period,
    seller_code: seller,
    buyer_code: buyer,
    municipality_code: municipality,
    amount_ore: amount,
    data_json: data,
    demo: toFlag(w.demo),
    natural_key: key,
    identity_key: identity,
  };
}

function eventWriter(w: WriteContext): KindWriter<RecordDraft> {
  let batch: StagedRow[] = [];
  let inserted = 0;
  let duplicates = 0;
  const flush = async (trx: Transaction<Database>): Promise<void> => {
    const rows = batch;
    batch = [];
    await write(trx, rows);
  };
  const write = async (trx: Transaction<Database>, rows: readonly StagedRow[]): Promise<void> => {
    for (let i = 0; i < rows.length; i += INSERT_ROWS) {
      const part = rows.slice(i, i + INSERT_ROWS);
      // RETURNING names the rows written (not those skipped as already stored), for the seal.
      const written = await trx
        .insertInto('import_rows')
        .values(part)
        .onConflict((oc) => oc.column('natural_key').doNothing())
        .returning('id')
        .execute();
      inserted += written.length;
      duplicates += part.length - written.length;
      if (written.length === part.length) w.written?.(part);
      else {
        const ids = new Set(written.map((r) => r.id));
        const skipped = part.filter((r) => !ids.has(r.id));
        await refuseCollisions(trx, w.kind, skipped);
        w.written?.(part.filter((r) => ids.has(r.id)));
      }
    }
  };
  let spooled = 0;
  /**
   * SQLite: the same INSERT as `write`, as one prepared statement text per full batch (the store
   * caches statements by text), without building and compiling a query tree per batch.
   */
  const writeSqlite = async (trx: Transaction<Database>, rows: readonly StagedRow[]): Promise<void> => {
    for (let i = 0; i < rows.length; i += INSERT_ROWS) {
      const part = rows.slice(i, i + INSERT_ROWS);
      const parameters: unknown[] = [];
      for (const r of part) {
        parameters.push(
          r.id,
          r.import_id,
          r.line,
          r.kind,
          r.period,
          r.seller_code,
          r.buyer_code,
          r.municipality_code,
          r.amount_ore,
          r.data_json,
          r.demo,
          r.natural_key,
          r.identity_key,
        );
      }
      const result = await trx.executeQuery(CompiledQuery.raw(sqliteInsert(part.length), parameters));
      const changed = Number(result.numAffectedRows ?? 0n);
      inserted += changed;
      duplicates += part.length - changed;
      if (changed === part.length) w.written?.(part);
      else {
        // Only when some rows were already stored (a re-import): which of this part's ids were written.
        const stored = await trx
          .selectFrom('import_rows')
          .select('id')
          .where(
            'id',
            'in',
            part.map((r) => r.id),
          )
          .execute();
        const ids = new Set(stored.map((r) => r.id));
        await refuseCollisions(
          trx,
          w.kind,
          part.filter((r) => !ids.has(r.id)),
        );
        w.written?.(part.filter((r) => ids.has(r.id)));
      }
    }
  };
  if (spoolsInKeyOrder(w.db)) {
    const spool = new KeyOrderSpool(w.db, w.importId);
    return {
      async add(d, line) {
        const text = encodeRecordData(w.kind, d.data);
        spool.add([line, d.period, d.sellerCode, d.buyerCode, d.municipalityCode, d.amountOre, text, recordKey(w.kind, d, text), null]);
        // Let waiting requests in now and then: reading a spooled upload resolves mostly as microtasks.
        if (++spooled % YIELD_ROWS === 0) await new Promise<void>((resolve) => setImmediate(resolve));
      },
      async drain() {
        try {
          spool.seal();
          for (;;) {
            const rows = spool.next(KEY_ORDER_CHUNK_ROWS);
            if (rows.length === 0) break;
            const staged = rows.map((r) => spooledRow(w, r));
            await w.stage((trx) => writeSqlite(trx, staged));
          }
        } finally {
          spool.drop();
        }
      },
      abandon: () => {
        spool.drop();
        return Promise.resolve();
      },
      finish: () => Promise.resolve({ inserted, duplicates }),
    };
  }
  return {
    async add(d, line) {
      const text = encodeRecordData(w.kind, d.data);
      batch.push(rowValues(w, d, line, text, recordKey(w.kind, d, text)));
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
          data: decodeRecordData(w.kind, current.data_json),
        };
        if (contentOf(existing) === content) {
          duplicates += 1;
          return;
        }
      }
      // A newer value of the identity: unique per import, so importing A, B, A again restores A.
      const text = encodeRecordData(w.kind, d.data);
      batch.push(rowValues(w, d, line, text, stateKey(w.kind, d, text, w.importId)));
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
