/**
 * Streaming CSV rows: the file is decoded as it is read (iconv-lite streaming: UTF-8 with or
 * without BOM, or Windows-1252 as the scan decided), parsed with csv-parse's stream API with the
 * delimiter of the header line (semicolon as Swedish Excel writes it, or comma), and yielded one
 * row at a time with its line number. Rows are never collected: memory stays flat for any size.
 * Quoted fields may span lines; a row's line is the line it ends on.
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { pipeline } from 'node:stream';
import iconv from 'iconv-lite';
import { SamverkanError } from '@samverkan/core';
import { detectDelimiter } from '../files/csv.js';
import type { ScannedFile } from './file-scan.js';
import { byteCounter } from './byte-counter.js';
import { csvGuard } from './csv-guard.js';
import { fileLimitBroken, formatCount, type FileLimits } from './file-limits.js';
import type { SourceRow } from './source-row.js';
import { LineParser, type LinedRecord } from './csv-line-parser.js';

const PEEK_BYTES = 64 * 1024;

function iconvName(file: ScannedFile): string {
  return file.encoding === 'windows-1252' ? 'win1252' : 'utf8';
}

/** The delimiter of the file's first line. */
export async function csvDelimiter(file: ScannedFile): Promise<';' | ','> {
  const handle = await open(file.path, 'r');
  try {
    const buffer = Buffer.alloc(PEEK_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, PEEK_BYTES, 0);
    const text = iconv.decode(buffer.subarray(0, bytesRead), iconvName(file));
    return detectDelimiter(text.split(/\r?\n/, 1)[0] ?? '');
  } finally {
    await handle.close();
  }
}

/** Rows of a CSV file, streamed within `limits` (cells, cells per row, row bytes and rows checked while reading). */
export async function* csvRows(file: ScannedFile, limits: FileLimits, onBytes?: (n: number) => void): AsyncGenerator<SourceRow> {
  const delimiter = await csvDelimiter(file);
  // csv-parse with the line each record ends on (csv-line-parser.ts: without the per-record `info` copies).
  const parser = new LineParser({ delimiter, relax_column_count: true, skip_empty_lines: true, trim: true, bom: true });
  let guardFailure: SamverkanError | undefined;
  pipeline(
    createReadStream(file.path, { highWaterMark: 256 * 1024 }),
    byteCounter(onBytes),
    csvGuard(delimiter, limits),
    iconv.decodeStream(iconvName(file)),
    parser,
    (err) => {
      // Errors reach the consumer through the parser's iterator; a refusal by the guard is kept to be named.
      if (err instanceof SamverkanError) guardFailure = err;
    },
  );
  let rows = 0;
  try {
    for await (const item of parser) {
      const [lines, record] = item as LinedRecord;
      rows += 1;
      // The header is row one of the count too: `maxRows` data rows plus the header.
      if (rows > limits.maxRows + 1)
        throw fileLimitBroken(
          `CSV-filen rad ${String(lines)}`,
          `filen har fler än ${formatCount(limits.maxRows)} rader`,
          `${formatCount(limits.maxRows)} rader`,
          lines,
        );
      // The guard counts bytes; the limit is in characters.
      if (record.some((c) => c.length > limits.maxCellChars)) {
        throw fileLimitBroken(
          `CSV-filen rad ${String(lines)}`,
          `en cell har fler än ${formatCount(limits.maxCellChars)} tecken`,
          `${formatCount(limits.maxCellChars)} tecken per cell`,
          lines,
        );
      }
      yield { line: lines, cells: record };
    }
  } catch (e) {
    if (e instanceof SamverkanError) throw e;
    if (guardFailure !== undefined) throw guardFailure;
    const line = (e as { lines?: number }).lines;
    throw new SamverkanError(
      'SAMV_ERR_FILE_FORMAT',
      `${file.path === '' ? 'Filen' : 'CSV-filen'}${line === undefined ? '' : ` rad ${String(line)}`}: kunde inte läsas (${e instanceof Error ? e.message : String(e)}). Kontrollera citattecknen på raden.`,
      line === undefined ? { field: 'fil' } : { line, field: 'fil' },
    );
  } finally {
    parser.destroy();
  }
}
