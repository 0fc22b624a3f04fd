/**
 * Whether anything has been committed to a SQLite database since a moment, told without a
 * statement (decision 0185, amended). In WAL mode every commit, by any connection of any process,
 * rewrites the wal-index header at the start of the `-shm` file: two identical 48-byte copies
 * holding a counter "incremented with each transaction", the last valid frame and the WAL's
 * salts (https://www.sqlite.org/walformat.html, "The WAL-Index Header"; the writer stores the
 * second copy, then the first). Reading those 96 bytes is one `pread` (~1 µs), where any SQLite
 * statement — the reference-version query included — starts a read transaction with its locks
 * (8–13 µs through Kysely under load). Equal bytes mean no commit since; different bytes (or two
 * copies caught mid-write) only send the caller to its query, so a false "changed" is harmless
 * and a false "unchanged" would need a commit that left the header as it was, which SQLite never
 * does. The mapping SQLite writes and the file we read share the page cache, so a commit is
 * visible here as soon as it is visible to SQLite's own readers.
 *
 * Databases without a `-shm` file (`:memory:`, a journal mode other than WAL) and PostgreSQL get
 * no signal: their callers query every time, as before.
 */
import { fstatSync, openSync, readSync, statSync } from 'node:fs';
import { SqliteAdapter, sql, type Kysely } from 'kysely';
import type { Database } from '../store/schema.js';

/** Bytes of the two copies of the wal-index header. */
const HEADER_BYTES = 96;
const COPY_BYTES = 48;
/** Offset of `isInit` in a copy (1 once the header has been written). */
const IS_INIT = 12;

/** The header bytes at one moment; compare with `unchangedSince`. */
export type CommitStamp = Buffer;

/** One database's commit signal. */
export interface CommitSignal {
  /** The header now, or undefined when it could not be read whole (query instead). */
  stamp(): CommitStamp | undefined;
  /** True only when nothing was committed since `stamp` was taken. */
  unchangedSince(stamp: CommitStamp | undefined): boolean;
}

interface OpenShm {
  readonly fd: number;
  readonly dev: number;
  readonly ino: number;
}

// Descriptors of -shm files, one per file, never closed: POSIX drops every fcntl lock a process
// holds on a file when it closes *any* descriptor of that file, and SQLite's own connections in
// this process hold their shared-memory locks on it. A file replaced at the same path (tests
// that recreate a database) gets a new descriptor; the old one keeps only the unlinked inode.
const shmFiles = new Map<string, OpenShm>();

function openShm(path: string): number | undefined {
  let st;
  try {
    st = statSync(path);
  } catch {
    return undefined;
  }
  const known = shmFiles.get(path);
  if (known !== undefined && known.dev === st.dev && known.ino === st.ino) return known.fd;
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return undefined;
  }
  const opened = fstatSync(fd);
  shmFiles.set(path, { fd, dev: opened.dev, ino: opened.ino });
  return fd;
}

/** A signal over the -shm file descriptor `fd`. */
function shmSignal(fd: number): CommitSignal {
  const scratch = Buffer.alloc(HEADER_BYTES);
  const whole = (b: Buffer): boolean => b[IS_INIT] === 1 && b.compare(b, 0, COPY_BYTES, COPY_BYTES, HEADER_BYTES) === 0;
  return {
    stamp() {
      const b = Buffer.alloc(HEADER_BYTES);
      return readSync(fd, b, 0, HEADER_BYTES, 0) === HEADER_BYTES && whole(b) ? b : undefined;
    },
    unchangedSince(stamp) {
      if (stamp === undefined) return false;
      return readSync(fd, scratch, 0, HEADER_BYTES, 0) === HEADER_BYTES && scratch.equals(stamp);
    },
  };
}

interface DatabaseListRow {
  readonly name: string;
  readonly file: string;
}

/**
 * The commit signal of `db`, or undefined where there is none (PostgreSQL, SQLite in memory or
 * not in WAL mode). Asks SQLite once for the main file and its journal mode.
 */
export async function commitSignal(db: Kysely<Database>): Promise<CommitSignal | undefined> {
  if (!(db.getExecutor().adapter instanceof SqliteAdapter)) return undefined;
  const mode = (await sql<{ journal_mode: string }>`pragma journal_mode`.execute(db)).rows[0]?.journal_mode;
  if (mode?.toLowerCase() !== 'wal') return undefined;
  const main = (await sql<DatabaseListRow>`pragma database_list`.execute(db)).rows.find((r) => r.name === 'main');
  if (main === undefined || main.file === '') return undefined;
  const fd = openShm(`${main.file}-shm`);
  return fd === undefined ? undefined : shmSignal(fd);
}
