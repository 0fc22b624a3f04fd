/**
 * A byte guard in front of the CSV parser (decision 0110): it follows the quoting of the raw bytes
 * (the delimiter, `"` and line feeds are ASCII in UTF-8 and Windows-1252 alike) and refuses the
 * file as soon as one cell, the cells of one row or one row's bytes (a record, quoted line breaks
 * included) goes beyond its limit — before the parser has collected it. csv-parse's own
 * `max_record_size` ignores empty cells, so a row of millions of `""` would pass it.
 */
import { Transform } from 'node:stream';
import { fileLimitBroken, formatBytes, formatCount, type FileLimits } from './file-limits.js';

/** A Transform that passes the bytes on unchanged while they stay within `limits`. */
export function csvGuard(delimiter: ';' | ',', limits: FileLimits): Transform {
  const delim = delimiter.charCodeAt(0);
  // A quoted cell of n characters is at most 4n bytes of UTF-8, doubled quotes and its own quotes.
  const maxCellBytes = 4 * limits.maxCellChars + 2;
  let quoted = false;
  let cellBytes = 0;
  let cells = 1;
  let rowBytes = 0;
  let line = 1;
  // Where the current record began (a quoted cell may span lines): the line a person looks for.
  let start = 1;
  return new Transform({
    transform(chunk: Buffer, _enc, cb) {
      for (let i = 0; i < chunk.length; i++) {
        const b = chunk[i];
        if (++rowBytes > limits.maxRowBytes) {
          cb(
            fileLimitBroken(
              `CSV-filen rad ${String(start)}`,
              `raden är längre än ${formatBytes(limits.maxRowBytes)}`,
              `${formatBytes(limits.maxRowBytes)} per rad`,
              start,
            ),
          );
          return;
        }
        if (b === 0x22) {
          quoted = !quoted;
          cellBytes += 1;
        } else if (b === 0x0a) {
          line += 1;
          if (quoted) {
            cellBytes += 1;
          } else {
            cellBytes = 0;
            cells = 1;
            rowBytes = 0;
            start = line;
          }
        } else if (b === delim && !quoted) {
          cellBytes = 0;
          if (++cells > limits.maxCellsPerRow) {
            cb(
              fileLimitBroken(
                `CSV-filen rad ${String(start)}`,
                `raden har fler än ${formatCount(limits.maxCellsPerRow)} celler`,
                `${formatCount(limits.maxCellsPerRow)} celler per rad`,
                start,
              ),
            );
            return;
          }
        } else if (++cellBytes > maxCellBytes) {
          cb(
            fileLimitBroken(
              `CSV-filen rad ${String(start)}`,
              `en cell har fler än ${formatCount(limits.maxCellChars)} tecken`,
              `${formatCount(limits.maxCellChars)} tecken per cell`,
              start,
            ),
          );
          return;
        }
      }
      cb(null, chunk);
    },
  });
}
