/**
 * `samverkan price <dagtid|synhorsel|mt> --year Y --minutes N [--index FIL] [--json]`: the price of
 * one piece of work at the year's indexed rate — per started hour for daytime assignments
 * (ORD.uppdrag-dagtid) and syn/hörsel ombud (SYNHOR.ekonomisk-ersattning), pro rata by the I7
 * increment for MT (MT.bilaga-1-rorlig-del).
 */
import type { Command } from 'commander';
import { formatKronor, pricedFlows, priceQuote, quantity, SamverkanError, type PricedFlow } from '@samverkan/core';
import { stepLines } from '../step-lines.js';
import { readAgreement } from '../../agreement/read-agreement-dir.js';
import {
  addIndexOption,
  addInterpretationOption,
  parseCountOption,
  parseInterpretationOption,
  parseYearOption,
  readIndexOption,
} from '../economy-options.js';
import { printJson } from '../output.js';
import { priceJson } from '../../calculations/result-json.js';
import { cliIo } from '../cli-io.js';

const flowNames: Readonly<Record<PricedFlow, string>> = {
  dagtid: 'Uppdrag dagtid',
  synhorsel: 'Syn- och hörselombud',
  mt: 'MT, rörlig del',
};

function parseFlow(text: string): PricedFlow {
  const f = pricedFlows.find((p) => p === text);
  if (!f)
    throw new SamverkanError('SAMV_ERR_INVALID_INPUT', `flöde: "${text}" finns inte. Välj ett av: ${pricedFlows.join(', ')}.`, {
      field: 'flöde',
      value: text,
    });
  return f;
}

/** Register `price`. */
export function registerPrice(program: Command): void {
  const command = program
    .command('price')
    .description('pris för ett uppdrag: dagtid och syn-/hörselombud per påbörjad timme, MT per minut (tolkning I7)')
    .argument('<flöde>', pricedFlows.join(' | '))
    .requiredOption('--year <ÅR>', 'året vars uppräknade timpris gäller')
    .requiredOption('--minutes <MINUTER>', 'debiterbar tid i minuter (insats, administration, återrapportering, restid)')
    .option('--json', 'skriv resultatet som JSON');
  addIndexOption(command);
  addInterpretationOption(command).action(
    (flowText: string, opts: { year: string; minutes: string; index?: string; interpretation?: string[]; json?: boolean }) => {
      const flow = parseFlow(flowText);
      const year = parseYearOption(opts.year);
      const minutes = parseCountOption(opts.minutes, '--minutes', 'antalet minuter');
      const agreement = readAgreement();
      const choices = parseInterpretationOption(opts.interpretation, agreement);
      const q = priceQuote(agreement, flow, year, minutes, readIndexOption(opts.index), choices);
      if (opts.json === true) {
        printJson(priceJson(q, agreement));
        return;
      }
      const unit = flow === 'mt' ? 'timme' : 'påbörjad timme';
      cliIo().stdout.write(
        `${flowNames[flow]} ${String(year)}\n` +
          `Timpris: ${formatKronor(q.rateOre)} per ${unit}\n` +
          `Debiterad tid: ${quantity(q.billedMinutes, 'minutes')} (av ${quantity(minutes, 'minutes')})\n` +
          `Belopp: ${formatKronor(q.amountOre)}\n` +
          `Avtalspunkt: ${q.trace.clauses.join(', ')}\n` +
          stepLines(q.trace, agreement),
      );
    },
  );
}
