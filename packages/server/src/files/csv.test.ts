import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { parseCsv, detectDelimiter } from './csv.js';
import { decodeText } from './decode.js';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('decodeText', () => {
  it('reads UTF-8 with BOM, plain UTF-8 and Windows-1252', () => {
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('Åre')]))).toEqual({ text: 'Åre', encoding: 'utf-8-bom' });
    expect(decodeText(utf8('Östersund'))).toEqual({ text: 'Östersund', encoding: 'utf-8' });
    expect(decodeText(new Uint8Array(iconv.encode('Östersund;Bräcke', 'win1252')))).toEqual({
      text: 'Östersund;Bräcke',
      encoding: 'windows-1252',
    });
  });
});

describe('parseCsv', () => {
  it('detects semicolons and commas', () => {
    expect(detectDelimiter('a;b;c')).toBe(';');
    expect(detectDelimiter('a,b')).toBe(',');
  });

  it('returns rows with their file line numbers, skipping blank lines', () => {
    const rows = parseCsv(utf8('Municipality;Devices\r\nBerg;50\r\n\r\nÅre;53\r\n'), 'inv.csv', ['municipality', 'devices']);
    expect(rows).toEqual([
      { line: 2, values: { municipality: 'Berg', devices: '50' } },
      { line: 4, values: { municipality: 'Åre', devices: '53' } },
    ]);
  });

  it('names a missing column, an unknown column and an empty file in Swedish', () => {
    expect(() => parseCsv(utf8('municipality\nBerg\n'), 'inv.csv', ['municipality', 'devices'])).toThrow(
      /inv\.csv rad 1: kolumnen "devices" saknas/,
    );
    expect(() => parseCsv(utf8('municipality;devices;colour\nBerg;1;red\n'), 'inv.csv', ['municipality', 'devices'])).toThrow(
      /okänd kolumn "colour"/,
    );
    expect(() => parseCsv(utf8(''), 'inv.csv', ['municipality'])).toThrow(/filen är tom/);
  });

  it('reports a row with the wrong number of fields', () => {
    expect(() => parseCsv(utf8('a;b\n1;2\n3\n'), 'x.csv', ['a', 'b'])).toThrow(/x\.csv rad 3/);
  });

  it('refuses a file containing a personnummer, naming the line', () => {
    const id = ['19121212', '1212'].join('-');
    expect(() => parseCsv(utf8(`a;b\n1;2\n${id};3\n`), 'x.csv', ['a', 'b'])).toThrow(
      /x\.csv, rad 3: uppgiften ser ut att innehålla ett personnummer/,
    );
  });
});
