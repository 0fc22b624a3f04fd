/**
 * The agreement routes return exactly what the CLI prints with --json (same core functions, same
 * shape), on both databases: agreements/lifecycle, the årshjul as JSON and as iCalendar.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/main.js';
import { databaseTargets } from '../testing/databases.testkit.js';
import { anonymous, startTestServer, type TestServer } from '../testing/test-server.testkit.js';

/**
 * Run the CLI in this process and return what it wrote to stdout. The CLI sees no database (a
 * SQLite file that does not exist), like the fresh test server's empty terminations table.
 */
async function cli(args: string[]): Promise<string> {
  const chunks: string[] = [];
  const original = process.stdout.write.bind(process.stdout);
  const env = { DATABASE_URL: process.env['DATABASE_URL'], SAMVERKAN_DB_FILE: process.env['SAMVERKAN_DB_FILE'] };
  process.env['DATABASE_URL'] = '';
  process.env['SAMVERKAN_DB_FILE'] = join(tmpdir(), 'samverkan-routes-test-no-db', 'none.sqlite');
  process.stdout.write = (chunk: string | Uint8Array) => {
    chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    return true;
  };
  try {
    const code = await runCli(['node', 'samverkan', ...args]);
    if (code !== 0) throw new Error(`samverkan ${args.join(' ')} → ${String(code)}`);
  } finally {
    process.stdout.write = original;
    for (const [k, v] of Object.entries(env)) {
      if (v === undefined) Reflect.deleteProperty(process.env, k);
      else process.env[k] = v;
    }
  }
  return chunks.join('');
}

/** The CLI's JSON without `terminationsSource`, which only the CLI reports (the API always reads its database). */
function cliJson(text: string): unknown {
  const { terminationsSource, ...rest } = JSON.parse(text) as Record<string, unknown>;
  expect(terminationsSource).toEqual(expect.objectContaining({ kind: expect.any(String) as unknown }));
  return rest;
}

const withoutStamps = (ics: string): string => ics.replace(/\r?\nDTSTAMP:[^\r\n]*/g, '');

for (const target of databaseTargets) {
  describe.skipIf(!target.available)(`${target.name}: agreement and calendar routes = CLI output`, () => {
    let t: TestServer;
    let dir: string;
    beforeAll(async () => {
      t = await startTestServer(target, { demo: false });
      dir = mkdtempSync(join(tmpdir(), 'samverkan-ics-'));
    });
    afterAll(async () => {
      await t.stop();
      rmSync(dir, { recursive: true, force: true });
    });

    it('GET /api/v1/agreements equals `samverkan agreements --json`', async () => {
      const expected = cliJson(await cli(['agreements', '--on', '2027-06-01', '--terminated', 'ORD=2026-10-01', '--json']));
      const res = await anonymous(t.url).request('GET', '/api/v1/agreements?on=2027-06-01&terminated=ORD=2026-10-01');
      expect(res.status).toBe(200);
      expect(res.body).toEqual(expected);
    });

    it('refuses a malformed termination in Swedish', async () => {
      const res = await anonymous(t.url).request('GET', '/api/v1/agreements?terminated=XYZ');
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ error: { code: 'SAMV_ERR_INVALID_INPUT' } });
    });

    it('GET /api/v1/calendar equals `samverkan calendar --json`, with the owner filter', async () => {
      for (const [query, args] of [
        ['year=2026', ['--year', '2026']],
        ['year=2027&owner=tjänstepersonsarena', ['--year', '2027', '--owner', 'tjänstepersonsarena']],
      ] as const) {
        const expected = cliJson(await cli(['calendar', ...args, '--json']));
        const res = await anonymous(t.url).request('GET', `/api/v1/calendar?${encodeURI(query)}`);
        expect(res.body).toEqual(expected);
      }
    });

    it('GET /api/v1/calendar.ics serves the same iCalendar file as `calendar --ics`', async () => {
      const file = join(dir, `${target.name}.ics`);
      await cli(['calendar', '--year', '2026', '--ics', file, '--json']);
      const res = await fetch(`${t.url}/api/v1/calendar.ics?year=2026`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('text/calendar');
      expect(withoutStamps(await res.text())).toBe(withoutStamps(readFileSync(file, 'utf8')));
    });
  });
}
