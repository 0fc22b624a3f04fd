/**
 * The line parser (decision 0260) gives exactly csv-parse's records and `info.lines` with the
 * options imports use, on generated files: quoted fields with delimiters, quotes and line breaks,
 * empty lines, CRLF and LF, a BOM, trailing spaces, and the text fed in arbitrary chunk sizes.
 */
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { parse, type Info } from 'csv-parse';
import { describe, expect, it } from 'vitest';
import { LineParser } from './csv-line-parser.js';

const OPTIONS = { delimiter: ';', relax_column_count: true, skip_empty_lines: true, trim: true, bom: true } as const;

function chunked(text: string, sizes: readonly number[]): Readable {
  const parts: string[] = [];
  let at = 0;
  for (let i = 0; at < text.length; i++) {
    const n = Math.max(1, sizes[i % Math.max(1, sizes.length)] ?? 7);
    parts.push(text.slice(at, at + n));
    at += n;
  }
  return Readable.from(parts);
}

async function withInfo(text: string, sizes: readonly number[]): Promise<unknown[]> {
  const out: unknown[] = [];
  const p = chunked(text, sizes).pipe(parse({ ...OPTIONS, info: true }));
  try {
    for await (const item of p) {
      const { record, info } = item as { record: string[]; info: Info };
      out.push([info.lines, record]);
    }
  } catch (e) {
    out.push(['error', (e as Error).message]);
  }
  return out;
}

async function withLines(text: string, sizes: readonly number[]): Promise<unknown[]> {
  const out: unknown[] = [];
  const p = chunked(text, sizes).pipe(new LineParser(OPTIONS));
  try {
    for await (const item of p) out.push(item);
  } catch (e) {
    out.push(['error', (e as Error).message]);
  }
  return out;
}

const cell = fc.oneof(
  fc.constantFrom('', ' ', 'region', '2380', 'Östersund', '12,5', 'ja', '"'),
  fc.string({ unit: fc.constantFrom('a', 'ö', ' ', ';', '"', '\n', '\r\n', ',', 'x') }),
);
const quoted = cell.map((c) => `"${c.replaceAll('"', '""')}"`);
const row = fc
  .array(
    fc.oneof(
      cell.filter((c) => !/[;"\r\n]/.test(c)),
      quoted,
    ),
    { minLength: 1, maxLength: 6 },
  )
  .map((cs) => cs.join(';'));
const file = fc.record({
  bom: fc.boolean(),
  eol: fc.constantFrom('\n', '\r\n'),
  rows: fc.array(fc.oneof(row, fc.constant(''), fc.constant('  ')), { maxLength: 25 }),
  trailing: fc.boolean(),
});

describe('LineParser', () => {
  it('gives the records and lines of csv-parse with info, whatever the file and its chunks', async () => {
    await fc.assert(
      fc.asyncProperty(file, fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 5 }), async (f, sizes) => {
        const text = `${f.bom ? '\ufeff' : ''}${f.rows.join(f.eol)}${f.trailing ? f.eol : ''}`;
        expect(await withLines(text, sizes)).toEqual(await withInfo(text, sizes));
      }),
      { numRuns: 400 },
    );
  });

  it('numbers the lines of a record that spans lines by the line it ends on', async () => {
    const text = 'a;b\n\n"x\ny";2\nz;3\n';
    expect(await withLines(text, [100])).toEqual(await withInfo(text, [100]));
    expect(await withLines(text, [100])).toEqual([
      [1, ['a', 'b']],
      [4, ['x\ny', '2']],
      [5, ['z', '3']],
    ]);
  });
});
