/**
 * The backup and restore of docs/operations.md, performed and verified: the real `samverkan db
 * backup` copies a populated database while the service runs and takes writes, `samverkan db
 * restore` reads it back into a new SQLite file (or, with TEST_DATABASE_URL and pg_dump, into a
 * new PostgreSQL database) and checks the counts and `audit verify` against the backup's signed
 * checkpoint. A backup changed beside the service is refused at restore with exit 3.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPackages, repoRoot } from '../cli/cli-run.testkit.js';
import { startServer, type RunningServer } from '../app/start-server.js';
import { readAuditSettings } from '../audit/audit-key.js';
import { readAgreement } from '../agreement/read-agreement-dir.js';
import { postgresTarget, type TestDatabase } from '../testing/databases.testkit.js';
import { login } from '../testing/test-server.testkit.js';
import { prepareStore } from './prepare-store.js';
import { searchPathOf, type TableCounts } from './backup.js';

const bin = join(repoRoot, 'packages/server/bin/samverkan.js');

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function cli(args: string[], env: NodeJS.ProcessEnv): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn('node', [bin, ...args], { cwd: repoRoot, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.on('exit', (status) => {
      resolve({ status, stdout, stderr });
    });
  });
}

function baseEnv(varDir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, SAMVERKAN_VAR_DIR: varDir, LOG_LEVEL: 'warn' };
  for (const k of [
    'DATABASE_URL',
    'SAMVERKAN_DB_FILE',
    'SAMVERKAN_AUDIT_KEY',
    'SAMVERKAN_AUDIT_KEY_FILE',
    'SAMVERKAN_AUDIT_CHECKPOINTS',
    'NODE_ENV',
  ])
    env[k] = undefined;
  return Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined));
}

interface Restored {
  counts: TableCounts;
  audit: { ok: boolean; rows: number; checkpoints: number };
}

beforeAll(() => {
  buildPackages();
}, 240_000);

describe('SQLite: backup while the service runs, restore to a new file, verify', () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  let server: RunningServer;
  const live = (): string => join(dir, 'live.sqlite');

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'samverkan-backup-'));
    env = baseEnv(join(dir, 'var'));
    const audit = readAuditSettings(env, join(dir, 'var'), { sqliteFile: live() });
    server = await startServer({
      port: 0,
      host: '127.0.0.1',
      sqliteFile: live(),
      audit,
      demo: true,
      webDir: '/nonexistent',
      logLevel: 'warn',
      sessionSecret: 'x'.repeat(40),
      spoolDir: join(dir, 'spool'),
    });
  }, 60_000);
  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('copies a consistent snapshot while writes go on, and the restore verifies', async () => {
    const admin = await login(server.url, 'admin');
    const backupFile = join(dir, 'kopia.sqlite');
    // Writes through the service while the backup runs in another process.
    const backup = cli(['db', 'backup', backupFile, '--json'], { ...env, SAMVERKAN_DB_FILE: live() });
    const writes: Promise<{ status: number }>[] = [];
    for (let i = 0; i < 6; i++)
      writes.push(admin.request('POST', '/api/v1/users', { username: `under.kopiering.${String(i)}`, role: 'viewer' }));
    const [b, ...w] = await Promise.all([backup, ...writes]);
    expect(b.status, b.stderr).toBe(0);
    expect(w.map((r) => r.status)).toEqual(Array(6).fill(201));
    const made = JSON.parse(b.stdout) as { counts: TableCounts; checkpoint: { count: number } };
    expect(made.counts.users).toBeGreaterThanOrEqual(6);
    expect(existsSync(`${backupFile}.checkpoint.json`)).toBe(true);

    const target = join(dir, 'aterlast.sqlite');
    const r = await cli(['db', 'restore', backupFile, '--json'], { ...env, SAMVERKAN_DB_FILE: target });
    expect(r.status, r.stderr).toBe(0);
    const restored = JSON.parse(r.stdout) as Restored;
    // The snapshot holds the rows up to its checkpoint and every object matches its audited state.
    expect(restored.audit).toMatchObject({ ok: true });
    expect(restored.audit.rows).toBeGreaterThanOrEqual(made.checkpoint.count);
    expect(restored.audit.checkpoints).toBeGreaterThanOrEqual(2);
    const conn = new BetterSqlite3(backupFile, { readonly: true });
    try {
      for (const [table, n] of Object.entries(restored.counts))
        expect((conn.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n, table).toBe(n);
      expect(conn.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      conn.close();
    }
    const verify = await cli(['audit', 'verify', '--json'], { ...env, SAMVERKAN_DB_FILE: target });
    expect(verify.status, verify.stderr).toBe(0);
    expect(JSON.parse(verify.stdout)).toMatchObject({ ok: true, rows: restored.audit.rows });
  }, 120_000);

  it('refuses a backup changed beside the service (exit 3) and never overwrites a file', async () => {
    const backupFile = join(dir, 'kopia2.sqlite');
    expect((await cli(['db', 'backup', backupFile], { ...env, SAMVERKAN_DB_FILE: live() })).status).toBe(0);
    const again = await cli(['db', 'backup', backupFile], { ...env, SAMVERKAN_DB_FILE: live() });
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('filen finns redan');
    const conn = new BetterSqlite3(backupFile);
    try {
      conn.prepare("update users set role = 'admin' where username = 'lasare'").run();
    } finally {
      conn.close();
    }
    const r = await cli(['db', 'restore', backupFile], { ...env, SAMVERKAN_DB_FILE: join(dir, 'aterlast2.sqlite') });
    expect(r.status).toBe(3);
    expect(r.stderr).toContain('har ändrats utanför tjänsten');
  }, 120_000);
});

const hasPgTools = spawnSync('pg_dump', ['--version']).status === 0 && spawnSync('pg_restore', ['--version']).status === 0;

describe.skipIf(!postgresTarget.available || !hasPgTools)(
  'PostgreSQL: pg_dump while the service runs, pg_restore into a new database, verify',
  () => {
    let db: TestDatabase;
    let dir: string;
    let env: NodeJS.ProcessEnv;
    let server: RunningServer;
    let restoreDb: string;
    const adminUrl = process.env['TEST_DATABASE_URL'] ?? '';

    beforeAll(async () => {
      db = await postgresTarget.create();
      dir = mkdtempSync(join(tmpdir(), 'samverkan-pgbackup-'));
      env = baseEnv(join(dir, 'var'));
      const url = db.options.databaseUrl ?? '';
      const audit = readAuditSettings(env, join(dir, 'var'), { databaseUrl: url, sqliteFile: '' });
      server = await startServer({
        port: 0,
        host: '127.0.0.1',
        databaseUrl: url,
        audit,
        demo: true,
        webDir: '/nonexistent',
        logLevel: 'warn',
        sessionSecret: 'x'.repeat(40),
        spoolDir: join(dir, 'spool'),
      });
      restoreDb = `samv_restore_${randomBytes(5).toString('hex')}`;
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      try {
        await c.query(`create database ${restoreDb}`);
      } finally {
        await c.end();
      }
    }, 60_000);
    afterAll(async () => {
      await server.close();
      await db.drop();
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      try {
        await c.query(`drop database if exists ${restoreDb}`);
      } finally {
        await c.end();
      }
      rmSync(dir, { recursive: true, force: true });
    });

    it('restores the dump with the same counts and an intact audit trail', async () => {
      const url = db.options.databaseUrl ?? '';
      const dump = join(dir, 'kopia.dump');
      const b = await cli(['db', 'backup', dump, '--json'], { ...env, DATABASE_URL: url });
      expect(b.status, b.stderr).toBe(0);
      const made = JSON.parse(b.stdout) as { counts: TableCounts };
      const target = new URL(adminUrl);
      target.pathname = `/${restoreDb}`;
      target.searchParams.set('options', `-c search_path=${searchPathOf(url) ?? 'public'}`);
      const r = await cli(['db', 'restore', dump, '--json'], { ...env, DATABASE_URL: target.toString() });
      expect(r.status, r.stderr).toBe(0);
      const restored = JSON.parse(r.stdout) as Restored;
      expect(restored.counts).toEqual(made.counts);
      expect(restored.audit).toMatchObject({ ok: true, rows: made.counts.audit_log });
      // The restored database is usable by the service as is.
      const agreement = readAgreement();
      const again = await prepareStore(
        {
          databaseUrl: target.toString(),
          sqliteFile: '',
          audit: readAuditSettings(env, join(dir, 'var'), { databaseUrl: target.toString(), sqliteFile: '' }),
        },
        agreement,
        false,
      );
      await again.store.close();
    }, 120_000);
  },
);
