/**
 * `samverkan assess [--input FILE|-] [--json] [--explain] [--batch FILE.ndjson|-]`: the
 * Ansvarsguide from the command line — who is responsible, who provides, who pays, each answer
 * with its rule and clause.
 *
 * - `--input FILE` (or `-` for standard input): one situation as a flat JSON object. Prints a short
 *   Swedish summary; `--json` prints the answer document (the same JSON the server returns);
 *   `--explain` prints Swedish prose a nurse can read aloud (with `--json`: added as `explanation`).
 * - `--batch FILE.ndjson` (or `-`): one compact JSON answer per input line, in order, streamed. A bad
 *   line gets `{ "line": N, "error": {…} }` on its output line and the run continues; when any line
 *   was bad the command exits with code 2 after the last line, naming the bad lines on stderr.
 *
 * Rates (the hired-staff rate of `performing`) are in the price level of the year of the date
 * asked, as the API shows them: from `--index FILE` when given, else from the index values and
 * parameter decisions of the configured database when there is one (DATABASE_URL, or the SQLite
 * file exists); with neither, the agreement's base values (e.g. 640 kr, 2025 års nivå).
 *
 * Invalid input exits with code 2 and a Swedish message naming the field (SAMV_ERR_INVALID_INPUT);
 * a personnummer anywhere in the input is refused (SAMV_ERR_PERSONNUMMER, exit 2).
 */
import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { assessInput, SamverkanError, todayInStockholm, type Agreement, type RateLevel } from '@samverkan/core';
import { loadConfig } from '../../config.js';
import { calculationReference } from '../../reference/reference-cache.js';
import { decodeText } from '../../files/decode.js';
import { jsonErrorLine } from '../../files/json-error-position.js';
import { assessBatch } from '../../responsibility/assess-batch.js';
import { loadResponsibility } from '../../responsibility/responsibility-rules.js';
import { summaryLines } from '../../responsibility/summary-text.js';
import { printJson, readInputFile } from '../output.js';
import { cliIo, readStdin as readAllStdin } from '../cli-io.js';
import { openConfiguredStore } from '../configured-store.js';
import { addIndexOption, readIndexOption } from '../economy-options.js';

interface AssessOptions {
  readonly input?: string;
  readonly batch?: string;
  readonly json?: boolean;
  readonly explain?: boolean;
  readonly index?: string;
}

/** The price level of the rates: the `--index` file, else the configured database's values, else none (base values). */
async function rateLevel(opts: AssessOptions, agreement: Agreement): Promise<RateLevel | undefined> {
  if (opts.index !== undefined) return { parameters: agreement.parameters, index: readIndexOption(opts.index) };
  const config = loadConfig(cliIo().env);
  // Asking the guide never creates a database: without one the answer shows the agreement's base values.
  if (config.databaseUrl === undefined && !existsSync(config.sqliteFile)) return undefined;
  const { store } = await openConfiguredStore();
  try {
    const reference = await calculationReference(store.db, agreement);
    return { parameters: reference.agreement.parameters, index: reference.index };
  } finally {
    await store.close();
  }
}

async function readStdin(): Promise<Uint8Array> {
  try {
    return await readAllStdin();
  } catch {
    throw new SamverkanError('SAMV_ERR_FILE_NOT_FOUND', '--input: standard in kunde inte läsas.', { field: '--input' });
  }
}

/** Parse the input document; a JSON syntax error names the file and line. */
function parseInputJson(bytes: Uint8Array, file: string): unknown {
  const { text } = decodeText(bytes);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    const line = jsonErrorLine(text);
    throw new SamverkanError(
      'SAMV_ERR_INVALID_INPUT',
      `${file}${line === undefined ? '' : ` rad ${line}`}: indata är inte giltig JSON. Ange situationen som ett JSON-objekt, till exempel {"housing": "ordinart", "registeredMunicipality": "2380"}.`,
      line === undefined ? { file } : { file, line },
    );
  }
}

async function run(opts: AssessOptions): Promise<void> {
  if ((opts.input === undefined) === (opts.batch === undefined)) {
    throw new SamverkanError('SAMV_ERR_INVALID_INPUT', 'Ange antingen --input FIL (eller - för standard in) eller --batch FIL.ndjson.', {
      field: '--input',
    });
  }
  if (opts.batch !== undefined && opts.json === true) {
    throw new SamverkanError('SAMV_ERR_INVALID_INPUT', '--json: --batch skriver alltid en JSON-rad per indatarad; utelämna --json.', {
      field: '--json',
    });
  }
  const { agreement, rules } = loadResponsibility();
  const today = todayInStockholm().toString();
  const rates = await rateLevel(opts, agreement);
  if (opts.batch !== undefined) {
    const result = await assessBatch(agreement, rules, opts.batch, cliIo().stdout, {
      today,
      explain: opts.explain === true,
      stdin: cliIo().stdin,
      ...(rates === undefined ? {} : { rates }),
    });
    if (result.badLines > 0) {
      const which = result.firstBad.join(', ') + (result.badLines > result.firstBad.length ? ' …' : '');
      throw new SamverkanError(
        result.exitCode === 1 ? 'SAMV_ERR_INTERNAL' : 'SAMV_ERR_INVALID_INPUT',
        `${String(result.badLines)} av ${String(result.lines)} rader kunde inte besvaras (rad ${which}); deras svarsrader är felobjekt.`,
        { file: opts.batch },
      );
    }
    return;
  }
  const path = opts.input ?? '-';
  const bytes = path === '-' ? await readStdin() : readInputFile(path, '--input');
  const output = assessInput(agreement, rules, parseInputJson(bytes, path === '-' ? 'standard in' : path), {
    today,
    explain: opts.explain === true,
    ...(rates === undefined ? {} : { rates }),
  });
  if (opts.json === true) printJson(output);
  else if (output.explanation !== undefined) cliIo().stdout.write(`${output.explanation}\n`);
  else cliIo().stdout.write(`${summaryLines(output).join('\n')}\n`);
}

/** Register `assess`. */
export function registerAssess(program: Command): void {
  const command = program
    .command('assess')
    .description('ansvarsguiden: vem ansvarar, vem tillhandahåller och vem betalar – med regel och klausul')
    .option('--input <fil>', 'en situation som JSON-objekt (- = standard in)')
    .option('--batch <fil>', 'en situation per rad (NDJSON); svarar med en JSON-rad per rad (- = standard in)')
    .option('--json', 'skriv svaret som JSON (samma som tjänstens svar)')
    .option('--explain', 'förklara svaret på svenska, att läsa upp');
  addIndexOption(command).action(async (opts: AssessOptions) => {
    await run(opts);
  });
}
