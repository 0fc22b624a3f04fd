/**
 * `samverkan agreements [--on DATE] [--terminated DOC=DATE …] [--json]`: each document's current
 * validity period, notice deadline (I11), renewal and status on a date (default: today in
 * Europe/Stockholm), given the terminations recorded so far: those in the configured database
 * (when there is one) plus any given with --terminated, and says which source it used
 * (docs/decisions/0092-cli-terminations-from-the-database.md).
 */
import type { Command } from 'commander';
import { agreementLifecycle, parseDate, todayInStockholm, type DocumentLifecycle, type DocumentStatus } from '@samverkan/core';
import { readAgreement } from '../../agreement/read-agreement-dir.js';
import { printJson } from '../output.js';
import { addTerminatedOption, parseTerminatedOption } from '../terminated-option.js';
import { formatTable } from '../text-table.js';

const statusText: Record<DocumentStatus, string> = {
  not_started: 'ej påbörjat',
  active: 'gäller',
  terminated: 'uppsagt',
  expired: 'upphört',
};

/** The JSON shape of one document (the CLI's stable output). */
function toJson(r: DocumentLifecycle) {
  return { id: r.id, title: r.title, part: r.part, periodStart: r.periodStart, periodEnd: r.periodEnd, noticeDeadline: r.noticeDeadline, autoRenews: r.autoRenews, status: r.status };
}

function toText(on: string, rows: readonly DocumentLifecycle[], source: string): string {
  const table = formatTable(
    ['Dokument', 'Del', 'Period', 'Sista dag för uppsägning', 'Förlängs', 'Status'],
    rows.map((r) => [r.id, String(r.part), `${r.periodStart} – ${r.periodEnd}`, r.noticeDeadline ?? '–', r.autoRenews ? 'ja' : 'nej', statusText[r.status]]),
  );
  return `Samverkansavtalets dokument den ${on}\n\n${table}\nUppsägning görs via länsövergripande politisk samverkansarena (PRINC.giltighet, tolkning I11).\n${source}\n`;
}

/** Register `agreements`. */
export function registerAgreements(program: Command): void {
  const command = program
    .command('agreements')
    .description('visa avtalets dokument: aktuell period, sista dag för uppsägning, förlängning och status')
    .option('--on <DATUM>', 'datum ÅÅÅÅ-MM-DD (standard: i dag, svensk tid)')
    .option('--json', 'skriv resultatet som JSON');
  addTerminatedOption(command).action(async (opts: { on?: string; terminated?: string[]; json?: boolean }) => {
    const on = opts.on === undefined ? todayInStockholm() : parseDate(opts.on, '--on');
    const agreement = readAgreement();
    const given = parseTerminatedOption(opts.terminated, agreement);
    const { configuredTerminations, describeTerminationsSource } = await import('../../terminations/configured-terminations.js');
    const { terminations, source } = await configuredTerminations(given);
    const rows = agreementLifecycle(agreement, on, terminations);
    if (opts.json === true) printJson({ on: on.toString(), agreements: rows.map(toJson), terminationsSource: source });
    else process.stdout.write(toText(on.toString(), rows, describeTerminationsSource(source)));
  });
}
