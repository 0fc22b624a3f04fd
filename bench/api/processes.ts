/** The two servers of the API suite, each a child process: ours (`samverkan start`) and the bare ceiling. */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

/** A running child server. */
export interface Child {
  readonly url: string;
  /** CPU time (user + system) the server process has used so far, in ms; NaN where /proc is missing. */
  cpuMs(): number;
  stop(): Promise<void>;
}

/** Linux /proc/<pid>/stat: utime and stime (fields 14 and 15) in clock ticks of 10 ms. */
function cpuOf(child: ChildProcess): () => number {
  return () => {
    try {
      const fields =
        readFileSync(`/proc/${String(child.pid)}/stat`, 'utf8')
          .split(') ')[1]
          ?.split(' ') ?? [];
      return (Number(fields[11]) + Number(fields[12])) * 10;
    } catch {
      return Number.NaN;
    }
  };
}

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => {
        if (a === null || typeof a === 'string') reject(new Error('no port'));
        else resolve(a.port);
      });
    });
  });
}

function stopper(child: ChildProcess): () => Promise<void> {
  return () =>
    new Promise((resolve) => {
      if (child.exitCode !== null) {
        resolve();
        return;
      }
      child.once('exit', () => {
        resolve();
      });
      child.kill('SIGTERM');
    });
}

async function waitFor(url: string, child: ChildProcess, stderr: () => string): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited (${String(child.exitCode)}): ${stderr()}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no answer from ${url}`);
}

/** `samverkan start` from the built dist on a fresh SQLite file with the demo data (logs to /dev/null at info). */
export async function startOurs(varDir: string): Promise<Child> {
  const port = await freePort();
  let err = '';
  const child = spawn(process.execPath, [`${repoRoot}packages/server/bin/samverkan.js`, 'start', '--port', String(port), '--demo'], {
    cwd: repoRoot,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: {
      ...process.env,
      SAMVERKAN_VAR_DIR: varDir,
      SAMVERKAN_DB_FILE: `${varDir}/samverkan.sqlite`,
      SESSION_SECRET: 'bench-secret-that-is-at-least-32-characters',
      LOG_LEVEL: 'info',
      NODE_ENV: 'development',
    },
  });
  child.stderr.on('data', (d: Buffer) => {
    err = (err + d.toString()).slice(-2000);
  });
  const url = `http://127.0.0.1:${String(port)}`;
  await waitFor(`${url}/healthz`, child, () => err);
  return { url, cpuMs: cpuOf(child), stop: stopper(child) };
}

/** The bare Fastify ceiling serving `routesFile` (bare-server.ts). */
export async function startBare(routesFile: string, healthPath: string): Promise<Child> {
  const child = spawn(process.execPath, [fileURLToPath(new URL('./bare-server.js', import.meta.url)), routesFile], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => {
      reject(new Error(`bare server exited ${String(code)}`));
    });
    child.stdout.once('data', (d: Buffer) => {
      resolve(d.toString().trim());
    });
  });
  const url = `http://127.0.0.1:${port}`;
  await waitFor(`${url}${healthPath}`, child, () => '');
  return { url, cpuMs: cpuOf(child), stop: stopper(child) };
}
