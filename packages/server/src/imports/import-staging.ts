/**
 * Staged imports (decision 0131): the rows of a large import are written in many short
 * transactions under an `imports` row with status `staging`, invisible to every reader, and become
 * visible in one short transaction that flips the status to `complete` (with the audit row). So
 * the single SQLite writer is never held for longer than one chunk, and all-or-nothing still
 * holds: a failed import removes its rows; a killed one leaves a staging import that the next
 * import or server start sweeps (its owner's process is gone, or its heartbeat is stale).
 *
 * One import stages at a time (unique index of migration 0007): another waits for it.
 */
import { hostname } from 'node:os';
import type { Insertable, Kysely, Transaction } from 'kysely';
import { SamverkanError } from '@samverkan/core';
import type { Store } from '../store/db.js';
import type { Database, ImportsTable } from '../store/schema.js';
import { nowIso } from '../store/clock.js';
import { isUniqueViolation } from '../billing/unique-violation.js';

/** A staging writer that has not written for this long is taken to be dead. */
export const STAGING_STALE_MS = 120_000;
/** How long a new import waits for another one's staging to finish. */
export const STAGING_WAIT_MS = 60_000;
/** Rows deleted per transaction when a staging import is discarded. */
const DISCARD_CHUNK = 2000;

const host = hostname();
const owner = `${host}:${String(process.pid)}`;

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Let waiting I/O (other requests) run. Reading a buffered file and better-sqlite3's calls resolve
 * as microtasks only, so without this a whole import could run before the next request is read.
 */
function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** True when `stagedBy` names a process on this machine that no longer runs. */
function ownerIsGone(stagedBy: string | null): boolean {
  if (stagedBy === null) return true;
  const at = stagedBy.lastIndexOf(':');
  if (stagedBy.slice(0, at) !== host) return false;
  const pid = Number(stagedBy.slice(at + 1));
  if (!Number.isSafeInteger(pid) || pid <= 0) return true;
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (e) {
    // EPERM: the process exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/** Remove a staging import and its rows, a chunk per transaction. */
export async function discardStaging(store: Store, importId: string): Promise<void> {
  for (;;) {
    const deleted = await store.transaction(async (trx) => {
      const ids = await trx.selectFrom('import_rows').select('id').where('import_id', '=', importId).limit(DISCARD_CHUNK).execute();
      if (ids.length === 0) return 0;
      await trx
        .deleteFrom('import_rows')
        .where(
          'id',
          'in',
          ids.map((r) => r.id),
        )
        .execute();
      return ids.length;
    });
    if (deleted < DISCARD_CHUNK) break;
  }
  await store.transaction(async (trx) => {
    await trx.deleteFrom('imports').where('id', '=', importId).where('status', '=', 'staging').execute();
  });
}

/** Sweep staging imports whose writer is gone (same machine) or silent for too long. Returns their ids. */
export async function sweepDeadStagings(store: Store): Promise<string[]> {
  const stale = new Date(Date.now() - STAGING_STALE_MS).toISOString();
  const rows = await store.db.selectFrom('imports').select(['id', 'staged_by', 'heartbeat_at']).where('status', '=', 'staging').execute();
  const dead = rows.filter((r) => ownerIsGone(r.staged_by) || r.heartbeat_at === null || r.heartbeat_at < stale);
  for (const r of dead) await discardStaging(store, r.id);
  return dead.map((r) => r.id);
}

/** An import being staged. */
export interface Staging {
  readonly importId: string;
  /** Run `fn` in one short transaction of the staging (and mark the writer alive). */
  transaction<T>(fn: (trx: Transaction<Database>) => Promise<T>): Promise<T>;
  /** Make the import visible in one short transaction, after `fn` (final writes, audit). */
  publish<T>(fn: (trx: Transaction<Database>) => Promise<T>): Promise<T>;
  /** Remove everything staged (after a failure). */
  discard(): Promise<void>;
}

/**
 * Start staging `row` (its `uploaded_at` is set here, strictly later than every earlier import).
 * Waits while another live import stages; sweeps dead ones.
 */
export async function beginStaging(
  store: Store,
  row: Omit<Insertable<ImportsTable>, 'status' | 'staged_by' | 'heartbeat_at' | 'uploaded_at'>,
): Promise<{ staging: Staging; uploadedAt: string }> {
  const deadline = Date.now() + STAGING_WAIT_MS;
  let uploadedAt = '';
  for (;;) {
    try {
      uploadedAt = await store.transaction(async (trx) => {
        const at = await uploadTime(trx);
        await trx
          .insertInto('imports')
          .values({ ...row, uploaded_at: at, status: 'staging', staged_by: owner, heartbeat_at: nowIso() })
          .execute();
        return at;
      });
      break;
    } catch (e) {
      if (!isUniqueViolation(e)) throw e;
      if ((await sweepDeadStagings(store)).length > 0) continue;
      if (Date.now() > deadline) {
        throw new SamverkanError(
          'SAMV_ERR_CONFLICT',
          `En annan import skrivs just nu och blev inte klar inom ${String(STAGING_WAIT_MS / 1000)} sekunder; inget har sparats. Försök igen när den är klar.`,
          {
            field: 'kind',
          },
        );
      }
      await sleep(250);
    }
  }
  const importId = row.id;
  const alive = (trx: Kysely<Database>) =>
    trx
      .updateTable('imports')
      .set({ heartbeat_at: nowIso() })
      .where('id', '=', importId)
      .where('status', '=', 'staging')
      .executeTakeFirst();
  const stillOurs = async (trx: Kysely<Database>): Promise<void> => {
    const r = await alive(trx);
    if (Number(r.numUpdatedRows) !== 1) {
      throw new SamverkanError(
        'SAMV_ERR_CONFLICT',
        'Importen avbröts: den låg still så länge att den städades bort. Inget har sparats; importera filen igen.',
        { field: 'kind' },
      );
    }
  };
  return {
    uploadedAt,
    staging: {
      importId,
      async transaction(fn) {
        await yieldToEventLoop();
        return store.transaction(async (trx) => {
          await stillOurs(trx);
          return fn(trx);
        });
      },
      publish: async (fn) => {
        await yieldToEventLoop();
        return store.transaction(async (trx) => {
          await stillOurs(trx);
          await trx
            .updateTable('imports')
            .set({ status: 'complete', staged_by: null, heartbeat_at: null })
            .where('id', '=', importId)
            .execute();
          return fn(trx);
        });
      },
      discard: () => discardStaging(store, importId),
    },
  };
}

/** Strictly later than every earlier import, so "newest import wins" has no ties. */
async function uploadTime(trx: Transaction<Database>): Promise<string> {
  const now = nowIso();
  const last = await trx
    .selectFrom('imports')
    .select((eb) => eb.fn.max('uploaded_at').as('at'))
    .executeTakeFirst();
  const at = last?.at ?? null;
  if (at === null || at < now) return now;
  return new Date(Date.parse(at) + 1).toISOString();
}
