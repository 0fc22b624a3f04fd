import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { indexPoint, SamverkanError } from '@samverkan/core';
import { defaultAgreementDir, readAgreement } from '../agreement/read-agreement-dir.js';
import { readAllocationKeyFile } from './allocation-key-yaml.js';
import { readCountsCsv } from './counts-csv.js';
import { readIndexCsv } from './index-csv.js';
import { readInventoryCsv } from './inventory-csv.js';
import { readPopulationCsv } from './population-csv.js';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const munis = () => readAgreement().municipalities;
const example = (name: string): Uint8Array => readFileSync(join(defaultAgreementDir, 'examples', name));

function caught(fn: () => unknown): SamverkanError {
  try {
    fn();
  } catch (e) {
    if (e instanceof SamverkanError) return e;
    throw e;
  }
  throw new Error('expected an error');
}

describe('index CSV', () => {
  it('reads semicolons with decimal commas, commas with decimal points, and quoted decimal commas alike', () => {
    for (const text of [
      'series;year;percent\nVPI;2026;2,9\n',
      'series,year,percent\nVPI,2026,2.9\n',
      'Series,Year,Percent\r\nVPI,2026,"2,9"\r\n',
    ]) {
      expect(indexPoint(readIndexCsv(utf8(text), 'i.csv'), 'VPI', 2026).percent).toEqual({ num: 29n, den: 10n });
    }
  });

  it('reads the shipped example with kind and source, labelled as not SKR’s values', () => {
    const s = readIndexCsv(example('index.example.csv'), 'index.example.csv');
    expect(indexPoint(s, 'LPIK', 2026)).toMatchObject({ kind: 'forecast', source: 'exempel – ej SKR:s publicerade värde' });
    expect(s.points.size).toBe(9);
  });

  it('refuses wrong columns and bad values, naming file and line', () => {
    const cols = caught(() => readIndexCsv(utf8('serie;år;procent\nVPI;2026;2,9\n'), 'i.csv'));
    expect(cols.code).toBe('SAMV_ERR_FILE_FORMAT');
    expect(cols.message).toContain('i.csv rad 1: okänd kolumn "serie"');
    const bad = caught(() => readIndexCsv(utf8('series;year;percent\nVPI;2026;2,9\nOPI;2026;tre\n'), 'i.csv'));
    expect(bad.code).toBe('SAMV_ERR_FILE_FORMAT');
    expect(bad.message).toMatch(/^i\.csv rad 3: procentsatsen "tre"/);
  });
});

describe('inventory CSV', () => {
  it('reads the seed table shipped as an example', () => {
    const counts = readInventoryCsv(example('mt-inventory-2025-06-30.csv'), 'inv.csv', munis());
    expect(counts.map((c) => c.devices).reduce((a, b) => a + b, 0)).toBe(923);
    expect(counts.at(-1)).toEqual({ municipality: '2380', devices: 381, file: 'inv.csv', line: 9 });
  });

  it('accepts names in any case, codes, Windows-1252 and UTF-8 with BOM', () => {
    const cp1252 = Buffer.from('municipality;devices\r\nÖSTERSUND;381\r\nåre;53\r\n2326;50\r\n', 'latin1');
    expect(cp1252.includes(0xd6)).toBe(true);
    expect(readInventoryCsv(cp1252, 'w.csv', munis()).map((c) => c.municipality)).toEqual(['2380', '2321', '2326']);
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('municipality,devices\nÖstersund,381\n')]);
    expect(readInventoryCsv(bom, 'b.csv', munis())).toEqual([{ municipality: '2380', devices: 381, file: 'b.csv', line: 2 }]);
  });

  it('refuses an unknown municipality and a non-integer count, naming file and line', () => {
    const e = caught(() => readInventoryCsv(utf8('municipality;devices\nBerg;50\nSundsvall;12\n'), 'inv.csv', munis()));
    expect(e.code).toBe('SAMV_ERR_UNKNOWN_MUNICIPALITY');
    expect(e.message).toMatch(/^inv\.csv, rad 3, municipality: okänd kommun "Sundsvall"/);
    expect(caught(() => readInventoryCsv(utf8('municipality;devices\nBerg;5,5\n'), 'inv.csv', munis())).message).toContain('inv.csv rad 2');
  });

  it('refuses a file that contains a personnummer', () => {
    const pnr = ['19', '850101', '-', '1234'].join('');
    expect(caught(() => readInventoryCsv(utf8(`municipality;devices\nBerg ${pnr};50\n`), 'inv.csv', munis())).code).toBe(
      'SAMV_ERR_PERSONNUMMER',
    );
  });
});

describe('counts, population and key files', () => {
  it('reads yearly counts and refuses a bad year', () => {
    expect(readCountsCsv(example('connected-counts.example.csv'), 'c.csv').map((c) => c.count)).toEqual([135, 142, 151, 159, 161, 146]);
    expect(caught(() => readCountsCsv(utf8('year,count\n24,150\n'), 'c.csv')).message).toContain('c.csv rad 2');
  });

  it('reads population in Statistics Sweden’s "code name" form and notices example data', () => {
    const p = readPopulationCsv(example('population.example.csv'), 'p.csv', munis());
    expect(p.counts.find((c) => c.municipality === '2380')?.population).toBe(64400);
    expect(p.example).toBe(true);
  });

  it('reads the example key and refuses a key file with a personnummer', () => {
    expect(readAllocationKeyFile(example('allocation-key.example.yaml'), 'k.yaml', munis()).example).toBe(true);
    const pnr = ['19', '850101', '1234'].join('');
    const text = readFileSync(join(defaultAgreementDir, 'examples', 'allocation-key.example.yaml'), 'utf8').replace(
      'decision: "exempel – inget beslut"',
      `decision: "${pnr}"`,
    );
    const e = caught(() => readAllocationKeyFile(utf8(text), 'k.yaml', munis()));
    expect(e.code).toBe('SAMV_ERR_PERSONNUMMER');
    expect(e.location.line).toBeGreaterThan(1);
  });
});
