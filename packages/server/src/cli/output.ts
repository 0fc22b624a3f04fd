/**
 * How the CLI talks: with `--json` exactly one JSON document on stdout (the result, or
 * `{ "error": … }`); without it, Swedish text. Domain errors exit with the catalogue's code and
 * a Swedish message; nothing ever prints a stack trace to the user.
 */
import { readFileSync } from 'node:fs';
import { isSamverkanError, SamverkanError } from '@samverkan/core';
import { cliIo } from './cli-io.js';
import { plainErrorJson, plainMessage } from '../language/plain-message.js';

/** Print one JSON document to stdout. */
export function printJson(value: unknown): void {
  cliIo().stdout.write(JSON.stringify(value, null, 2) + '\n');
}

/** Read a file given on the command line; a missing file is a Swedish error naming it. */
export function readInputFile(path: string, option: string): Uint8Array {
  try {
    return readFileSync(path);
  } catch {
    throw new SamverkanError('SAMV_ERR_FILE_NOT_FOUND', `${option}: filen "${path}" kunde inte läsas. Kontrollera sökvägen.`, {
      field: option,
      file: path,
    });
  }
}

/** A failure the command has already written to standard error in full (e.g. an import's problem list); only its exit code is left. */
export class ReportedError extends Error {
  constructor(readonly exitCode: number) {
    super('reported');
  }
}

/** Report an error the way the CLI promises and return the exit code to use. */
export function reportError(e: unknown, json: boolean): number {
  if (e instanceof ReportedError) return e.exitCode;
  if (isSamverkanError(e)) {
    // Field names in Swedish, as the API says them (language/plain-message.ts).
    if (json) printJson({ error: plainErrorJson(e) });
    cliIo().stderr.write(`Fel: ${plainMessage(e.message)}\n`);
    return e.exitCode;
  }
  const internal = new SamverkanError(
    'SAMV_ERR_INTERNAL',
    'Ett internt fel inträffade. Kör med SAMVERKAN_DEBUG=1 för detaljer och rapportera felet.',
  );
  if (json) printJson({ error: internal.toJSON() });
  cliIo().stderr.write(`Fel: ${internal.message}\n`);
  if (cliIo().env['SAMVERKAN_DEBUG']) cliIo().stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  return internal.exitCode;
}

/** Parse an integer option (years, counts, minutes), with a Swedish error naming the option. */
export function parseIntegerOption(text: string, option: string, min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER): number {
  if (!/^-?\d+$/.test(text.trim()))
    throw new SamverkanError('SAMV_ERR_INVALID_INPUT', `${option}: "${text}" är inget heltal.`, { field: option, value: text });
  const n = Number(text.trim());
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    throw new SamverkanError('SAMV_ERR_INVALID_INPUT', `${option}: ${text} ligger utanför tillåtet intervall ${min}–${max}.`, {
      field: option,
      value: text,
    });
  }
  return n;
}
