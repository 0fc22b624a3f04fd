/**
 * The SQLite spool (decision 0211): every row added comes back once, in natural-key order, with
 * rows of one key (a record given twice in a file) in the order they were added, across page
 * boundaries; dropping it leaves no table behind.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openStore, type Store } from '../../store/db.js';
import { KeyOrderSpool, spoolsInKeyOrder, type SpooledRow } from './key-order-spool.js';

describe('SQLite: key-order spool', () => {
  let store: Store;
  beforeAll(() => {
    store = openStore({ sqliteFile: ':memory:' });
  });
  afterAll(async () => {
    await store.close();
  });

  it('gives back every row once, sorted by key, ties in the order added, page by page', async () => {
    expect(spoolsInKeyOrder(store.db)).toBe(true);
    const spool = new KeyOrderSpool(store.db, '0190d3c2-7e1a-7000-8000-00000000abcd');
    const added: SpooledRow[] = [];
    for (let i = 0; i < 2345; i++) {
      // Keys repeat every 1000 lines, so each key occurs two or three times.
      const key = `k${String((i * 7919) % 1000).padStart(4, '0')}`;
      const row: SpooledRow = [i + 2, '2026-09', 'region', '2380', '2380', i % 3 === 0 ? null : i, `["${String(i)}"]`, key, null];
      added.push(row);
      await spool.add(row);
    }
    await spool.seal();
    const read: SpooledRow[] = [];
    for (;;) {
      const page = await spool.next(100);
      if (page.length === 0) break;
      read.push(...page);
    }
    const expected = [...added].sort((a, b) => (a[7] < b[7] ? -1 : a[7] > b[7] ? 1 : a[0] - b[0]));
    expect(read).toEqual(expected);
    await spool.drop();
    const left = await sql<{ n: number }>`select count(*) as n from temp.sqlite_master where name like 'samv_spool_%'`.execute(store.db);
    expect(left.rows[0]?.n).toBe(0);
  });
});
