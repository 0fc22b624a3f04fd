/**
 * `samverkan assess --batch FILE.ndjson`: one JSON answer line per input line, in order, streamed.
 *
 * Reading is a readline over a read stream and every write waits for `drain` when the output
 * buffer is full, so memory stays flat for any file size. A line that cannot be answered (bad
 * JSON, invalid input, a personnummer, a blank line) gives, on its own output line,
 * `{ "line": N, "error": { "code", "message", "location" } }` and the run goes on. The caller
 * turns `badLines > 0` into exit code 2 after the last line (see commands/assess.ts).
 */
import { createReadStream } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { assessInput, isSamverkanError, SamverkanError, type Agreement, type RateLevel, type ResponsibilityRules } from '@samverkan/core';
import { plainErrorJson } from '../language/plain-message.js';

/** How a batch run went. */
export interface BatchResult {
  readonly lines: number;
  readonly badLines: number;
  /** Line numbers of the first bad lines (at most 10), for the closing message. */
  readonly firstBad: readonly number[];
  /** Worst exit code among the bad lines (2 for input errors, 1 for an internal error). */
  readonly exitCode: number;
}

/** Parse one NDJSON line; a syntax error is SAMV_ERR_INVALID_INPUT naming the line (never echoing it). */
export function parseJsonLine(text: string, line: number, file: string): unknown {
  if (text.trim() === '') {
    throw new SamverkanError('SAMV_ERR_INVALID_INPUT', `rad ${line}: raden är tom; varje rad ska vara en situation som JSON-objekt.`, {
      file,
      line,
    });
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new SamverkanError('SAMV_ERR_INVALID_INPUT', `rad ${line}: raden är inte giltig JSON.`, { file, line });
  }
}

function errorLine(e: unknown, line: number, file: string): { json: string; exitCode: number } {
  const err = isSamverkanError(e)
    ? new SamverkanError(e.code, e.message.startsWith(`rad ${line}:`) ? e.message : `rad ${line}: ${e.message}`, {
        ...e.location,
        file,
        line,
      })
    : new SamverkanError('SAMV_ERR_INTERNAL', `rad ${line}: ett internt fel inträffade.`, { file, line });
  const { code, message, location } = plainErrorJson(err);
  return { json: JSON.stringify({ line, error: { code, message, location } }), exitCode: err.exitCode };
}

async function write(out: Writable, text: string): Promise<void> {
  if (!out.write(text)) await once(out, 'drain');
}

/** Answer every line of `path` (`-` = standard input) to `out`, one line each, in order. */
export async function assessBatch(
  agreement: Agreement,
  rules: ResponsibilityRules,
  path: string,
  out: Writable,
  options: { readonly today: string; readonly explain: boolean; readonly stdin?: Readable; readonly rates?: RateLevel },
): Promise<BatchResult> {
  let input: Readable;
  if (path === '-') {
    input = options.stdin ?? process.stdin;
  } else {
    input = createReadStream(path);
    // A missing file is reported before anything is written.
    await Promise.race([once(input, 'open'), once(input, 'error').then(([e]) => Promise.reject(e as Error))]).catch(() => {
      throw new SamverkanError('SAMV_ERR_FILE_NOT_FOUND', `--batch: filen "${path}" kunde inte läsas. Kontrollera sökvägen.`, {
        field: '--batch',
        file: path,
      });
    });
  }
  const file = path === '-' ? 'standard in' : path;
  const lines = createInterface({ input, crlfDelay: Infinity });
  let n = 0;
  let bad = 0;
  let exitCode = 0;
  const firstBad: number[] = [];
  for await (const raw of lines) {
    n++;
    // The first line may carry a UTF-8 byte order mark.
    const text = n === 1 ? raw.replace(/^\uFEFF/, '') : raw;
    let json: string;
    try {
      json = JSON.stringify(assessInput(agreement, rules, parseJsonLine(text, n, file), options));
    } catch (e) {
      const failed = errorLine(e, n, file);
      json = failed.json;
      bad++;
      exitCode = Math.max(exitCode, failed.exitCode);
      if (firstBad.length < 10) firstBad.push(n);
    }
    await write(out, json + '\n');
  }
  return { lines: n, badLines: bad, firstBad, exitCode };
}
