import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildPackages, repoRoot } from '../cli-run.testkit.js';
import { examplePath, runError, runJson, runJsonBinary, tempFile } from '../economy-cli.testkit.js';

beforeAll(() => {
  buildPackages();
}, 240_000);

const index = examplePath('index.example.csv');
// Example LPIK 2025 3,4 %, 2026 2,9 %: 3 735 428 → 3 862 433 → 3 974 444 kr; 25 940 → 26 822 → 27 600 kr.
const BASE = 397444400;
const ADJ = 2760000;

describe('samverkan tillaggsbelopp', () => {
  it('175 connected (above 169): beyond-bound adds 6 × 27 600 kr and splits by the example key, labelled', () => {
    const out = runJsonBinary(['tillaggsbelopp', '--year', '2026', '--connected', '175', '--index', index]);
    expect(out).toMatchObject({
      year: 2026,
      connected: 175,
      lower: 129,
      upper: 169,
      baseOre: BASE,
      adjustmentPerPersonOre: ADJ,
      adjustmentOre: 6 * ADJ,
      totalOre: BASE + 6 * ADJ,
      keyIsExample: true,
    });
    expect(out['allocations']).toEqual([
      { code: '2326', name: 'Berg', amountOre: 27482644 },
      { code: '2305', name: 'Bräcke', amountOre: 24767565 },
      { code: '2361', name: 'Härjedalen', amountOre: 38266321 },
      { code: '2309', name: 'Krokom', amountOre: 48398718 },
      { code: '2303', name: 'Ragunda', amountOre: 22188162 },
      { code: '2313', name: 'Strömsund', amountOre: 46726560 },
      { code: '2321', name: 'Åre', amountOre: 35220058 },
      { code: '2380', name: 'Östersund', amountOre: 170954372 },
    ]);
    expect(out['keyNote']).toContain('EXEMPEL');
    const steps = out['steps'] as { id: string; result: unknown }[];
    expect(steps.find((s) => s.id === 'harledning-tillaggsbelopp')?.result).toBe('3735428.4');
    expect(steps.find((s) => s.id === 'justeringsbelopp-avrundat')?.result).toBe(2594000);
  });

  it('--policy from-reference and --index-start from-2026 select I3 and I5', async () => {
    expect(
      await runJson(['tillaggsbelopp', '--year', '2026', '--connected', '175', '--index', index, '--policy', 'from-reference']),
    ).toMatchObject({ adjustmentOre: 31 * ADJ, totalOre: BASE + 31 * ADJ });
    expect(
      await runJson(['tillaggsbelopp', '--year', '2026', '--connected', '150', '--index', index, '--index-start', 'from-2026']),
    ).toMatchObject({ baseOre: 384375500, adjustmentPerPersonOre: 2669200, totalOre: 384375500 });
  });

  it('without --index the first missing LPIK year is named; a decided key is not labelled as an example', async () => {
    expect((await runError(['tillaggsbelopp', '--year', '2026', '--connected', '150'])).message).toContain('LPIK för år 2025');
    expect((await runError(['tillaggsbelopp', '--year', '2026', '--connected', '150', '--index-start', 'from-2026'])).message).toContain(
      'LPIK för år 2026',
    );
    const decided = readFileSync(`${repoRoot}${examplePath('allocation-key.example.yaml')}`, 'utf8').replace(
      'example: true',
      'example: false',
    );
    const out = await runJson([
      'tillaggsbelopp',
      '--year',
      '2026',
      '--connected',
      '150',
      '--index',
      index,
      '--key',
      tempFile('key.yaml', decided),
    ]);
    expect(out['keyIsExample']).toBe(false);
    expect(out['keyNote']).toBeUndefined();
  });

  it('bad input exits 2 naming the option or the file: negative count, bad policy, bad key weights', async () => {
    expect((await runError(['tillaggsbelopp', '--year', '2026', '--connected=-3', '--index', index])).location).toMatchObject({
      field: '--connected',
    });
    expect(
      (await runError(['tillaggsbelopp', '--year', '2026', '--connected', '150', '--index', index, '--policy', 'halva'])).message,
    ).toContain('beyond-bound, from-reference');
    const text = readFileSync(`${repoRoot}${examplePath('allocation-key.example.yaml')}`, 'utf8').replace('weight: "0,4"', 'weight: "0,5"');
    const e = await runError([
      'tillaggsbelopp',
      '--year',
      '2026',
      '--connected',
      '150',
      '--index',
      index,
      '--key',
      tempFile('bad-key.yaml', text),
    ]);
    expect(e.code).toBe('SAMV_ERR_FILE_FORMAT');
    expect(e.message).toContain('bad-key.yaml');
    expect(e.message).toContain('inte exakt 1');
  });
});
