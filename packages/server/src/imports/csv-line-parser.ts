/**
 * csv-parse's stream parser, giving each record with the line it ends on as `[line, cells]`
 * without csv-parse's `info` option. With `info`, csv-parse copies its whole info object twice
 * for every record (`__infoRecord` spreads `__infoDataSet`): at a million rows that was 5.6 % of an
 * import's CPU and two million short-lived objects (decision 0260). The parser pushes each record
 * synchronously while its `info` is exactly what `info.lines` would have said for that record, so
 * the line is read there. The property test (csv-line-parser.test.ts) holds it to the `info`
 * option's lines and records on generated files: quotes, line breaks in fields, empty lines, CRLF.
 */
import { Parser } from 'csv-parse';

/** One parsed record and the line (1-based) it ends on. */
export type LinedRecord = readonly [line: number, cells: string[]];

/** A csv-parse `Parser` whose records come out as `[line, cells]` (the `info`, `raw`, `objname` and `columns` options must stay off). */
export class LineParser extends Parser {
  override push(chunk: unknown, encoding?: BufferEncoding): boolean {
    // null ends the stream; anything else is a record just parsed, with `info` at its last line.
    return super.push(chunk === null ? null : ([this.info.lines, chunk as string[]] satisfies LinedRecord), encoding);
  }
}
