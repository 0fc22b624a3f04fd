import { beforeAll, describe, expect, it } from 'vitest';
import { buildPackages } from '../cli-run.testkit.js';
import { examplePath, runError, runJson, runJsonBinary, tempFile } from '../economy-cli.testkit.js';

beforeAll(() => {
  buildPackages();
}, 240_000);

const inventory = examplePath('mt-inventory-2025-06-30.csv');
const seedTable = [
  { code: '2326', name: 'Berg', devices: 50, amountOre: 683169 },
  { code: '2305', name: 'Bräcke', devices: 60, amountOre: 819802 },
  { code: '2361', name: 'Härjedalen', devices: 96, amountOre: 1311683 },
  { code: '2309', name: 'Krokom', devices: 90, amountOre: 1229703 },
  { code: '2303', name: 'Ragunda', devices: 41, amountOre: 560198 },
  { code: '2313', name: 'Strömsund', devices: 152, amountOre: 2076832 },
  { code: '2321', name: 'Åre', devices: 53, amountOre: 724159 },
  { code: '2380', name: 'Östersund', devices: 381, amountOre: 5205744 },
];

describe('samverkan mt-fixed', () => {
  it('reproduces the seed example: 923 devices, 252 225,80 kr a year, 126 112,90 kr a half-year, Östersund 52 057,44 kr', () => {
    const out = runJsonBinary(['mt-fixed', '--inventory', inventory, '--year', '2025', '--half', '2', '--inventory-date', '2025-06-30']);
    expect({ ...out, trace: undefined }).toEqual({
      totalDevices: 923,
      rateOre: 112300,
      yearlyOre: 25222580,
      halfOre: 12611290,
      snapshotDate: '2025-06-30',
      allocations: seedTable,
      trace: undefined,
    });
    expect(out['trace']).toMatchObject({ interpretations: expect.arrayContaining([{ id: 'I8', option: 'previous-half-year-end' }]) });
  });

  it('I8: an inventory from the wrong date is refused; chosen-date accepts the given date', async () => {
    expect(
      (await runError(['mt-fixed', '--inventory', inventory, '--year', '2026', '--half', '1', '--inventory-date', '2025-06-30'])).message,
    ).toContain('2025-12-31');
    const out = await runJson([
      'mt-fixed',
      '--inventory',
      inventory,
      '--year',
      '2026',
      '--half',
      '1',
      '--inventory-date',
      '2026-01-15',
      '--interpretation',
      'I8=chosen-date',
      '--index',
      examplePath('index.example.csv'),
    ]);
    expect(out).toMatchObject({ snapshotDate: '2026-01-15', rateOre: 115800 });
  });

  it('reads Windows-1252 and UTF-8-with-BOM inventories alike', async () => {
    const rows = seedTable.map((r) => `${r.name};${String(r.devices)}`).join('\r\n');
    const cp1252 = tempFile('inv-1252.csv', Buffer.from(`municipality;devices\r\n${rows}\r\n`, 'latin1'));
    const bom = tempFile(
      'inv-bom.csv',
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`municipality,devices\n${rows.replace(/;/g, ',')}\n`, 'utf8')]),
    );
    for (const f of [cp1252, bom]) {
      const out = await runJson(['mt-fixed', '--inventory', f, '--year', '2025', '--half', '2']);
      expect(out['allocations']).toEqual(seedTable);
    }
  });

  it('refuses an unknown municipality naming the file and line, wrong columns, a personnummer and a bad --half', async () => {
    const unknown = tempFile('inv-unknown.csv', 'municipality;devices\nBerg;50\nTrondheim;3\n');
    const e = await runError(['mt-fixed', '--inventory', unknown, '--year', '2025', '--half', '2']);
    expect(e.code).toBe('SAMV_ERR_UNKNOWN_MUNICIPALITY');
    expect(e.message).toContain('inv-unknown.csv, rad 3');
    expect(e.location).toMatchObject({ line: 3 });
    const cols = tempFile('inv-cols.csv', 'kommun;antal\nBerg;50\n');
    expect((await runError(['mt-fixed', '--inventory', cols, '--year', '2025', '--half', '2'])).code).toBe('SAMV_ERR_FILE_FORMAT');
    const pnr = ['19', '121212', '-', '1212'].join('');
    const personal = tempFile('inv-pnr.csv', `municipality;devices\nBerg;50\n${pnr};1\n`);
    expect(await runError(['mt-fixed', '--inventory', personal, '--year', '2025', '--half', '2'])).toMatchObject({
      code: 'SAMV_ERR_PERSONNUMMER',
      location: { line: 3 },
    });
    expect((await runError(['mt-fixed', '--inventory', inventory, '--year', '2025', '--half', '3'])).location).toMatchObject({
      field: '--half',
    });
    expect((await runError(['mt-fixed', '--inventory', 'finns-inte.csv', '--year', '2025', '--half', '1'])).code).toBe(
      'SAMV_ERR_FILE_NOT_FOUND',
    );
  });
});
