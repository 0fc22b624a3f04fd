import { beforeAll, describe, expect, it } from 'vitest';
import { buildPackages } from '../cli-run.testkit.js';
import { examplePath, runError, runJson, runJsonBinary, tempFile } from '../economy-cli.testkit.js';

beforeAll(() => {
  buildPackages();
}, 240_000);

describe('samverkan normal-variation', () => {
  it('the example counts 2019–2024 give 129–169', () => {
    const out = runJsonBinary(['normal-variation', '--counts', examplePath('connected-counts.example.csv')]);
    expect({ mean: out['mean'], sd: out['sd'], lower: out['lower'], upper: out['upper'] }).toEqual({
      mean: '149',
      sd: '10.02',
      lower: 129,
      upper: 169,
    });
    expect((out['steps'] as { id: string }[]).map((s) => s.id)).toContain('ovre-grans');
  });

  it('rounds an exact half up: 127,5–171,5 → 128–172', async () => {
    const f = tempFile('counts-tie.csv', 'year;count\n2021;164\n2022;142\n2023;140\n2024;152\n');
    expect(await runJson(['normal-variation', '--counts', f])).toMatchObject({ mean: '149.5', sd: '11', lower: 128, upper: 172 });
  });

  it('refuses wrong columns, bad counts and personnummer with exit 2', async () => {
    expect((await runError(['normal-variation', '--counts', tempFile('c1.csv', 'år;antal\n2024;150\n')])).code).toBe(
      'SAMV_ERR_FILE_FORMAT',
    );
    expect((await runError(['normal-variation', '--counts', tempFile('c2.csv', 'year;count\n2023;150\n2024;-4\n')])).message).toContain(
      'c2.csv rad 3',
    );
    const pnr = ['20', '010101', '1234'].join('');
    expect((await runError(['normal-variation', '--counts', tempFile('c3.csv', `year;count\n2023;150\n2024;151 ${pnr}\n`)])).code).toBe(
      'SAMV_ERR_PERSONNUMMER',
    );
  });
});
