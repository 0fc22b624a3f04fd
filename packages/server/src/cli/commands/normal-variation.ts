/**
 * `samverkan normal-variation --counts FIL [--json]`: a proposed normal variation of connected
 * persons from yearly counts (TILL.grundforutsattningar, I12): mean ± 2 sample standard deviations,
 * each bound rounded to the nearest whole person, computed exactly.
 */
import type { Command } from 'commander';
import { normalVariation } from '@samverkan/core';
import { readAgreement } from '../../agreement/read-agreement-dir.js';
import { readCountsCsv } from '../../files/counts-csv.js';
import { addInterpretationOption, parseInterpretationOption } from '../economy-options.js';
import { printJson, readInputFile } from '../output.js';
import { normalVariationJson } from '../../calculations/result-json.js';
import { stepLines } from '../step-lines.js';
import { cliIo } from '../cli-io.js';

/** Register `normal-variation`. */
export function registerNormalVariation(program: Command): void {
  const command = program
    .command('normal-variation')
    .description('föreslå ny normalvariation för antalet anslutna personer (medelvärde ± 2 standardavvikelser)')
    .requiredOption('--counts <FIL>', 'antal per år (CSV: year,count[,source])')
    .option('--json', 'skriv resultatet som JSON');
  addInterpretationOption(command).action((opts: { counts: string; interpretation?: string[]; json?: boolean }) => {
    const agreement = readAgreement();
    const choices = parseInterpretationOption(opts.interpretation, agreement);
    const counts = readCountsCsv(readInputFile(opts.counts, '--counts'), opts.counts);
    const r = normalVariation(agreement, counts, choices);
    if (opts.json === true) {
      printJson(normalVariationJson(r, agreement));
      return;
    }
    cliIo().stdout.write(
      `Förslag till normalvariation (${String(r.years[0] ?? '')}–${String(r.years.at(-1) ?? '')}, ${String(r.n)} år)\n` +
        `Medelvärde ${r.mean.replace('.', ',')}; standardavvikelse ${r.sd.replace('.', ',')}\n` +
        `Normalvariation: ${String(r.lower)}–${String(r.upper)} personer\n` +
        stepLines(r.trace, agreement),
    );
  });
}
