/**
 * The SQLite commit signal (commit-signal.ts): unchanged while nothing is committed (reads by
 * any connection leave it), changed by a commit of this connection, of a second connection in
 * this process, of another process, and after a checkpoint restarted the WAL. None on
 * PostgreSQL or in memory.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openStore, type Store } from '../store/db.js';
import { postgresTarget, sqliteTarget, type TestDatabase } from '../testing/databases.testkit.js';
import { commitSignal, type CommitSignal } from './commit-signal.js';

const serverPackage = fileURLToPath(new URL('../../', import.meta.url));

/** A commit by another process: a plain better-sqlite3 connection in a child `node`. */
function commitInAnotherProcess(file: string, statement: string): void {
  const script = `const D = require('better-sqlite3'); const d = new D(process.argv[1]); d.pragma('busy_timeout = 5000'); d.exec(process.argv[2]); d.close();`;
  const r = spawnSync(process.execPath, ['-e', script, file, statement], { cwd: serverPackage, encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
}

describe('SQLite: commit signal', () => {
  let db: TestDatabase;
  let store: Store;
  let other: Store;
  let signal: CommitSignal;
  beforeAll(async () => {
    db = await sqliteTarget.create();
    store = openStore(db.options);
    await store.migrate();
    other = openStore(db.options);
    const s = await commitSignal(store.db);
    if (s === undefined) throw new Error('no commit signal on a SQLite file in WAL mode');
    signal = s;
    await sql`create table signal_probe (x integer)`.execute(store.db);
  });
  afterAll(async () => {
    await other.close();
    await store.close();
    await db.drop();
  });

  it('stays unchanged through reads, by this connection, another one and another process', async () => {
    const stamp = signal.stamp();
    expect(stamp).toBeDefined();
    expect(signal.unchangedSince(stamp)).toBe(true);
    await sql`select count(*) from signal_probe`.execute(store.db);
    await sql`select count(*) from index_values`.execute(other.db);
    commitInAnotherProcess(db.options.sqliteFile, 'select count(*) from signal_probe');
    expect(signal.unchangedSince(stamp)).toBe(true);
  });

  it('changes with a commit of this connection', async () => {
    const stamp = signal.stamp();
    await sql`insert into signal_probe values (1)`.execute(store.db);
    expect(signal.unchangedSince(stamp)).toBe(false);
  });

  it('changes with a commit of a second connection in this process', async () => {
    const stamp = signal.stamp();
    await sql`insert into signal_probe values (2)`.execute(other.db);
    expect(signal.unchangedSince(stamp)).toBe(false);
  });

  it('changes with a commit of another process, also after a checkpoint restarted the WAL', async () => {
    let stamp = signal.stamp();
    commitInAnotherProcess(db.options.sqliteFile, 'insert into signal_probe values (3)');
    expect(signal.unchangedSince(stamp)).toBe(false);
    await sql`pragma wal_checkpoint(TRUNCATE)`.execute(store.db);
    stamp = signal.stamp();
    commitInAnotherProcess(db.options.sqliteFile, 'insert into signal_probe values (4)');
    expect(signal.unchangedSince(stamp)).toBe(false);
    // The other process is gone and this connection still reads its commits.
    expect((await sql<{ n: number }>`select count(*) as n from signal_probe`.execute(store.db)).rows[0]?.n).toBe(4);
  });

  it('a rolled-back transaction leaves it unchanged', async () => {
    const stamp = signal.stamp();
    await expect(
      store.transaction(async (trx) => {
        await sql`insert into signal_probe values (5)`.execute(trx);
        throw new Error('rolled back on purpose');
      }),
    ).rejects.toThrow('rolled back on purpose');
    expect(signal.unchangedSince(stamp)).toBe(true);
  });

  it('a missing stamp never counts as unchanged', () => {
    expect(signal.unchangedSince(undefined)).toBe(false);
  });
});

describe('SQLite in memory: no commit signal', () => {
  it('has none (callers read the version every time)', async () => {
    const store = openStore({ sqliteFile: ':memory:' });
    try {
      expect(await commitSignal(store.db)).toBeUndefined();
    } finally {
      await store.close();
    }
  });
});

describe.skipIf(!postgresTarget.available)('PostgreSQL: no commit signal', () => {
  it('has none (the version is read on every call)', async () => {
    const db = await postgresTarget.create();
    const store = openStore(db.options);
    try {
      expect(await commitSignal(store.db)).toBeUndefined();
    } finally {
      await store.close();
      await db.drop();
    }
  });
});
