/**
 * On SQLite, an import's event records are spooled into a TEMP table while the file is read and
 * written into `import_rows` afterwards in natural-key order (decision 0211). The natural key is
 * a hash: written in file order, every row lands on a random page of the unique index, and once
 * that index outgrows a chunk each short staging transaction (decision 0131) rewrites about one
 * 4 KiB index page per row into the WAL — a million rows took 44 s that way where key order
 * takes 4. In key order each chunk touches one run of neighbouring pages, and the other indexes
 * still grow at their end (ids are assigned as the rows are written).
 *
 * The TEMP table belongs to the store's one SQLite connection and lives in SQLite's temp file: the
 * pass over the file never takes the database's write lock, and nothing in it is visible to
 * anyone. PostgreSQL (a pool of connections, no per-commit page images) writes in file order.
 */
import { CompiledQuery, SqliteAdapter, type Kysely } from 'kysely';
import { SamverkanError } from '@samverkan/core';
import type { Database } from '../../store/schema.js';

/** One spooled record: the columns that vary per row. */
export type SpooledRow = readonly [
  line: number,
  period: string,
  seller: string | null,
  buyer: string | null,
  municipality: string | null,
  amount: number | null,
  data: string,
  key: string,
  identity: string | null,
];

const COLUMNS = 'line, period, seller_code, buyer_code, municipality_code, amount_ore, data_json, natural_key, identity_key';
/** Rows per INSERT into the spool (9 parameters each). */
const SPOOL_INSERT = 500;

/** True when the store is SQLite (where key order pays). */
export function spoolsInKeyOrder(db: Kysely<Database>): boolean {
  return db.getExecutor().adapter instanceof SqliteAdapter;
}

/** The rows of one import, spooled and read back in key order. */
export class KeyOrderSpool {
  private readonly name: string;
  private readonly table: string;
  private pending: SpooledRow[] = [];
  /** Rows added and rows read back: equal at the end, or the import fails (never a silent loss). */
  private added = 0;
  private read = 0;
  private created = false;
  private readonly insertSql: string;
  /** Where reading stopped: the last (natural_key, rowid) read. */
  private after: readonly [string, number] = ['', 0];

  constructor(
    private readonly db: Kysely<Database>,
    importId: string,
  ) {
    const suffix = importId.replace(/[^0-9a-f]/gi, '').slice(0, 32);
    this.name = `samv_spool_${suffix}`;
    this.table = `temp.${this.name}`;
    const tuple = `(${Array.from({ length: 9 }, () => '?').join(', ')})`;
    this.insertSql = `insert into ${this.table} (${COLUMNS}) values ${Array.from({ length: SPOOL_INSERT }, () => tuple).join(', ')}`;
  }

  private async run(text: string, parameters: readonly unknown[] = []): Promise<void> {
    await this.db.executeQuery(CompiledQuery.raw(text, [...parameters]));
  }

  /** Add one row (written to the spool in blocks). */
  async add(row: SpooledRow): Promise<void> {
    this.pending.push(row);
    this.added += 1;
    if (this.pending.length >= SPOOL_INSERT) await this.write();
  }

  private async write(): Promise<void> {
    if (!this.created) {
      await this.dropTables();
      await this.run(
        `create table ${this.table} (line integer, period text, seller_code text, buyer_code text, municipality_code text, amount_ore integer, data_json text, natural_key text, identity_key text)`,
      );
      // Kept while rows come in (a little work per INSERT), so no statement ever sorts the whole
      // spool at once: better-sqlite3 is synchronous, and one long statement would stall every
      // other request of the process.
      await this.run(`create index temp.${this.name}_key on ${this.name} (natural_key)`);
      this.created = true;
    }
    const rows = this.pending;
    this.pending = [];
    // better-sqlite3 answers as microtasks: without a macrotask turn now and then, waiting requests
    // would not be read until the whole file is spooled (staging transactions yield the same way).
    await new Promise<void>((resolve) => setImmediate(resolve));
    if (rows.length === SPOOL_INSERT) await this.run(this.insertSql, rows.flat());
    else if (rows.length > 0) {
      const tuple = `(${Array.from({ length: 9 }, () => '?').join(', ')})`;
      await this.run(`insert into ${this.table} (${COLUMNS}) values ${rows.map(() => tuple).join(', ')}`, rows.flat());
    }
  }

  /** After the last row: write what is still held. */
  async seal(): Promise<void> {
    await this.write();
  }

  /** The next `n` rows in key order (empty at the end). */
  async next(n: number): Promise<SpooledRow[]> {
    if (!this.created) return [];
    // Keyset paging over the key index; the rowid breaks ties (a file may hold one record twice).
    const r = await this.db.executeQuery<Record<string, unknown>>(
      CompiledQuery.raw(
        `select rowid as rid, ${COLUMNS} from ${this.table} where (natural_key, rowid) > (?, ?) order by natural_key, rowid limit ?`,
        [...this.after, n],
      ),
    );
    const last = r.rows.at(-1);
    if (last !== undefined) this.after = [last['natural_key'] as string, last['rid'] as number];
    this.read += r.rows.length;
    if (r.rows.length < n && this.read !== this.added) {
      throw new SamverkanError(
        'SAMV_ERR_INTERNAL',
        `Importen avbröts: ${String(this.added)} rader lades undan men ${String(this.read)} lästes tillbaka. Inget har sparats.`,
      );
    }
    return r.rows.map((x) => [
      x['line'] as number,
      x['period'] as string,
      x['seller_code'] as string | null,
      x['buyer_code'] as string | null,
      x['municipality_code'] as string | null,
      x['amount_ore'] as number | null,
      x['data_json'] as string,
      x['natural_key'] as string,
      x['identity_key'] as string | null,
    ]);
  }

  /** Remove the spool (after the import, or when it fails). */
  async drop(): Promise<void> {
    this.pending = [];
    await this.dropTables();
  }

  private async dropTables(): Promise<void> {
    await this.run(`drop table if exists ${this.table}`);
  }
}
