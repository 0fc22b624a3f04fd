/**
 * The key-order spool (decisions 0211, 0260): every row added comes back once, in natural-key
 * order, with rows of one key (a record given twice in a file) in the order they were added,
 * across page and bucket boundaries; a bucket larger than a piece still gives every row once;
 * dropping it leaves no file behind.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
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

  const ALPHABET = '-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz!';

  it('gives back every row once, sorted by key, ties in the order added, page by page', () => {
    expect(spoolsInKeyOrder(store.db)).toBe(true);
    const spool = new KeyOrderSpool(store.db, '0190d3c2-7e1a-7000-8000-00000000abcd');
    const added: SpooledRow[] = [];
    for (let i = 0; i < 2345; i++) {
      // Keys repeat every 1000 lines, so each key occurs two or three times.
      // Keys of every first character of the base64url alphabet (every bucket), and beyond it.
      const key = `${ALPHABET[(i * 7919) % ALPHABET.length] ?? 'A'}${String((i * 7919) % 1000).padStart(4, '0')}`;
      const row: SpooledRow = [i + 2, '2026-09', 'region', '2380', '2380', i % 3 === 0 ? null : i, `["${String(i)}"]`, key, null];
      added.push(row);
      spool.add(row);
    }
    spool.seal();
    const read: SpooledRow[] = [];
    for (;;) {
      const page = spool.next(100);
      if (page.length === 0) break;
      read.push(...page);
    }
    const expected = [...added].sort((a, b) => (a[7] < b[7] ? -1 : a[7] > b[7] ? 1 : a[0] - b[0]));
    expect(read).toEqual(expected);
    spool.drop();
    expect(readdirSync(tmpdir()).filter((n) => n.startsWith('samverkan-spool-0190d3c27e1a70008000'))).toEqual([]);
  });

  it('gives back every row once when a bucket is larger than a piece (one key prefix throughout)', () => {
    const spool = new KeyOrderSpool(store.db, '0190d3c2-7e1a-7000-8000-00000000abce', 4096);
    const added: SpooledRow[] = [];
    for (let i = 0; i < 3000; i++) {
      const row: SpooledRow = [
        i + 2,
        '2026-09',
        'region',
        '2380',
        '2380',
        null,
        `["${'x'.repeat(i % 50)}\\n"]`,
        `Q${String((i * 31) % 3000)}`,
        null,
      ];
      added.push(row);
      spool.add(row);
    }
    spool.seal();
    const read: SpooledRow[] = [];
    for (let page = spool.next(700); page.length > 0; page = spool.next(700)) read.push(...page);
    spool.drop();
    const byLine = (a: SpooledRow, b: SpooledRow) => a[0] - b[0];
    expect([...read].sort(byLine)).toEqual(added);
  });

  it('refuses a key with a control character (its line would sort out of key order) instead of misplacing the row', () => {
    const spool = new KeyOrderSpool(store.db, '0190d3c2-7e1a-7000-8000-00000000abcf');
    const row: SpooledRow = [2, '2026-09', 'region', '2380', '2380', null, '[]', 'A\tB', null];
    expect(() => {
      spool.add(row);
    }).toThrow(/styrtecken/);
    spool.drop();
  });
});
