/**
 * SIGKILL during the write phase of a large import, on both databases (issue 9, point 8): the real
 * server is killed while it stages rows, then restarted on the same database: `PRAGMA
 * integrity_check` (SQLite) is ok, `samverkan audit verify` exits 0, no part of the killed import
 * is visible or left behind, and the same file then imports completely.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPackages } from '../cli/cli-run.testkit.js';
import { databaseTargets, type TestDatabase } from '../testing/databases.testkit.js';
import {
  databaseEnv,
  generateDaytimeFile,
  runCli,
  signIn,
  startServerProcess,
  type ServerProcess,
} from '../testing/server-process.testkit.js';
import { openStore, type Store } from './db.js';

const ROWS = 20_000;

beforeAll(() => {
  buildPackages();
}, 180_000);

async function count(store: Store, sql: 'staging' | 'visible' | 'all'): Promise<number> {
  let q = store.db
    .selectFrom('import_rows')
    .innerJoin('imports', 'imports.id', 'import_rows.import_id')
    .select((eb) => eb.fn.countAll<number>().as('n'));
  if (sql === 'staging') q = q.where('imports.status', '=', 'staging');
  if (sql === 'visible') q = q.where('imports.status', '=', 'complete');
  return Number(String((await q.executeTakeFirstOrThrow()).n));
}

for (const target of databaseTargets) {
  describe.skipIf(!target.available)(`${target.name}: SIGKILL during writes`, () => {
    let db: TestDatabase;
    let dir: string;
    let env: Record<string, string>;
    let store: Store;
    let server: ServerProcess | undefined;

    beforeAll(async () => {
      db = await target.create();
      dir = mkdtempSync(join(tmpdir(), 'samverkan-kill-'));
      env = databaseEnv(db.options, join(dir, 'var'));
      server = await startServerProcess(env);
      store = openStore(db.options);
    }, 60_000);
    afterAll(async () => {
      await server?.kill();
      await store.close();
      await db.drop();
      rmSync(dir, { recursive: true, force: true });
    });

    async function restartAndCheck(): Promise<void> {
      server = await startServerProcess(env);
      if (target.name === 'SQLite') {
        const raw = new BetterSqlite3(db.options.sqliteFile, { readonly: true });
        try {
          expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
        } finally {
          raw.close();
        }
      }
      const verify = await runCli(['audit', 'verify', '--json'], env);
      expect(verify.status, verify.stdout + verify.stderr).toBe(0);
    }

    it(`leaves nothing of a ${String(ROWS)}-row import killed while writing, and imports the file whole after restart`, async () => {
      const file = join(dir, 'stor.csv');
      await generateDaytimeFile(file, ROWS, `KILL-${target.name}`);
      const bytes = readFileSync(file);
      const visibleBefore = await count(store, 'visible');
      const live = server;
      if (live === undefined) throw new Error('no server');
      const economist = await signIn(live.url, 'ekonom.region');
      const upload = economist.upload('daytime-assignments', bytes, 'stor.csv').catch(() => undefined);
      // Kill once the write phase has staged some rows, but long before the last one.
      const deadline = Date.now() + 30_000;
      let staged = 0;
      while (Date.now() < deadline) {
        staged = await count(store, 'staging');
        if (staged > 0) break;
        await new Promise((r) => setTimeout(r, 20));
      }
      expect(staged).toBeGreaterThan(0);
      expect(staged).toBeLessThan(ROWS);
      await live.kill('SIGKILL');
      await upload;
      expect(await count(store, 'visible')).toBe(visibleBefore);

      await restartAndCheck();
      expect(await count(store, 'staging')).toBe(0);
      expect(await count(store, 'all')).toBe(visibleBefore);
      const restarted = server;
      if (restarted === undefined) throw new Error('no server after restart');
      const again = await signIn(restarted.url, 'ekonom.region');
      const res = await again.upload('daytime-assignments', bytes, 'stor.csv');
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(res.body).toMatchObject({ rows: ROWS, inserted: ROWS, duplicates: 0 });
      expect(await count(store, 'visible')).toBe(visibleBefore + ROWS);
    }, 120_000);
  });
}
