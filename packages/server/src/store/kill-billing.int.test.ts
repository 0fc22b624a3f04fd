/**
 * SIGKILL during a billing run, on both databases (issue 9, point 8): after records are imported,
 * the real server is killed while it computes and writes a run, then restarted: `PRAGMA
 * integrity_check` (SQLite) is ok, `samverkan audit verify` exits 0, and the run is whole (with
 * all its bases and lines) or absent; billing works again afterwards.
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

const ROWS = 8_000;

beforeAll(() => {
  buildPackages();
}, 180_000);

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

    it('leaves a billing run killed midway either whole or absent', async () => {
      const file = join(dir, 'mars.csv');
      await generateDaytimeFile(file, ROWS, `BILL-${target.name}`);
      const first = server;
      if (first === undefined) throw new Error('no server');
      const imported = await (await signIn(first.url, 'ekonom.region')).upload('daytime-assignments', readFileSync(file), 'mars.csv');
      expect(imported.status, JSON.stringify(imported.body)).toBe(201);
      for (const delayMs of [60]) {
        const live = server;
        if (live === undefined) throw new Error('no server');
        const admin = await signIn(live.url, 'ekonom.region');
        const runsBefore = await store.db.selectFrom('billing_runs').select('id').execute();
        const started = admin.request('POST', '/api/v1/billing-runs', { flow: 'dagtid', period: '2026-03' }).catch(() => undefined);
        await new Promise((r) => setTimeout(r, delayMs));
        await live.kill('SIGKILL');
        await started;
        await restartAndCheck();
        const runs = await store.db.selectFrom('billing_runs').select('id').execute();
        expect(runs.length - runsBefore.length).toBeLessThanOrEqual(1);
        const bases = await store.db.selectFrom('invoice_bases').select(['id', 'billing_run_id']).execute();
        const runIds = new Set(runs.map((r) => r.id));
        expect(bases.every((b) => b.billing_run_id === null || runIds.has(b.billing_run_id))).toBe(true);
        for (const r of runs)
          expect(
            bases.some((b) => b.billing_run_id === r.id),
            `run ${r.id} has no bases`,
          ).toBe(true);
        const lines = await store.db.selectFrom('invoice_lines').select('invoice_basis_id').execute();
        const withLines = new Set(lines.map((l) => l.invoice_basis_id));
        expect(bases.filter((b) => runIds.has(b.billing_run_id ?? '') && !withLines.has(b.id))).toEqual([]);
      }
      // The service goes on billing after the kills.
      const after = await signIn(server?.url ?? '', 'ekonom.region');
      expect([200, 201]).toContain((await after.request('POST', '/api/v1/billing-runs', { flow: 'dagtid', period: '2026-03' })).status);
    }, 120_000);
  });
}
