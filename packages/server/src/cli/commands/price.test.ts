import { beforeAll, describe, expect, it } from 'vitest';
import { buildPackages, hasStackTrace, samverkan } from '../cli-run.testkit.js';
import { examplePath, runError, runJson, tempFile } from '../economy-cli.testkit.js';

beforeAll(() => {
  buildPackages();
}, 240_000);

const index = examplePath('index.example.csv');

describe('samverkan price', () => {
  it('dagtid 2025: 61 minutes bill as 2 started hours at 640 kr, without any index', async () => {
    const out = await runJson(['price', 'dagtid', '--year', '2025', '--minutes', '61']);
    expect({ ...out, trace: undefined }).toEqual({
      flow: 'dagtid',
      year: 2025,
      rateOre: 64000,
      billedMinutes: 120,
      amountOre: 128000,
      trace: undefined,
    });
    expect(out['trace']).toMatchObject({
      agreement: { id: 'jamtland-2026' },
      clauses: ['ORD.uppdrag-dagtid'],
      interpretations: [{ id: 'I6', option: 'whole-kronor' }],
    });
  });

  it('synhorsel 2026 at the OPI-indexed rate (example OPI 3,0 %: 338 → 348 kr)', async () => {
    expect(await runJson(['price', 'synhorsel', '--year', '2026', '--minutes', '61', '--index', index])).toMatchObject({
      rateOre: 34800,
      billedMinutes: 120,
      amountOre: 69600,
    });
  });

  it('mt 2026: actual minutes by default, quarter hours with I7=quarter-hour', async () => {
    expect(await runJson(['price', 'mt', '--year', '2026', '--minutes', '37', '--index', index])).toMatchObject({
      rateOre: 115800,
      billedMinutes: 37,
      amountOre: 71410,
    });
    expect(
      await runJson(['price', 'mt', '--year', '2026', '--minutes', '37', '--index', index, '--interpretation', 'I7=quarter-hour']),
    ).toMatchObject({ billedMinutes: 45, amountOre: 86850 });
  });

  it('a year that needs an index without --index: the missing-index error names series and year', async () => {
    const e = await runError(['price', 'dagtid', '--year', '2026', '--minutes', '60']);
    expect(e.code).toBe('SAMV_ERR_MISSING_INDEX');
    expect(e.message).toContain('VPI för år 2026');
  });

  it('negative minutes, an unknown flow and a bad interpretation are refused with exit 2 naming the option', async () => {
    expect(await runError(['price', 'dagtid', '--year', '2025', '--minutes', '-5'])).toMatchObject({
      code: 'SAMV_ERR_INVALID_INPUT',
      location: { field: '--minutes' },
    });
    expect((await runError(['price', 'dagtid', '--year', '2025', '--minutes=-5'])).message).toContain('negativt');
    expect((await runError(['price', 'taxi', '--year', '2025', '--minutes', '5'])).message).toContain('dagtid, synhorsel, mt');
    expect((await runError(['price', 'mt', '--year', '2025', '--minutes', '5', '--interpretation', 'I7=half-hour'])).message).toContain(
      'actual-minutes, quarter-hour',
    );
  });

  it('an index file with wrong columns is refused naming the file and line 1', async () => {
    const f = tempFile('bad-index.csv', 'serie;år;procent\nVPI;2026;2,9\n');
    const e = await runError(['price', 'dagtid', '--year', '2026', '--minutes', '60', '--index', f]);
    expect(e.code).toBe('SAMV_ERR_FILE_FORMAT');
    expect(e.message).toContain('rad 1: okänd kolumn "serie"');
  });

  it('without --json prints Swedish text', () => {
    const r = samverkan(['price', 'dagtid', '--year', '2025', '--minutes', '61']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Belopp: 1\u00a0280,00 kr');
    expect(hasStackTrace(r.stderr)).toBe(false);
  });
});
