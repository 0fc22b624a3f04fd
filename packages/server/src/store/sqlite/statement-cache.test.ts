import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { CachedStatements } from './statement-cache.js';

describe('CachedStatements', () => {
  it('prepares each SQL text once and answers like a fresh statement', () => {
    const db = new BetterSqlite3(':memory:');
    db.exec('create table t (k integer primary key, v text)');
    const cache = new CachedStatements(db, 4);
    const insert = cache.prepare('insert into t (k, v) values (?, ?)');
    expect(cache.prepare('insert into t (k, v) values (?, ?)')).toBe(insert);
    insert.run([1, 'a']);
    cache.prepare('insert into t (k, v) values (?, ?)').run([2, 'b']);
    expect(cache.prepare('select v from t order by k').all([])).toEqual([{ v: 'a' }, { v: 'b' }]);
    expect(cache.cached).toBe(2);
    cache.close();
  });

  it('keeps at most its size, dropping the least recently used', () => {
    const db = new BetterSqlite3(':memory:');
    const cache = new CachedStatements(db, 2);
    const one = cache.prepare('select 1 as x');
    const two = cache.prepare('select 2 as x');
    expect(cache.prepare('select 1 as x')).toBe(one); // now the most recent
    cache.prepare('select 3 as x'); // evicts "select 2"
    expect(cache.cached).toBe(2);
    expect(cache.prepare('select 1 as x')).toBe(one);
    expect(cache.prepare('select 2 as x')).not.toBe(two);
    cache.close();
  });

  it('survives a schema change under a cached statement (SQLite re-prepares it)', () => {
    const db = new BetterSqlite3(':memory:');
    db.exec('create table t (a integer)');
    const cache = new CachedStatements(db);
    cache.prepare('insert into t (a) values (?)').run([1]);
    db.exec('alter table t add column b text');
    cache.prepare('insert into t (a) values (?)').run([2]);
    expect(cache.prepare('select * from t order by a').all([])).toEqual([
      { a: 1, b: null },
      { a: 2, b: null },
    ]);
    cache.close();
  });
});
