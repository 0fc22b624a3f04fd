/**
 * The calculation routes on both databases return exactly what the CLI prints with --json, given
 * the same inputs (the demo data holds the agreement's example index values and example key, the
 * same files the CLI is given here), and use the administrators' recorded parameter values.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/main.js';
import { defaultAgreementDir } from '../agreement/read-agreement-dir.js';
import { databaseTargets } from '../testing/databases.testkit.js';
import { login, startTestServer, type Client, type TestServer } from '../testing/test-server.testkit.js';

const examples = join(defaultAgreementDir, 'examples');
const indexCsv = join(examples, 'index.example.csv');

async function cliJson(args: string[]): Promise<unknown> {
  const chunks: string[] = [];
  const original = process.stdout.write.bind(process.stdout);
  process.stdout.write = (chunk: string | Uint8Array) => {
    chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    return true;
  };
  try {
    const code = await runCli(['node', 'samverkan', ...args, '--json']);
    if (code !== 0) throw new Error(`samverkan ${args.join(' ')} → ${String(code)}: ${chunks.join('')}`);
  } finally {
    process.stdout.write = original;
  }
  return JSON.parse(chunks.join('')) as unknown;
}

function csvRows(file: string): string[][] {
  return readFileSync(file, 'utf8')
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((l) => l.split(';'));
}

for (const target of databaseTargets) {
  describe.skipIf(!target.available)(`${target.name}: calculations = CLI output`, () => {
    let t: TestServer;
    let viewer: Client;
    beforeAll(async () => {
      t = await startTestServer(target);
      viewer = await login(t.url, 'lasare');
    });
    afterAll(async () => {
      await t.stop();
    });

    it('price equals `samverkan price`', async () => {
      for (const [flow, minutes] of [
        ['dagtid', 61],
        ['synhorsel', 120],
        ['mt', 95],
      ] as const) {
        const expected = await cliJson(['price', flow, '--year', '2026', '--minutes', String(minutes), '--index', indexCsv]);
        const res = await viewer.request('POST', '/api/v1/calculations/price', { flow, year: 2026, minutes });
        expect(res.status).toBe(200);
        expect(res.body).toEqual(expected);
      }
      const quarter = await cliJson([
        'price',
        'mt',
        '--year',
        '2027',
        '--minutes',
        '50',
        '--index',
        indexCsv,
        '--interpretation',
        'I7=quarter-hour',
      ]);
      expect(
        (
          await viewer.request('POST', '/api/v1/calculations/price', {
            flow: 'mt',
            year: 2027,
            minutes: 50,
            interpretations: { I7: 'quarter-hour' },
          })
        ).body,
      ).toEqual(quarter);
    });

    it('mt-fixed equals `samverkan mt-fixed`', async () => {
      const file = join(examples, 'mt-inventory-2025-06-30.csv');
      const expected = await cliJson(['mt-fixed', '--inventory', file, '--year', '2026', '--half', '1', '--index', indexCsv]);
      const inventory = csvRows(file).map(([municipality, devices]) => ({ municipality, devices: Number(devices) }));
      const res = await viewer.request('POST', '/api/v1/calculations/mt-fixed', { year: 2026, half: 1, inventory });
      expect(res.status).toBe(200);
      expect(res.body).toEqual(expected);
    });

    it('tillaggsbelopp equals `samverkan tillaggsbelopp` with the example key, also via the stored demo key', async () => {
      const expected = (await cliJson(['tillaggsbelopp', '--year', '2026', '--connected', '175', '--index', indexCsv])) as {
        allocations: unknown;
        keyIsExample: boolean;
      };
      const res = await viewer.request('POST', '/api/v1/calculations/tillaggsbelopp', { year: 2026, connected: 175 });
      expect(res.body).toEqual(expected);
      expect(expected.keyIsExample).toBe(true);
      const stored = await viewer.request('POST', '/api/v1/calculations/tillaggsbelopp', {
        year: 2026,
        connected: 175,
        allocationKey: 'resursfordelning-exempel',
      });
      expect((stored.body as { allocations: unknown }).allocations).toEqual(expected.allocations);
      const alt = await cliJson([
        'tillaggsbelopp',
        '--year',
        '2026',
        '--connected',
        '120',
        '--policy',
        'from-reference',
        '--index',
        indexCsv,
      ]);
      expect(
        (await viewer.request('POST', '/api/v1/calculations/tillaggsbelopp', { year: 2026, connected: 120, policy: 'from-reference' }))
          .body,
      ).toEqual(alt);
      const missingKey = await viewer.request('POST', '/api/v1/calculations/tillaggsbelopp', {
        year: 2026,
        connected: 175,
        allocationKey: 'finns-inte',
      });
      expect(missingKey.status).toBe(404);
    });

    it('normal-variation equals `samverkan normal-variation`', async () => {
      const file = join(examples, 'connected-counts.example.csv');
      const expected = await cliJson(['normal-variation', '--counts', file]);
      const counts = csvRows(file).map(([year, count]) => ({ year: Number(year), count: Number(count) }));
      expect((await viewer.request('POST', '/api/v1/calculations/normal-variation', { counts })).body).toEqual(expected);
    });

    it('names a missing index year and an unknown interpretation option in Swedish', async () => {
      const noIndex = await viewer.request('POST', '/api/v1/calculations/price', { flow: 'dagtid', year: 2031, minutes: 60 });
      expect(noIndex.status).toBe(422);
      expect(noIndex.body).toMatchObject({ error: { code: 'SAMV_ERR_MISSING_INDEX' } });
      expect((noIndex.body as { error: { message: string } }).error.message).toContain('VPI för år 2028');
      const badChoice = await viewer.request('POST', '/api/v1/calculations/price', {
        flow: 'mt',
        year: 2026,
        minutes: 60,
        interpretations: { I7: 'nej' },
      });
      expect(badChoice.status).toBe(400);
      expect(badChoice.body).toMatchObject({ error: { location: { field: 'interpretations.I7' } } });
    });

    it('uses a parameter value recorded by the administrator', async () => {
      const before = (await viewer.request('POST', '/api/v1/calculations/price', { flow: 'dagtid', year: 2027, minutes: 60 })).body as {
        rateOre: number;
      };
      const admin = await login(t.url, 'admin');
      const rec = await admin.request('POST', '/api/v1/parameters', {
        parameterId: 'dagtid.timpris',
        validFrom: '2027-01-01',
        value: 70000,
        baseYear: 2027,
        source: 'Nytt beslut om timpris',
        decisionRef: 'SVOM 2026-11-20 § 12',
      });
      expect(rec.status).toBe(201);
      const after = (await viewer.request('POST', '/api/v1/calculations/price', { flow: 'dagtid', year: 2027, minutes: 60 })).body as {
        rateOre: number;
        trace: { parameters: { id: string; source?: string }[] };
      };
      expect(before.rateOre).not.toBe(70000);
      expect(after.rateOre).toBe(70000);
      expect(after.trace.parameters.find((p) => p.id === 'dagtid.timpris')?.source).toContain('SVOM 2026-11-20 § 12');
    });
  });
}
