/**
 * `samverkan calendar --year Y [--ics FILE] [--owner TEXT] [--terminated DOC=DATE …] [--json]`:
 * the årshjul of a year, optionally filtered by owner, optionally written as an iCalendar file.
 * Terminations come from the configured database (when there is one) plus --terminated; the
 * output says which source was used (docs/decisions/0092-cli-terminations-from-the-database.md).
 */
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { calendarForYear, calendarYearRange, invalidInput, SamverkanError, type CalendarEvent } from '@samverkan/core';
import { readAgreement } from '../../agreement/read-agreement-dir.js';
import { calendarToIcs } from '../../calendar/ics.js';
import { parseIntegerOption, printJson } from '../output.js';
import { addTerminatedOption, parseTerminatedOption } from '../terminated-option.js';
import { formatTable } from '../text-table.js';
import { cliIo } from '../cli-io.js';

/** The JSON shape of one occurrence (the CLI's stable output). */
function toJson(e: CalendarEvent) {
  return {
    date: e.date,
    id: e.id,
    title: e.title,
    owner: e.owner,
    frequency: e.frequency,
    clauses: e.clauses,
    documents: e.documents,
    // Where the agreement gives no date (I9's default), say so, as the API and the .ics do.
    ...(e.dateNote === undefined ? {} : { dateNote: e.dateNote }),
  };
}

/** Case-insensitive match on the owner's name or id. */
function ownedBy(e: CalendarEvent, text: string): boolean {
  const needle = text.trim().toLocaleLowerCase('sv-SE');
  return [e.owner, e.ownerId].some((s) => s?.toLocaleLowerCase('sv-SE').includes(needle) === true);
}

function writeIcs(path: string, content: string): void {
  try {
    writeFileSync(path, content, 'utf8');
  } catch {
    throw new SamverkanError(
      'SAMV_ERR_FILE_NOT_FOUND',
      `--ics: filen "${path}" kunde inte skrivas. Kontrollera sökvägen och behörigheten.`,
      { field: '--ics', file: path },
    );
  }
}

/** Register `calendar`. */
export function registerCalendar(program: Command): void {
  const command = program
    .command('calendar')
    .description('visa årshjulet för ett år: åtaganden med datum, ansvarig och klausul')
    .option('--year <ÅR>', 'året, t.ex. 2026')
    .option('--ics <FIL>', 'skriv också kalendern som iCalendar-fil (.ics)')
    .option('--owner <TEXT>', 'visa bara åtaganden vars ansvarige innehåller texten, t.ex. tjänstepersonsarena')
    .option('--json', 'skriv resultatet som JSON');
  addTerminatedOption(command).action(
    async (opts: { year?: string; ics?: string; owner?: string; terminated?: string[]; json?: boolean }) => {
      const agreement = readAgreement();
      if (opts.year === undefined) throw invalidInput('--year', '--year: ange vilket år årshjulet gäller, t.ex. --year 2026.');
      const range = calendarYearRange(agreement);
      const year = parseIntegerOption(opts.year, '--year', range.min, range.max);
      if (opts.owner?.trim() === '') throw invalidInput('--owner', '--owner: ange en text att söka efter bland ansvariga.', opts.owner);
      const given = parseTerminatedOption(opts.terminated, agreement);
      const { configuredTerminations, describeTerminationsSource } = await import('../../terminations/configured-terminations.js');
      const { terminations, source } = await configuredTerminations(given, cliIo().env);
      const all = calendarForYear(agreement, year, terminations);
      const owner = opts.owner;
      const events = owner === undefined ? all : all.filter((e) => ownedBy(e, owner));
      if (opts.ics !== undefined) writeIcs(opts.ics, calendarToIcs(agreement, year, events));
      if (opts.json === true) {
        printJson({ year, events: events.map(toJson), terminationsSource: source });
        return;
      }
      const table = formatTable(
        ['Datum', 'Åtagande', 'Ansvarig', 'Klausuler'],
        events.map((e) => [e.date, e.title, e.owner ?? '–', e.clauses.join(', ')]),
      );
      cliIo().stdout.write(
        `Årshjul ${String(year)} (${String(events.length)} ${events.length === 1 ? 'åtagande' : 'åtaganden'})\n${describeTerminationsSource(source)}\n\n${table}`,
      );
      if (opts.ics !== undefined) cliIo().stdout.write(`\nKalendern skrevs till ${opts.ics}.\n`);
    },
  );
}
