/**
 * Write transactions on one SQLite file from two connections (two processes in production): the
 * second waits for the first's write lock instead of failing with SQLITE_BUSY, and while it waits
 * the event loop keeps running (a busy wait in BEGIN would stall every request of the process).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../db.js';

describe('SQLite: BEGIN IMMEDIATE with retry', () => {
  let dir: string;
  let a: Store;
  let b: Store;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'samverkan-immediate-'));
    const file = join(dir, 'x.sqlite');
    a = openStore({ sqliteFile: file });
    b = openStore({ sqliteFile: file });
    await sql`create table t (n integer not null)`.execute(a.db);
  });
  afterAll(async () => {
    await a.close();
    await b.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('makes a second writer wait for the first, with the event loop free, and both commit', async () => {
    let release: () => void = () => undefined;
    const held = new Promise<void>((r) => (release = r));
    let aStarted: () => void = () => undefined;
    const aIn = new Promise<void>((r) => (aStarted = r));
    // A reads, then holds its transaction open for 400 ms before writing: the pattern that gave
    // SQLITE_BUSY with deferred BEGIN when another connection wrote in between.
    const first = a.db.transaction().execute(async (trx) => {
      await sql`select count(*) from t`.execute(trx);
      aStarted();
      await held;
      await sql`insert into t (n) values (1)`.execute(trx);
    });
    await aIn;
    let ticks = 0;
    const ticker = setInterval(() => (ticks += 1), 20);
    const second = b.db.transaction().execute(async (trx) => {
      const before = await sql<{ n: number }>`select count(*) as n from t`.execute(trx);
      await sql`insert into t (n) values (2)`.execute(trx);
      return before.rows[0]?.n;
    });
    setTimeout(release, 400);
    await first;
    // B began only after A committed, so it saw A's row.
    expect(await second).toBe(1);
    clearInterval(ticker);
    expect(ticks).toBeGreaterThanOrEqual(10);
    const rows = await sql<{ n: number }>`select n from t order by n`.execute(a.db);
    expect(rows.rows.map((r) => r.n)).toEqual([1, 2]);
  });
});
