/**
 * `samverkan agreements [--on DATE] [--terminated DOC=DATE …] [--json]`: each document's current
 * validity period, notice deadline (I11), renewal and status on a date (default: today in
 * Europe/Stockholm), given the terminations recorded so far: those in the configured database
 * (when there is one) plus any given with --terminated, and says which source it used
 * (docs/decisions/0092-cli-terminations-from-the-database.md). With `--report f.pdf` it writes the
 * status report PDF instead (commands/report-pdfs.ts).
 */
import type { Command } from 'commander';
import {
  agreementLifecycle,
  parseDate,
  SamverkanError,
  todayInStockholm,
  type DocumentLifecycle,
  type DocumentStatus,
} from '@samverkan/core';
import { readAgreement } from '../../agreement/read-agreement-dir.js';
import { printJson } from '../output.js';
import { addTerminatedOption, parseTerminatedOption } from '../terminated-option.js';
import { formatTable } from '../text-table.js';
import { cliIo } from '../cli-io.js';

const statusText: Record<DocumentStatus, string> = {
  not_started: 'ej påbörjat',
  active: 'gäller',
  terminated: 'uppsagt',
  expired: 'upphört',
};

/** The JSON shape of one document (the CLI's stable output). */
function toJson(r: DocumentLifecycle) {
  return {
    id: r.id,
    title: r.title,
    part: r.part,
    periodStart: r.periodStart,
    periodEnd: r.periodEnd,
    noticeDeadline: r.noticeDeadline,
    autoRenews: r.autoRenews,
    status: r.status,
  };
}

function toText(on: string, rows: readonly DocumentLifecycle[], source: string): string {
  const table = formatTable(
    ['Dokument', 'Del', 'Period', 'Sista dag för uppsägning', 'Förlängs', 'Status'],
    rows.map((r) => [
      r.id,
      String(r.part),
      `${r.periodStart} – ${r.periodEnd}`,
      r.noticeDeadline ?? '–',
      r.autoRenews ? 'ja' : 'nej',
      statusText[r.status],
    ]),
  );
  return `Samverkansavtalets dokument den ${on}\n\n${table}\nUppsägning görs via länsövergripande politisk samverkansarena (PRINC.giltighet, tolkning I11).\n${source}\n`;
}

/** Register `agreements`. */
export function registerAgreements(program: Command): void {
  const command = program
    .command('agreements')
    .description('visa avtalets dokument: aktuell period, sista dag för uppsägning, förlängning och status')
    .option('--on <DATUM>', 'datum ÅÅÅÅ-MM-DD (standard: i dag, svensk tid)')
    .option(
      '--report <fil.pdf>',
      'skriv avtalsläget som PDF (perioder, uppsägningstider, de närmaste 90 dagarnas åtaganden, öppna tvister) från den konfigurerade databasen; granskningsloggas',
    )
    .option('--json', 'skriv resultatet som JSON');
  addTerminatedOption(command).action(async (opts: { on?: string; terminated?: string[]; report?: string; json?: boolean }) => {
    const on = opts.on === undefined ? todayInStockholm() : parseDate(opts.on, '--on');
    if (opts.report !== undefined) {
      // The report is a file that leaves the system: it rests on what the database records, audited.
      if ((opts.terminated ?? []).length > 0)
        throw new SamverkanError(
          'SAMV_ERR_INVALID_INPUT',
          '--terminated: avtalsläget som PDF bygger på uppsägningarna i databasen; registrera uppsägningen där i stället för att ange den här.',
          { field: '--terminated' },
        );
      await (await import('./report-pdfs.js')).writeStatusReport(on.toString(), opts.report, opts.json === true);
      return;
    }
    const agreement = readAgreement();
    const given = parseTerminatedOption(opts.terminated, agreement);
    const { configuredTerminations, describeTerminationsSource } = await import('../../terminations/configured-terminations.js');
    const { terminations, source } = await configuredTerminations(given, cliIo().env);
    const rows = agreementLifecycle(agreement, on, terminations);
    if (opts.json === true) printJson({ on: on.toString(), agreements: rows.map(toJson), terminationsSource: source });
    else cliIo().stdout.write(toText(on.toString(), rows, describeTerminationsSource(source)));
  });
}
