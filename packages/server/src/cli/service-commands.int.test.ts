/**
 * The service's CLI commands against both databases: `db init [--demo]`, `users add`, `audit
 * verify` (exit 3 naming a tampered row), and `start` (prints the URL and demo sign-ins; SIGTERM
 * shuts down gracefully with exit 0). In-process through the CLI's entry (decision 0207); the real
 * binary once per command for what only a process shows — its exit code with stdout and stderr
 * apart, a password read from a real standard input — and `start` always as a process (a signal).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../config.js';
import { databaseTargets, type TestDatabase } from '../testing/databases.testkit.js';
import { buildPackages, samverkanInProcess } from './cli-run.testkit.js';
import { openStore } from '../store/db.js';
import { migrations } from '../store/migrations/index.js';

// Every migration is applied by the first `db init`, whatever their number.
const migrationNames = Object.keys(migrations);

const bin = join(repoRoot, 'packages/server/bin/samverkan.js');

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

beforeAll(() => {
  // The binary runs compiled code: build it when it is missing or older than the sources.
  buildPackages();
  if (!existsSync(join(repoRoot, 'packages/server/dist/cli/commands/audit-verify.js'))) throw new Error('bygget saknas');
}, 180_000);

for (const target of databaseTargets) {
  describe.skipIf(!target.available)(`${target.name}: samverkan db init, users add, audit verify, start`, () => {
    let db: TestDatabase;
    let varDir: string;
    let env: NodeJS.ProcessEnv;

    /** The real binary (a process of its own). */
    const binary = (args: string[], input?: string, extra: NodeJS.ProcessEnv = {}): Run => {
      const r = spawnSync('node', [bin, ...args], {
        cwd: repoRoot,
        env: { ...env, ...extra },
        input: input ?? '',
        encoding: 'utf8',
        timeout: 60_000,
      });
      return { status: r.status, stdout: r.stdout, stderr: r.stderr };
    };
    /** The same command in this process; the keys removed from `env` stay removed. */
    const run = (args: string[], input?: string, extra: NodeJS.ProcessEnv = {}): Promise<Run> =>
      samverkanInProcess(args, {
        env: { ...env, DATABASE_URL: env['DATABASE_URL'], SAMVERKAN_PASSWORD: env['SAMVERKAN_PASSWORD'], ...extra },
        stdin: input ?? '',
      });

    beforeAll(async () => {
      db = await target.create();
      varDir = mkdtempSync(join(tmpdir(), 'samverkan-cli-'));
      env = { ...process.env, SAMVERKAN_VAR_DIR: varDir, LOG_LEVEL: 'warn' };
      delete env['DATABASE_URL'];
      delete env['SAMVERKAN_PASSWORD'];
      if (db.options.databaseUrl !== undefined) env['DATABASE_URL'] = db.options.databaseUrl;
      else env['SAMVERKAN_DB_FILE'] = db.options.sqliteFile;
    });
    afterAll(async () => {
      await db.drop();
      rmSync(varDir, { recursive: true, force: true });
    });

    it('db init creates the database once and reports it', async () => {
      // The binary: exit 0 and the JSON document alone on stdout.
      const first = binary(['db', 'init', '--json']);
      expect(first.stderr).toBe('');
      expect(first.status).toBe(0);
      expect(JSON.parse(first.stdout)).toMatchObject({
        kind: target.name === 'SQLite' ? 'sqlite' : 'postgres',
        migrationsApplied: migrationNames,
        municipalities: 8,
        demoLoaded: false,
      });
      const again = await run(['db', 'init']);
      expect(again.status).toBe(0);
      expect(again.stdout).toContain('Inga nya migreringar.');
    });

    it('users add takes the password from stdin or SAMVERKAN_PASSWORD, never argv', async () => {
      // The binary, so the password comes through a real process's standard input.
      const r = binary(
        [
          'users',
          'add',
          '--username',
          'Kalle.Ekonom',
          '--role',
          'municipality_economist',
          '--municipality',
          'Östersund',
          '--password-stdin',
          '--json',
        ],
        'ett-riktigt-langt-losenord\n',
      );
      expect(r.status).toBe(0);
      expect(JSON.parse(r.stdout)).toMatchObject({
        user: { username: 'kalle.ekonom', role: 'municipality_economist', municipality: '2380', hasPassword: true },
      });
      const viaEnv = await run(['users', 'add', '--username', 'admin2', '--role', 'admin'], undefined, {
        SAMVERKAN_PASSWORD: 'ett-annat-langt-losenord',
      });
      expect(viaEnv.status).toBe(0);
      expect(viaEnv.stdout).toContain('Användaren admin2 (administratör) är upplagd');
    });

    it('users add refuses bad input in Swedish with exit 2', async () => {
      const noPassword = await run(['users', 'add', '--username', 'x1', '--role', 'viewer']);
      expect(noPassword.status).toBe(2);
      expect(noPassword.stderr).toContain('--password-stdin');
      const noMunicipality = await run(['users', 'add', '--username', 'x2', '--role', 'municipality_economist', '--oidc-only']);
      expect(noMunicipality.status).toBe(2);
      expect(noMunicipality.stderr).toContain('måste knytas till en kommun');
      const short = await run(['users', 'add', '--username', 'x3', '--role', 'viewer', '--password-stdin'], 'kort');
      expect(short.status).toBe(2);
      expect(short.stderr).toContain('minst 12 tecken');
      // The binary: exit 2, the JSON error alone on stdout, the Swedish message on stderr.
      const badRole = binary(['users', 'add', '--username', 'x4', '--role', 'kung', '--oidc-only', '--json']);
      expect(badRole.status).toBe(2);
      expect(badRole.stderr).toContain('är ingen roll');
      expect(JSON.parse(badRole.stdout)).toMatchObject({ error: { code: 'SAMV_ERR_INVALID_INPUT', location: { field: 'role' } } });
    });

    it('audit verify exits 0 on an intact trail and 3 naming an edited or deleted row', async () => {
      const ok = await run(['audit', 'verify', '--json']);
      expect(ok.status).toBe(0);
      expect(JSON.parse(ok.stdout)).toMatchObject({ ok: true, rows: 2, lastSeq: 2 });
      const store = openStore(db.options);
      try {
        await store.db.updateTable('audit_log').set({ after_json: '{"role":"admin"}' }).where('seq', '=', 1).execute();
        // The binary: exit 3 with the Swedish message on stderr.
        const edited = binary(['audit', 'verify']);
        expect(edited.status).toBe(3);
        expect(edited.stdout).toBe('');
        expect(edited.stderr).toContain('rad 1');
        const json = await run(['audit', 'verify', '--json']);
        expect(json.status).toBe(3);
        expect(JSON.parse(json.stdout)).toMatchObject({
          error: {
            code: 'SAMV_ERR_AUDIT_BROKEN',
            location: { field: 'seq', value: 1 },
            details: [{ ok: false, seq: 1, problem: 'edited' }],
          },
        });
        const row = await store.db.selectFrom('audit_log').selectAll().where('seq', '=', 1).executeTakeFirstOrThrow();
        await store.db.deleteFrom('audit_log').where('seq', '=', 1).execute();
        const deleted = await run(['audit', 'verify']);
        expect(deleted.status).toBe(3);
        expect(deleted.stderr).toContain('rad 1 saknas');
        await store.db
          .insertInto('audit_log')
          .values({ ...row, after_json: row.after_json })
          .execute();
      } finally {
        await store.close();
      }
    });

    it.skipIf(target.name !== 'SQLite')(
      'db init --demo loads the demo data into an empty database and prints the demo sign-ins',
      async () => {
        const fresh = await target.create();
        try {
          const r = await run(['db', 'init', '--demo'], undefined, { SAMVERKAN_DB_FILE: fresh.options.sqliteFile });
          expect(r.status).toBe(0);
          expect(r.stdout).toContain('DEMO-inloggningar');
          expect(r.stdout).toContain('ekonom.ostersund');
          const again = await run(['db', 'init', '--demo'], undefined, { SAMVERKAN_DB_FILE: fresh.options.sqliteFile });
          expect(again.stdout).toContain('Demodata laddades inte: databasen har redan användare.');
        } finally {
          await fresh.drop();
        }
      },
    );

    it.skipIf(target.name !== 'SQLite')('start serves, prints the URL and demo sign-ins, and exits 0 on SIGTERM', async () => {
      const fresh = await target.create();
      try {
        const child = spawn('node', [bin, 'start', '--port', '0'], {
          cwd: repoRoot,
          env: { ...env, SAMVERKAN_DB_FILE: fresh.options.sqliteFile, LOG_LEVEL: 'info' },
        });
        let out = '';
        child.stdout.on('data', (d: Buffer) => {
          out += d.toString('utf8');
        });
        const exited = new Promise<number | null>((resolve) => {
          child.on('exit', (code) => {
            resolve(code);
          });
        });
        const url = await new Promise<string>((resolve, reject) => {
          const timer = setTimeout(() => {
            reject(new Error(`ingen URL: ${out}`));
          }, 30_000);
          const poll = setInterval(() => {
            const m = /Samverkan körs på (http:\/\/\S+)/.exec(out);
            if (m?.[1] && out.includes('Avsluta med Ctrl+C')) {
              clearInterval(poll);
              clearTimeout(timer);
              resolve(m[1]);
            }
          }, 50);
        });
        expect(out).toContain('DEMO-inloggningar');
        expect(out).toContain('lösenord för alla: demo-samverkan');
        expect((await fetch(`${url}/readyz`)).status).toBe(200);
        child.kill('SIGTERM');
        expect(await exited).toBe(0);
        expect(out).toContain('nedstängt');
      } finally {
        await fresh.drop();
      }
    });
  });
}
