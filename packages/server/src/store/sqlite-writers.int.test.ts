/**
 * Concurrent writers on one SQLite file (issue 9, points 5 and 8): a CLI import beside the server
 * while requests write (the probe saw server writes fail with 500 after 5 s), and two server
 * processes on one file (8 × 500 SQLITE_BUSY in 110 requests). Every write must succeed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPackages } from '../cli/cli-run.testkit.js';
import {
  databaseEnv,
  generateDaytimeFile,
  runCli,
  signIn,
  startServerProcess,
  type ServerProcess,
  type Session,
} from '../testing/server-process.testkit.js';

let dir: string;
let env: Record<string, string>;
const servers: ServerProcess[] = [];

beforeAll(async () => {
  buildPackages();
  dir = mkdtempSync(join(tmpdir(), 'samverkan-writers-'));
  env = databaseEnv({ sqliteFile: join(dir, 'samverkan.sqlite') }, join(dir, 'var'));
  servers.push(await startServerProcess(env));
  // The second process finds the database migrated and seeded, as an operator's second start would.
  servers.push(await startServerProcess(env));
}, 180_000);
afterAll(async () => {
  for (const s of servers) await s.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
});

/** One audited write: an administrator renames a user. */
async function rename(admin: Session, userId: string, n: number): Promise<number> {
  return (await admin.request('PATCH', `/api/v1/users/${userId}`, { displayName: `Läsare ${String(n)}` })).status;
}

async function userId(admin: Session, username: string): Promise<string> {
  const users = (await admin.request('GET', '/api/v1/users')).body as { users: { id: string; username: string }[] };
  const u = users.users.find((x) => x.username === username);
  if (u === undefined) throw new Error(`no user ${username}`);
  return u.id;
}

describe('SQLite: concurrent writers', () => {
  it('keeps server writes succeeding while a CLI import of 25 000 rows writes to the same file', async () => {
    const [a] = servers;
    if (a === undefined) throw new Error('no server');
    const file = join(dir, 'cli.csv');
    await generateDaytimeFile(file, 25_000, 'CLI');
    const admin = await signIn(a.url, 'admin');
    const id = await userId(admin, 'lasare');
    let done = false;
    const cli = runCli(['import', 'daytime-assignments', file, '--json', '--no-progress'], env).finally(() => {
      done = true;
    });
    const statuses: number[] = [];
    for (let n = 0; !done; n++) statuses.push(await rename(admin, id, n));
    const r = await cli;
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ rows: 25_000, inserted: 25_000 });
    expect(statuses.length).toBeGreaterThan(10);
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
  }, 90_000);

  it('answers 110 writes spread over two server processes on one file without a 500', async () => {
    const sessions = await Promise.all(servers.map((s) => signIn(s.url, 'admin')));
    const [first] = sessions;
    if (first === undefined) throw new Error('no session');
    const id = await userId(first, 'chef');
    const statuses: number[] = [];
    // Four in flight at a time, alternating servers, with index values and renames mixed.
    for (let batch = 0; batch < 110 / 5; batch++) {
      const calls = Array.from({ length: 5 }, (_, i) => {
        const n = batch * 5 + i;
        const s = sessions[n % 2] ?? first;
        return n % 3 === 0
          ? s
              .request('POST', '/api/v1/index-values', {
                series: 'VPI',
                year: 2040 + (n % 50),
                percent: `${String(n % 9)}.${String(n % 10)}`,
                source: `samtidighet ${String(n)}`,
              })
              .then((x) => x.status)
          : rename(s, id, n);
      });
      statuses.push(...(await Promise.all(calls)));
    }
    expect(statuses).toHaveLength(110);
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    expect(statuses.every((s) => s === 200 || s === 201)).toBe(true);
  }, 90_000);
});
