/**
 * Start the real server (`startServer`, port 0) on a fresh test database, and talk to it over
 * HTTP with `fetch` as the web app does: sign in, keep the cookie, send the CSRF token.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { FileLimits } from '../imports/file-limits.js';
import { startServer, type RunningServer } from '../app/start-server.js';
import { openStore, type Store } from '../store/db.js';
import type { DatabaseTarget, TestDatabase } from './databases.testkit.js';

/** A running test server with a side door to its database. */
export interface TestServer {
  readonly server: RunningServer;
  readonly url: string;
  /** A separate connection to the same database (for tampering and inspection). */
  readonly store: Store;
  /** Every JSON log line the server wrote. */
  readonly logs: string[];
  /** The spool root of this server (its own temporary folder unless one was given). */
  readonly spoolDir: string;
  stop(): Promise<void>;
}

/** The fixed session secret of test servers. */
export const TEST_SESSION_SECRET = 'test-secret-that-is-at-least-32-characters-long';

/** Start a server with the demo data set on a fresh database of `target`. */
export async function startTestServer(
  target: DatabaseTarget,
  opts: { demo?: boolean; webDir?: string; trustProxy?: readonly string[]; spoolDir?: string; fileLimits?: Partial<FileLimits> } = {},
): Promise<TestServer> {
  const db: TestDatabase = await target.create();
  // Each server its own spool, so one test's sweep at start never touches another's uploads.
  const ownSpool = opts.spoolDir === undefined ? mkdtempSync(join(tmpdir(), 'samverkan-spool-')) : undefined;
  const spoolDir = opts.spoolDir ?? ownSpool ?? '';
  const logs: string[] = [];
  const logDestination = new Writable({
    write(chunk: Buffer, _enc, cb) {
      logs.push(
        ...chunk
          .toString('utf8')
          .split('\n')
          .filter((l) => l !== ''),
      );
      cb();
    },
  });
  const server = await startServer({
    port: 0,
    host: '127.0.0.1',
    ...db.options,
    demo: opts.demo ?? true,
    webDir: opts.webDir ?? '/nonexistent-web-dir',
    logLevel: 'info',
    sessionSecret: TEST_SESSION_SECRET,
    logDestination,
    ...(opts.trustProxy === undefined ? {} : { trustProxy: opts.trustProxy }),
    spoolDir,
    ...(opts.fileLimits === undefined ? {} : { fileLimits: opts.fileLimits }),
  });
  const store = openStore(db.options);
  return {
    server,
    url: server.url,
    store,
    logs,
    spoolDir,
    async stop() {
      await store.close();
      await server.close();
      await db.drop();
      if (ownSpool !== undefined) rmSync(ownSpool, { recursive: true, force: true });
    },
  };
}

/** A signed-in client (or an anonymous one when `cookie` is empty). */
export interface Client {
  readonly cookie: string;
  readonly csrfToken: string;
  request(
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<{ status: number; body: unknown; headers: Headers }>;
}

/** An anonymous client. */
export function anonymous(url: string): Client {
  return client(url, '', '');
}

function client(url: string, cookie: string, csrfToken: string): Client {
  return {
    cookie,
    csrfToken,
    async request(method, path, body, headers = {}) {
      const h: Record<string, string> = { ...headers };
      if (cookie !== '') h['cookie'] = cookie;
      if (csrfToken !== '' && method !== 'GET' && !('x-csrf-token' in headers)) h['x-csrf-token'] = csrfToken;
      if (body !== undefined) h['content-type'] = 'application/json';
      const res = await fetch(url + path, {
        method,
        headers: h,
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        redirect: 'manual',
      });
      const text = await res.text();
      let parsed: unknown = text;
      try {
        parsed = text === '' ? null : JSON.parse(text);
      } catch {
        // not JSON (HTML, iCalendar)
      }
      return { status: res.status, body: parsed, headers: res.headers };
    },
  };
}

/** Sign in over HTTP; throws unless it succeeds. */
export async function login(url: string, username: string, password = 'demo-samverkan'): Promise<Client> {
  const res = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`login ${username}: ${String(res.status)} ${await res.text()}`);
  const setCookie = res.headers.get('set-cookie') ?? '';
  const cookie = setCookie.split(';')[0] ?? '';
  const body = (await res.json()) as { csrfToken: string };
  return client(url, cookie, body.csrfToken);
}
