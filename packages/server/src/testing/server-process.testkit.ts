/**
 * Test support for kill and concurrency tests: the real `samverkan start` as a child process on a
 * given database (so it can be SIGKILLed), the `samverkan` CLI beside it, a streamed generator of
 * large daytime-assignment files, and a signed-in fetch client. Needs `buildPackages()` first.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { repoRoot } from '../cli/cli-run.testkit.js';
import type { StoreOptions } from '../store/db.js';
import { TEST_SESSION_SECRET } from './test-server.testkit.js';

const bin = join(repoRoot, 'packages/server/bin/samverkan.js');

/** The environment that points the binary at `db`, with its own var folder (keys, spool). */
export function databaseEnv(db: StoreOptions, varDir: string): Record<string, string> {
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    SAMVERKAN_VAR_DIR: varDir,
    SESSION_SECRET: TEST_SESSION_SECRET,
    LOG_LEVEL: 'warn',
    NODE_ENV: 'test',
  };
  delete env['DATABASE_URL'];
  if (db.databaseUrl !== undefined) env['DATABASE_URL'] = db.databaseUrl;
  else env['SAMVERKAN_DB_FILE'] = db.sqliteFile;
  return env;
}

/** A server child process. */
export interface ServerProcess {
  readonly url: string;
  readonly child: ChildProcess;
  /** Everything it wrote to stdout and stderr. */
  output(): string;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/** Start `samverkan start --port 0` on `env` and wait until it listens. */
export async function startServerProcess(env: Record<string, string>, demo = true): Promise<ServerProcess> {
  const child = spawn('node', [bin, 'start', '--port', '0', demo ? '--demo' : '--no-demo'], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (b: Buffer) => (out += b.toString('utf8')));
  child.stderr.on('data', (b: Buffer) => (out += b.toString('utf8')));
  const exited = once(child, 'exit');
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setInterval(() => {
      const m = /Samverkan körs på (http:\/\/\S+)/.exec(out);
      if (m?.[1] !== undefined) {
        clearInterval(timer);
        resolve(m[1]);
      }
    }, 25);
    child.once('exit', (code) => {
      clearInterval(timer);
      reject(new Error(`server exited (${String(code)}) before listening:\n${out}`));
    });
  });
  return {
    url,
    child,
    output: () => out,
    async kill(signal = 'SIGKILL') {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill(signal);
      await exited;
    },
  };
}

/** Result of a CLI run. */
export interface CliResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Run `samverkan …args` on `env` without blocking the event loop (so a server in this process keeps answering). */
export async function runCli(args: readonly string[], env: Record<string, string>): Promise<CliResult> {
  const child = spawn('node', [bin, ...args], { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (b: Buffer) => (stdout += b.toString('utf8')));
  child.stderr.on('data', (b: Buffer) => (stderr += b.toString('utf8')));
  const [status] = (await once(child, 'exit')) as [number | null];
  return { status, stdout, stderr };
}

const HEADER = 'datum;starttid;utförare;beställare;insatstid;administration;återrapportering;restid;resa samordnad;referens\n';
const MUNICIPALITIES = ['Östersund', 'Krokom', 'Berg', 'Bräcke', 'Härjedalen', 'Ragunda', 'Strömsund', 'Åre'];

/** Write `rows` distinct daytime assignments of `month` (`2026-03`) to `path`, streaming; `tag` keeps files apart. */
export async function generateDaytimeFile(path: string, rows: number, tag: string, month = '2026-03'): Promise<void> {
  const out = createWriteStream(path);
  out.write(HEADER);
  for (let i = 0; i < rows; i++) {
    const m = MUNICIPALITIES[i % 8] ?? 'Berg';
    const lends = i % 2 === 0;
    const line = `${month}-${String(1 + (i % 28)).padStart(2, '0')};${String(8 + (i % 9)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')};${lends ? m : 'region'};${lends ? 'region' : m};${String(10 + (i % 90))};${String(i % 15)};${String(i % 7)};${String(i % 30)};${i % 3 === 0 ? 'ja' : 'nej'};${tag}-${String(i)}\n`;
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

/** A signed-in HTTP client of a server process. */
export interface Session {
  request(method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown; ms: number }>;
  upload(kind: string, bytes: Uint8Array, filename: string): Promise<{ status: number; body: unknown }>;
}

/** Sign in as `username` (demo password). */
export async function signIn(url: string, username: string, password = 'demo-samverkan'): Promise<Session> {
  const res = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`login ${username}: ${String(res.status)} ${await res.text()}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const parse = (text: string): unknown => {
    try {
      return text === '' ? null : (JSON.parse(text) as unknown);
    } catch {
      return text;
    }
  };
  return {
    async request(method, path, body) {
      const started = performance.now();
      const r = await fetch(url + path, {
        method,
        headers: { cookie, 'x-csrf-token': csrfToken, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await r.text();
      return { status: r.status, body: parse(text), ms: performance.now() - started };
    },
    async upload(kind, bytes, filename) {
      const r = await fetch(`${url}/api/v1/imports/${kind}?filename=${encodeURIComponent(filename)}`, {
        method: 'POST',
        headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'text/csv' },
        body: Buffer.from(bytes),
      });
      return { status: r.status, body: parse(await r.text()) };
    },
  };
}
