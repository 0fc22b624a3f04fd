/**
 * `samverkan tillaggsbelopp --year Y --connected N [--policy beyond-bound|from-reference]
 * [--index-start full-chain|from-2026] [--key FIL] [--index FIL] [--json]`: the yearly
 * reconciliation of the tilläggsbelopp (TILL.avstamning) and its split by the allocation key.
 * Without --key the shipped EXAMPLE key is used, and the output says so.
 */
import type { Command } from 'commander';
import { describeInterpretation, formatKronor, reconcileTillaggsbelopp, type Agreement, type ReconciliationResult } from '@samverkan/core';
import { formatCount, stepLines } from '../step-lines.js';
import { readAgreement } from '../../agreement/read-agreement-dir.js';
import { tillaggsbeloppJson } from '../../calculations/result-json.js';
import { readExampleAllocationKey } from '../../files/example-allocation-key.js';
import { readAllocationKeyFile } from '../../files/allocation-key-yaml.js';
import {
  addIndexOption,
  addInterpretationOption,
  parseCountOption,
  parseInterpretationOption,
  parseYearOption,
  readIndexOption,
  sharePercent,
} from '../economy-options.js';
import { printJson, readInputFile } from '../output.js';
import { formatTable } from '../text-table.js';
import { cliIo } from '../cli-io.js';

function toText(r: ReconciliationResult, agreement: Agreement): string {
  const policy = describeInterpretation({ id: 'I3', option: r.policy }, agreement.interpretations.get('I3')).replace(/^.*: /, '');
  const table = formatTable(
    ['Kommun', 'Andel', 'Belopp'],
    r.allocations.map((a) => [a.name, sharePercent(a.share), formatKronor(a.amountOre)]),
  );
  return (
    `Avstämning av tilläggsbeloppet ${String(r.year)}\n` +
    `Anslutna personer: ${formatCount(r.connected)} (normalvariation ${formatCount(r.lower)}–${formatCount(r.upper)}: ${r.inside ? 'inom' : 'utanför'})\n` +
    `Tilläggsbelopp ${formatKronor(r.baseOre)}; justeringsbelopp ${formatKronor(r.adjustmentPerPersonOre)} per person\n` +
    `Justering (${policy}): ${formatKronor(r.adjustmentOre)}; att fördela: ${formatKronor(r.totalOre)}\n\n${table}` +
    (r.keyNote === undefined ? '' : `\nOBS: ${r.keyNote}\n`) +
    stepLines(r.trace, agreement)
  );
}

/** Register `tillaggsbelopp`. */
export function registerTillaggsbelopp(program: Command): void {
  const command = program
    .command('tillaggsbelopp')
    .description('avstämning av tilläggsbeloppet mot antalet anslutna personer och fördelning mellan kommunerna')
    .requiredOption('--year <ÅR>', 'året som avstäms (tolkning I4)')
    .requiredOption('--connected <ANTAL>', 'antal personer i länet anslutna till Storsjögläntan under året')
    .option('--policy <ALTERNATIV>', 'tolkning I3: beyond-bound (standard) eller from-reference')
    .option('--index-start <ALTERNATIV>', 'tolkning I5: full-chain (standard) eller from-2026')
    .option('--key <FIL>', 'fördelningsnyckel (YAML); standard är avtalets EXEMPELnyckel')
    .option('--json', 'skriv resultatet som JSON');
  addIndexOption(command);
  addInterpretationOption(command).action(
    (opts: {
      year: string;
      connected: string;
      policy?: string;
      indexStart?: string;
      key?: string;
      index?: string;
      interpretation?: string[];
      json?: boolean;
    }) => {
      const year = parseYearOption(opts.year);
      const connected = parseCountOption(opts.connected, '--connected', 'antalet anslutna personer');
      const agreement = readAgreement();
      const extra = [
        ...(opts.policy === undefined ? [] : [`I3=${opts.policy}`]),
        ...(opts.indexStart === undefined ? [] : [`I5=${opts.indexStart}`]),
      ];
      const choices = parseInterpretationOption([...(opts.interpretation ?? []), ...extra], agreement);
      const key =
        opts.key === undefined
          ? readExampleAllocationKey(agreement)
          : readAllocationKeyFile(readInputFile(opts.key, '--key'), opts.key, agreement.municipalities);
      const r = reconcileTillaggsbelopp(agreement, { year, connected, index: readIndexOption(opts.index), key, choices });
      if (opts.json === true) {
        printJson(tillaggsbeloppJson(r, agreement));
      } else cliIo().stdout.write(toText(r, agreement));
    },
  );
}
