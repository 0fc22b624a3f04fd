/**
 * `samverkan mt-fixed --inventory FIL --year Y --half 1|2 [--inventory-date DATUM] [--index FIL]
 * [--json]`: MT's half-year fixed-part invoice and its split by device share
 * (MT.bilaga-1-fast-del). The counts are those of the I8 snapshot date; `--inventory-date` says
 * which date the file holds (checked against I8, or used as the chosen date with
 * `--interpretation I8=chosen-date`).
 */
import type { Command } from 'commander';
import { formatKronor, mtFixedInvoice, quantity, SamverkanError, type Agreement, type MtFixedResult } from '@samverkan/core';
import { formatCount, stepLines } from '../step-lines.js';
import { readAgreement } from '../../agreement/read-agreement-dir.js';
import { readInventoryCsv } from '../../files/inventory-csv.js';
import {
  addIndexOption,
  addInterpretationOption,
  parseInterpretationOption,
  parseYearOption,
  readIndexOption,
} from '../economy-options.js';
import { printJson, readInputFile } from '../output.js';
import { formatTable } from '../text-table.js';
import { mtFixedJson } from '../../calculations/result-json.js';
import { cliIo } from '../cli-io.js';

function parseHalf(text: string): 1 | 2 {
  if (text.trim() === '1') return 1;
  if (text.trim() === '2') return 2;
  throw new SamverkanError('SAMV_ERR_INVALID_INPUT', `--half: "${text}" ska vara 1 (januari–juni) eller 2 (juli–december).`, {
    field: '--half',
    value: text,
  });
}

function toText(r: MtFixedResult, agreement: Agreement): string {
  const table = formatTable(
    ['Kommun', 'Inventarier', 'Belopp'],
    r.allocations.map((a) => [a.name, formatCount(a.devices), formatKronor(a.amountOre)]),
  );
  return (
    `MT fast del, halvår ${String(r.half)} ${String(r.year)} (inventering ${r.snapshotDate})\n` +
    `Resursbehov per år: ${quantity(r.yearlyMinutes, 'minutes')}; timersättning ${formatKronor(r.rateOre)} per timme\n` +
    `Årskostnad ${formatKronor(r.yearlyOre)}; halvårsfaktura ${formatKronor(r.halfOre)}\n\n${table}` +
    stepLines(r.trace, agreement)
  );
}

/** Register `mt-fixed`. */
export function registerMtFixed(program: Command): void {
  const command = program
    .command('mt-fixed')
    .description('MT:s fasta del: halvårsfaktura och fördelning efter andel registrerade inventarier')
    .requiredOption('--inventory <FIL>', 'inventering (CSV: municipality,devices)')
    .requiredOption('--year <ÅR>', 'år som faktureras')
    .requiredOption('--half <1|2>', 'halvår: 1 = januari–juni, 2 = juli–december')
    .option('--inventory-date <DATUM>', 'datum då inventeringen gjordes (kontrolleras mot tolkning I8)')
    .option('--json', 'skriv resultatet som JSON');
  addIndexOption(command);
  addInterpretationOption(command).action(
    (opts: {
      inventory: string;
      year: string;
      half: string;
      inventoryDate?: string;
      index?: string;
      interpretation?: string[];
      json?: boolean;
    }) => {
      const year = parseYearOption(opts.year);
      const half = parseHalf(opts.half);
      const agreement = readAgreement();
      const choices = parseInterpretationOption(opts.interpretation, agreement);
      const counts = readInventoryCsv(readInputFile(opts.inventory, '--inventory'), opts.inventory, agreement.municipalities);
      const r = mtFixedInvoice(agreement, {
        year,
        half,
        inventory: { counts, ...(opts.inventoryDate === undefined ? {} : { snapshotDate: opts.inventoryDate }) },
        index: readIndexOption(opts.index),
        choices,
        ...(opts.inventoryDate === undefined ? {} : { chosenSnapshotDate: opts.inventoryDate }),
      });
      if (opts.json === true) {
        printJson(mtFixedJson(r, agreement));
      } else cliIo().stdout.write(toText(r, agreement));
    },
  );
}
