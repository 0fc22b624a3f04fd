/**
 * Options shared by the economy commands: `--index FILE` (an index CSV; without it the index set
 * is empty, so any year that needs an index fails naming the series and year) and
 * `--interpretation ID=ALTERNATIV` (choose an option of I1–I15 other than the default).
 */
import type { Command } from 'commander';
import {
  EMPTY_INDEX_SERIES,
  formatRational,
  mulRational,
  parseDecimal,
  rational,
  SamverkanError,
  type Agreement,
  type IndexSeries,
  type InterpretationChoices,
} from '@samverkan/core';
import { readIndexCsv } from '../files/index-csv.js';
import { readInputFile } from './output.js';

/** Add `--index FILE`. */
export function addIndexOption(command: Command): Command {
  return command.option('--index <FIL>', 'indexfil (CSV: series,year,percent[,kind][,source]) med VPI, OPI och LPIK');
}

/** Add `--interpretation ID=ALTERNATIV…` (repeatable). */
export function addInterpretationOption(command: Command): Command {
  return command.option(
    '--interpretation <ID=ALTERNATIV...>',
    'välj ett annat alternativ än standard för en tolkning, t.ex. I7=quarter-hour; kan anges flera gånger',
    (value: string, previous: string[] | undefined) => [...(previous ?? []), value],
  );
}

/** The index set named by `--index`, or the empty set. */
export function readIndexOption(path: string | undefined): IndexSeries {
  return path === undefined ? EMPTY_INDEX_SERIES : readIndexCsv(readInputFile(path, '--index'), path);
}

/** Parse `--interpretation` values against the agreement's interpretations. */
export function parseInterpretationOption(values: readonly string[] | undefined, agreement: Agreement): Record<string, string> {
  const choices: Record<string, string> = {};
  for (const v of values ?? []) {
    const m = /^(I\d+)=([A-Za-z0-9._-]+)$/.exec(v.trim());
    if (!m?.[1] || !m[2]) {
      throw new SamverkanError('SAMV_ERR_INVALID_INPUT', `--interpretation: "${v}" ska skrivas ID=ALTERNATIV, t.ex. I7=quarter-hour.`, {
        field: '--interpretation',
        value: v,
      });
    }
    const it = agreement.interpretations.get(m[1]);
    if (!it)
      throw new SamverkanError('SAMV_ERR_INVALID_INPUT', `--interpretation: tolkningen ${m[1]} finns inte (I1–I15).`, {
        field: '--interpretation',
        value: v,
      });
    if (!it.options.some((o) => o.id === m[2])) {
      throw new SamverkanError(
        'SAMV_ERR_INVALID_INPUT',
        `--interpretation: ${m[1]} har inget alternativ "${m[2]}". Välj ett av: ${it.options.map((o) => o.id).join(', ')}.`,
        {
          field: '--interpretation',
          value: v,
        },
      );
    }
    choices[m[1]] = m[2];
  }
  return choices satisfies InterpretationChoices;
}

/** Parse `--year`: a four-digit year. */
export function parseYearOption(text: string): number {
  if (!/^\d{4}$/.test(text.trim()))
    throw new SamverkanError('SAMV_ERR_INVALID_INPUT', `--year: "${text}" är inget årtal (ÅÅÅÅ).`, { field: '--year', value: text });
  return Number(text.trim());
}

/** Parse a count option (minutes, persons): a whole number ≥ 0, with a Swedish error naming it. */
export function parseCountOption(text: string, option: string, what: string): number {
  const t = text.trim();
  if (/^-\d+$/.test(t))
    throw new SamverkanError('SAMV_ERR_INVALID_INPUT', `${option}: ${what} får inte vara negativt (${t}).`, { field: option, value: text });
  if (!/^\d+$/.test(t) || !Number.isSafeInteger(Number(t)))
    throw new SamverkanError('SAMV_ERR_INVALID_INPUT', `${option}: "${text}" är inget heltal (${what}).`, { field: option, value: text });
  return Number(t);
}

/** A share (exact decimal string such as "0.412928") as a Swedish percentage, "41,2928 %". */
export function sharePercent(share: string): string {
  return `${formatRational(mulRational(parseDecimal(share, 'andel'), rational(100n)), 4).replace('.', ',')} %`;
}
