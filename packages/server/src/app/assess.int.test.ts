/**
 * The Ansvarsguide over HTTP on both databases, without sign-in: the same answer document as
 * `samverkan assess --json [--explain]` for the same situation; personnummer refused; the CFS scale.
 */
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/main.js';
import { defaultAgreementDir } from '../agreement/read-agreement-dir.js';
import { databaseTargets } from '../testing/databases.testkit.js';
import { anonymous, startTestServer, type TestServer } from '../testing/test-server.testkit.js';

const examples = join(defaultAgreementDir, 'examples');

async function cliJson(args: string[]): Promise<unknown> {
  return JSON.parse(await cliText([...args, '--json'])) as unknown;
}

/**
 * The CLI without a database, as the test server here has no recorded index values: both show the
 * agreement's base rates (the CLI reads the configured database's values when there is one, and a
 * developer's checkout may hold var/samverkan.sqlite).
 */
async function cliText(args: string[]): Promise<string> {
  const chunks: string[] = [];
  const saved = { file: process.env['SAMVERKAN_DB_FILE'], url: process.env['DATABASE_URL'] };
  process.env['SAMVERKAN_DB_FILE'] = join(tmpdir(), `samverkan-assess-no-database-${String(process.pid)}.sqlite`);
  delete process.env['DATABASE_URL'];
  const original = process.stdout.write.bind(process.stdout);
  process.stdout.write = (chunk: string | Uint8Array) => {
    chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    return true;
  };
  try {
    const code = await runCli(['node', 'samverkan', ...args]);
    if (code !== 0) throw new Error(`samverkan ${args.join(' ')} → ${String(code)}`);
  } finally {
    process.stdout.write = original;
    if (saved.file === undefined) delete process.env['SAMVERKAN_DB_FILE'];
    else process.env['SAMVERKAN_DB_FILE'] = saved.file;
    if (saved.url !== undefined) process.env['DATABASE_URL'] = saved.url;
  }
  return chunks.join('');
}

for (const target of databaseTargets) {
  describe.skipIf(!target.available)(`${target.name}: Ansvarsguide over HTTP`, () => {
    let t: TestServer;
    beforeAll(async () => {
      t = await startTestServer(target, { demo: false });
    });
    afterAll(async () => {
      await t.stop();
    });

    it('answers like `samverkan assess --json`, with and without the explanation', async () => {
      const file = join(examples, 'assess-ordinart.json');
      const situation = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
      const expected = await cliJson(['assess', '--input', file]);
      const res = await anonymous(t.url).request('POST', '/api/v1/assess', situation);
      expect(res.status).toBe(200);
      expect(res.body).toEqual(expected);
      const explained = await cliJson(['assess', '--input', file, '--explain']);
      const res2 = await anonymous(t.url).request('POST', '/api/v1/assess?explain=true', situation);
      expect(res2.body).toEqual(explained);
      expect(typeof (res2.body as { explanation?: unknown }).explanation).toBe('string');
    });

    it('answers every situation of the example batch like `samverkan assess --batch`', async () => {
      const file = join(examples, 'assess-batch.ndjson');
      const expected = (await cliText(['assess', '--batch', file]))
        .split('\n')
        .filter((l) => l !== '')
        .map((l) => JSON.parse(l) as unknown);
      const lines = readFileSync(file, 'utf8')
        .split(/\r?\n/)
        .filter((l) => l.trim() !== '');
      expect(expected).toHaveLength(lines.length);
      for (const [i, line] of lines.entries()) {
        const res = await anonymous(t.url).request('POST', '/api/v1/assess', JSON.parse(line) as unknown);
        expect(res.body, line).toEqual(expected[i]);
      }
    });

    it("special housing: the wish for the region's open clinic changes the answer, citing SABO (R4o); unknown wish → R4u", async () => {
      const sabo = {
        date: '2026-03-01',
        housing: 'korttidsplats',
        registeredMunicipality: '2309',
        storsjoglantan: false,
        atDayActivity: false,
      };
      const answer = async (
        extra: Record<string, unknown>,
      ): Promise<{ careResponsibility: Record<string, unknown> & { clauses: { id: string; quote: string }[] } }> => {
        const res = await anonymous(t.url).request('POST', '/api/v1/assess', { ...sabo, ...extra });
        expect(res.status).toBe(200);
        return res.body as { careResponsibility: Record<string, unknown> & { clauses: { id: string; quote: string }[] } };
      };
      const wish = await answer({ prefersHealthCentre: true });
      expect(wish.careResponsibility).toMatchObject({
        party: 'region',
        unit: 'regionens öppna mottagning',
        rule: 'R4o',
        municipality: null,
      });
      expect(wish.careResponsibility.clauses.map((c) => c.id)).toContain('SABO.ansvarsfordelning.oppen-mottagning');
      expect((await answer({ prefersHealthCentre: false })).careResponsibility).toMatchObject({
        party: 'kommun',
        rule: 'R4',
        municipality: { code: '2309', name: 'Krokom' },
      });
      expect((await answer({})).careResponsibility).toMatchObject({ party: 'undecided', rule: 'R4u', missing: ['prefersHealthCentre'] });
      // At the day activity the municipality answers while the person is there, whatever the wish (R3).
      expect((await answer({ prefersHealthCentre: true, atDayActivity: true })).careResponsibility).toMatchObject({
        party: 'kommun',
        rule: 'R3',
      });
    });

    it('refuses a personnummer and an invalid field in Swedish', async () => {
      const pnr = await anonymous(t.url).request('POST', '/api/v1/assess', {
        housing: 'ordinart',
        registeredMunicipality: '2380',
        homeRegion: '19121212-1212',
      });
      expect(pnr.status).toBe(422);
      expect(pnr.body).toMatchObject({ error: { code: 'SAMV_ERR_PERSONNUMMER' } });
      const bad = await anonymous(t.url).request('POST', '/api/v1/assess', { housing: 'villa', registeredMunicipality: '2380' });
      expect(bad.status).toBe(400);
      expect(bad.body).toMatchObject({ error: { code: 'SAMV_ERR_INVALID_INPUT', location: { field: 'body.housing' } } });
    });

    it('lists the nine CFS levels with Swedish descriptions', async () => {
      const res = await anonymous(t.url).request('GET', '/api/v1/responsibility/cfs');
      const cfs = res.body as { clause: string; levels: { level: number; name: string; description: string }[] };
      expect(cfs.levels.map((l) => l.level)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
      expect(cfs.clause).toMatch(/^ORD\./);
    });
  });
}
