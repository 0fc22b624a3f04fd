/**
 * The effective agreement and the current index series, read from the store once per change
 * instead of on every calculation request (issue 11: two reads and a merge per request).
 *
 * The key is the reference version: the row count and latest `recorded_at` of `index_values`
 * and `parameter_values`. Both tables are append-only (a change records a new version, nothing
 * is updated or deleted), so every writer moves the version inside its own transaction by
 * construction: the routes, the CLI in another process, the index-values import, a restore. A
 * recorded value shows on the next call, in this process or any other (decision 0185).
 *
 * On SQLite the version is read only after a commit: the wal-index header (commit-signal.ts)
 * tells in one `pread` whether any connection of any process has committed since the cached
 * pair was confirmed, and a statement — which in WAL mode starts a read transaction — is run
 * only then. PostgreSQL (and SQLite without WAL) reads the version on every call.
 */
import { sql, type CompiledQuery, type Kysely } from 'kysely';
import type { Agreement, IndexSeries } from '@samverkan/core';
import type { Database } from '../store/schema.js';
import { effectiveAgreement } from './effective-agreement.js';
import { currentIndexSeries } from './index-values.js';
import { commitSignal, type CommitSignal, type CommitStamp } from './commit-signal.js';

/** What a calculation reads besides its input. */
export interface CalculationReference {
  readonly agreement: Agreement;
  readonly index: IndexSeries;
}

interface VersionRow {
  readonly ni: unknown;
  readonly ti: unknown;
  readonly np: unknown;
  readonly tp: unknown;
}

interface Entry {
  readonly shipped: Agreement;
  readonly version: string;
  readonly value: CalculationReference;
  /** The commit signal's header from before the version was last read and found equal. */
  stamp: CommitStamp | undefined;
}

interface PerStore {
  readonly versionQuery: CompiledQuery<VersionRow>;
  entry: Entry | undefined;
  /** Looked up on first use; null: this database has none (the version is read every call). */
  signal: Promise<CommitSignal | null> | undefined;
  /** The signal once looked up, for the synchronous `currentCalculationReference`. */
  signalNow: CommitSignal | undefined;
}

const stores = new WeakMap<Kysely<Database>, PerStore>();

function perStore(db: Kysely<Database>): PerStore {
  let s = stores.get(db);
  if (s === undefined) {
    // Compiled once per store: the request pays for one prepared statement, not a query build.
    const versionQuery =
      sql<VersionRow>`select (select count(*) from index_values) as ni, (select max(recorded_at) from index_values) as ti, (select count(*) from parameter_values) as np, (select max(recorded_at) from parameter_values) as tp`.compile(
        db,
      );
    s = { versionQuery, entry: undefined, signal: undefined, signalNow: undefined };
    stores.set(db, s);
  }
  return s;
}

function text(v: unknown): string {
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'bigint' ? String(v) : '';
}

/** The reference version of the store now (changes with every recorded parameter or index value). */
export async function referenceVersion(db: Kysely<Database>): Promise<string> {
  const r = (await db.executeQuery(perStore(db).versionQuery)).rows[0];
  return r === undefined ? '' : `${text(r.ni)}|${text(r.ti)}|${text(r.np)}|${text(r.tp)}`;
}

/** The effective agreement and index series, from memory while the reference version is unchanged. */
export async function calculationReference(db: Kysely<Database>, shipped: Agreement): Promise<CalculationReference> {
  const s = perStore(db);
  s.signal ??= commitSignal(db).then((x) => x ?? null);
  const signal = await s.signal;
  s.signalNow = signal ?? undefined;
  const cached = s.entry;
  if (signal !== null && cached !== undefined && cached.shipped === shipped && signal.unchangedSince(cached.stamp)) return cached.value;
  // Taken before the version is read: a commit landing in between makes the next call read again.
  const stamp = signal?.stamp();
  const version = await referenceVersion(db);
  if (cached !== undefined && cached.version === version && cached.shipped === shipped) {
    cached.stamp = stamp;
    return cached.value;
  }
  // Read after the version: a write landing in between is cached under the older version and
  // read again on the next call, never the other way round.
  const [agreement, index] = await Promise.all([effectiveAgreement(db, shipped), currentIndexSeries(db)]);
  const value: CalculationReference = { agreement, index };
  s.entry = { shipped, version, value, stamp };
  return value;
}

/**
 * The cached pair when it is known to hold without waiting for anything — SQLite with its commit
 * signal, nothing committed since the pair was last confirmed — else undefined (then await
 * `calculationReference`). Lets a route answer from its recent answers without a promise.
 */
export function currentCalculationReference(db: Kysely<Database>, shipped: Agreement): CalculationReference | undefined {
  const s = stores.get(db);
  const signal = s?.signalNow;
  const cached = s?.entry;
  return signal !== undefined && cached !== undefined && cached.shipped === shipped && signal.unchangedSince(cached.stamp)
    ? cached.value
    : undefined;
}
