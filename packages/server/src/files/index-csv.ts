/**
 * Index CSV: `series,year,percent[,kind][,source][,published]` — one SKR index value per row
 * (VPI, OPI, LPIK), percent with a decimal comma or point (with a comma delimiter a decimal comma
 * must be quoted: "2,9"; with semicolons it need not be). kind is utfall/outcome or
 * prognos/forecast (default utfall). A row whose source begins with "exempel" (the shipped example
 * files: "exempel – ej SKR:s publicerade värde") is an example value, so every result computed
 * with it says so, exactly as the service marks its stored example values. Errors name the file
 * and line.
 */
import { buildIndexSeries, SamverkanError, type IndexSeries } from '@samverkan/core';
import { optionalCell, requiredCell } from './cell.js';
import { parseCsv } from './csv.js';

/** Read an index file into an index set. */
export function readIndexCsv(bytes: Uint8Array, file: string): IndexSeries {
  const rows = parseCsv(bytes, file, ['series', 'year', 'percent'], ['kind', 'source', 'published']);
  try {
    return buildIndexSeries(
      rows.map((r) => {
        const kind = optionalCell(r, 'kind');
        const source = optionalCell(r, 'source');
        const published = optionalCell(r, 'published');
        return {
          series: requiredCell(r, 'series', file),
          year: requiredCell(r, 'year', file),
          percent: requiredCell(r, 'percent', file),
          file,
          line: r.line,
          ...(kind === undefined ? {} : { kind }),
          ...(source === undefined ? {} : { source }),
          ...(source !== undefined && /^exempel\b/i.test(source.trim()) ? { example: true } : {}),
          ...(published === undefined ? {} : { published }),
        };
      }),
    );
  } catch (e) {
    // Row errors from the core model are file-format errors here: the file is what must change.
    if (e instanceof SamverkanError && e.code === 'SAMV_ERR_INVALID_INPUT')
      throw new SamverkanError('SAMV_ERR_FILE_FORMAT', e.message, e.location);
    throw e;
  }
}
