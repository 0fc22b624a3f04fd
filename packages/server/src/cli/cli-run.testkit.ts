/**
 * Test support: build the packages once (under a lock, since test files run in parallel) and run
 * the real `samverkan` binary, capturing exit code, stdout and stderr — or run the same command
 * code inside the test process (`samverkanInProcess`), where a spawn would prove nothing new.
 */
import { spawnSync } from 'node:child_process';
import { Readable, Writable } from 'node:stream';
import { existsSync, mkdirSync, readdirSync, rmdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const lock = join(tmpdir(), 'samverkan-tsc-build.lock');

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** The newest modification time (ms) of the compiled sources under `dir` (tests are not compiled). */
function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith('.ts') && !/\.(test|testkit)\.ts$/.test(entry.name)) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/** True when `dist` holds a build at least as new as every source and tsconfig of core and server. */
function distIsFresh(): boolean {
  for (const pkg of ['core', 'server']) {
    const info = join(repoRoot, 'packages', pkg, 'tsconfig.tsbuildinfo');
    if (!existsSync(info)) return false;
    const builtAt = statSync(info).mtimeMs;
    if (statSync(join(repoRoot, 'packages', pkg, 'tsconfig.json')).mtimeMs > builtAt) return false;
    if (newestSource(join(repoRoot, 'packages', pkg, 'src')) > builtAt) return false;
  }
  return existsSync(join(repoRoot, 'packages/server/dist/cli/main.js'));
}

let builtHere = false;

/**
 * Make sure `dist` is built (the binary runs compiled code): `npm test` builds before vitest, so
 * usually this only checks modification times; when a source is newer (a run of single test files
 * while editing) it runs `npx tsc -b packages/core packages/server`, one build at a time across
 * test files, and once per test process.
 */
export function buildPackages(): void {
  if (builtHere || distIsFresh()) {
    builtHere = true;
    return;
  }
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // A lock older than five minutes was left by a killed run.
      if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > 300_000) rmdirSync(lock);
      if (Date.now() > deadline) throw new Error('timed out waiting for another build');
      sleep(250);
    }
  }
  try {
    // Another test file may have built while this one waited for the lock.
    // Type errors elsewhere in the tree do not stop tsc -b from emitting; the binary must exist.
    if (!distIsFresh()) spawnSync('npx', ['tsc', '-b', 'packages/core', 'packages/server'], { cwd: repoRoot, stdio: 'ignore' });
  } finally {
    rmdirSync(lock);
  }
  if (!existsSync(join(repoRoot, 'packages/server/dist/cli/main.js'))) throw new Error('build produced no CLI');
  builtHere = true;
}

/** Result of one CLI run. */
export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Run `node packages/server/bin/samverkan.js …args` from the repo root. */
export function samverkan(args: readonly string[], env: Readonly<Record<string, string>> = {}): CliRun {
  const r = spawnSync('node', ['packages/server/bin/samverkan.js', ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A stream that keeps what is written to it. */
function capture(): { stream: Writable; text: () => string } {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
      done();
    },
  });
  return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
}

/**
 * Run `samverkan …args` in this process through the CLI's own entry (cli/main.ts `run`): the same
 * commands, exit codes and separate stdout/stderr as the binary, without starting node. `env` is
 * added to this process's environment as for `samverkan()`; `stdin` is what standard input holds.
 */
export async function samverkanInProcess(
  args: readonly string[],
  options: { readonly env?: Readonly<NodeJS.ProcessEnv>; readonly stdin?: string } = {},
): Promise<CliRun> {
  const { run } = await import('./main.js');
  const stdout = capture();
  const stderr = capture();
  const status = await run(args, {
    stdout: stdout.stream,
    stderr: stderr.stream,
    env: { ...process.env, ...options.env },
    stdin: Readable.from([Buffer.from(options.stdin ?? '')]),
  });
  return { status, stdout: stdout.text(), stderr: stderr.text() };
}

/** True when `text` shows a JavaScript stack trace (which must never reach a user). */
export function hasStackTrace(text: string): boolean {
  return /^\s+at .+[(:]\d+/m.test(text) || /\.(js|ts):\d+:\d+/.test(text);
}
