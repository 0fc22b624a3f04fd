/**
 * On SQLite, an import's event records are spooled while the file is read and written into
 * `import_rows` afterwards in natural-key order (decision 0211). The natural key is a hash:
 * written in file order, every row lands on a random page of the unique index, and once that
 * index outgrows a chunk each short staging transaction (decision 0131) rewrites about one 4 KiB
 * index page per row into the WAL — a million rows took 44 s that way where key order takes 4.
 * In key order each chunk touches one run of neighbouring pages, and the other indexes still grow
 * at their end (ids are assigned as the rows are written).
 *
 * The spool is 64 bucket files, one per first character of the key (decision 0260): each row is
 * one line appended to its bucket, `key TAB line TAB json`. After the last row each bucket is read
 * back (a 64th of the rows), its lines sorted in memory as plain strings and handed out in order,
 * so the rows come back in key order without any sort of the whole spool and without a B-tree
 * kept up per row. The lines are parsed only as they are handed out: a bucket's rows parsed all
 * at once lived through many young-generation collections, were promoted and grew the old
 * generation by a bucket’s worth of garbage each time (decision 0260). (The TEMP table with a key
 * index it replaces cost 17 s of SQLite CPU to fill and 9 s to read back at a million rows.) A
 * bucket larger than `pieceBytes` (a file of one record repeated) is read and sorted in pieces:
 * the order is then only nearly by key, which costs speed, never a row.
 *
 * The files are unlinked as soon as they are open: the data is reachable only through this
 * process's descriptors, nothing is visible to anyone, and a killed process leaves nothing behind.
 * PostgreSQL (no per-commit page images) writes in file order.
 */
import { closeSync, mkdtempSync, openSync, readSync, rmSync, unlinkSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteAdapter, type Kysely } from 'kysely';
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

/** The natural key's alphabet (base64url): a key's first character names its bucket, in key order. */
const ALPHABET = '-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz';
/**
 * Bytes held per bucket before they are appended to its file. The lines are encoded into the
 * bucket's block as they come: held as strings until a block was full, every row's text outlived
 * two young-generation collections and was promoted, so the whole spool passed through the old
 * generation as garbage.
 */
const BLOCK_BYTES = 32 * 1024;
/** UTF-8 bytes per UTF-16 code unit at most. */
const MAX_UTF8_PER_UNIT = 3;
/** Largest part of a bucket read and sorted at once (bounds memory whatever the file). */
const PIECE_BYTES = 8 * 1024 * 1024;

/** True when the store is SQLite (where key order pays). */
export function spoolsInKeyOrder(db: Kysely<Database>): boolean {
  return db.getExecutor().adapter instanceof SqliteAdapter;
}

/**
 * Bucket per character code: the last alphabet character at or below it, so any text (keys are
 * always base64url, but the order must not depend on it) still comes back in key order.
 */
const BUCKET_OF_CODE = Uint8Array.from({ length: 128 }, (_, code) => {
  let bucket = 0;
  for (let i = 0; i < ALPHABET.length; i++) if (ALPHABET.charCodeAt(i) <= code) bucket = i;
  return bucket;
});

function bucketOf(key: string): number {
  const code = key.charCodeAt(0);
  return Number.isNaN(code) ? 0 : code < 128 ? (BUCKET_OF_CODE[code] ?? 0) : ALPHABET.length - 1;
}

/** Digits of the line number in a spool line (a file of ten billion lines is refused long before). */
const LINE_DIGITS = 10;

/**
 * A row's spool line: its key, its line number in 10 digits, then the row. Keys are base64url and
 * a tab sorts below every key character, so the lines' plain string order is the order of
 * (key, line): by key, and rows of one key in the order they were added (lines only grow). A key
 * with a control character (never made by recordKey) would break that and is refused.
 */
function spoolLine(row: SpooledRow): string {
  if (hasControl(row[7]))
    throw new SamverkanError('SAMV_ERR_INTERNAL', 'Importen avbröts: en radnyckel innehåller ett styrtecken. Inget har sparats.');
  return `${row[7]}\t${String(row[0]).padStart(LINE_DIGITS, '0')}\t${JSON.stringify(row)}\n`;
}

function hasControl(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) < 0x20) return true;
  return false;
}

function parseLine(line: string): SpooledRow {
  const tab = line.indexOf('\t');
  return JSON.parse(line.slice(tab + LINE_DIGITS + 2)) as SpooledRow;
}

interface Bucket {
  fd: number;
  /** Bytes written to the file, and bytes read back. */
  size: number;
  readAt: number;
  /** Encoded lines not yet appended to the file (allocated with the bucket's first line), and their bytes. */
  block: Buffer | undefined;
  used: number;
}

/** The rows of one import, spooled and read back in key order. */
export class KeyOrderSpool {
  private dir: string | undefined;
  private buckets: Bucket[] = [];
  /** Rows added and rows read back: equal at the end, or the import fails (never a silent loss). */
  private added = 0;
  private read = 0;
  /** The bucket being read, and its sorted rows not yet handed out. */
  private reading = 0;
  private ready: string[] = [];
  private readyAt = 0;

  constructor(
    _db: Kysely<Database>,
    private readonly importId: string,
    private readonly pieceBytes = PIECE_BYTES,
  ) {}

  private open(): Bucket[] {
    if (this.dir !== undefined) return this.buckets;
    const suffix = this.importId.replace(/[^0-9a-f]/gi, '').slice(0, 32);
    this.dir = mkdtempSync(join(tmpdir(), `samverkan-spool-${suffix}-`));
    const buckets: Bucket[] = [];
    try {
      for (let i = 0; i < ALPHABET.length; i++) {
        const path = join(this.dir, String(i));
        const fd = openSync(path, 'w+', 0o600);
        buckets.push({ fd, size: 0, readAt: 0, block: undefined, used: 0 });
        unlinkSync(path);
      }
    } catch (e) {
      for (const b of buckets) closeSync(b.fd);
      this.removeDir();
      throw e;
    }
    this.buckets = buckets;
    this.removeDir();
    return buckets;
  }

  private removeDir(): void {
    if (this.dir !== undefined) rmSync(this.dir, { recursive: true, force: true });
  }

  /** Add one row (appended to its bucket in blocks). */
  add(row: SpooledRow): void {
    const b = this.open()[bucketOf(row[7])];
    if (b === undefined) throw new Error('key-order spool: no bucket');
    const text = spoolLine(row);
    this.added += 1;
    const most = text.length * MAX_UTF8_PER_UNIT;
    if (b.used + most > BLOCK_BYTES) this.flush(b);
    if (most > BLOCK_BYTES) {
      this.append(b, Buffer.from(text, 'utf8'));
      return;
    }
    b.block ??= Buffer.allocUnsafe(BLOCK_BYTES);
    b.used += b.block.write(text, b.used, 'utf8');
  }

  private flush(b: Bucket): void {
    if (b.block === undefined || b.used === 0) return;
    this.append(b, b.block.subarray(0, b.used));
    b.used = 0;
  }

  private append(b: Bucket, bytes: Buffer): void {
    let at = 0;
    while (at < bytes.length) at += writeSync(b.fd, bytes, at, bytes.length - at, b.size + at);
    b.size += bytes.length;
  }

  /** After the last row: write what is still held. */
  seal(): void {
    for (const b of this.buckets) this.flush(b);
  }

  /** The next part of the current bucket (whole lines, at most `pieceBytes` unless one line is longer), sorted by key; not yet parsed. */
  private loadPiece(b: Bucket): string[] {
    const left = b.size - b.readAt;
    let want = Math.min(left, this.pieceBytes);
    for (;;) {
      const buf = Buffer.allocUnsafe(want);
      let got = 0;
      while (got < want) {
        const n = readSync(b.fd, buf, got, want - got, b.readAt + got);
        if (n === 0) throw new Error('key-order spool: file shorter than written');
        got += n;
      }
      const end = buf.lastIndexOf(0x0a);
      if (end < 0) {
        // One line longer than a piece: read more of it.
        want = Math.min(left, want * 2);
        continue;
      }
      b.readAt += end + 1;
      return buf.toString('utf8', 0, end).split('\n').sort();
    }
  }

  /** The next `n` rows in key order (empty at the end); rows of one key in the order they were added. */
  next(n: number): SpooledRow[] {
    const out: SpooledRow[] = [];
    while (out.length < n) {
      if (this.readyAt < this.ready.length) {
        const take = Math.min(n - out.length, this.ready.length - this.readyAt);
        for (let i = 0; i < take; i++) {
          const line = this.ready[this.readyAt + i];
          if (line !== undefined) out.push(parseLine(line));
        }
        this.readyAt += take;
        continue;
      }
      const b = this.buckets[this.reading];
      if (b === undefined) break;
      if (b.readAt >= b.size) {
        this.reading += 1;
        continue;
      }
      this.ready = this.loadPiece(b);
      this.readyAt = 0;
    }
    this.read += out.length;
    if (out.length < n && this.read !== this.added) {
      throw new SamverkanError(
        'SAMV_ERR_INTERNAL',
        `Importen avbröts: ${String(this.added)} rader lades undan men ${String(this.read)} lästes tillbaka. Inget har sparats.`,
      );
    }
    return out;
  }

  /** Remove the spool (after the import, or when it fails). */
  drop(): void {
    for (const b of this.buckets) closeSync(b.fd);
    this.buckets = [];
    this.ready = [];
    this.removeDir();
  }
}
