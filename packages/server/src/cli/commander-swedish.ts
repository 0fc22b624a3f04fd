/**
 * Commander prints its help headings and argument errors in English. The CLI's users are Swedish
 * economists and nurses, so headings and the common errors are translated here, in one place.
 */
import { SamverkanError } from '@samverkan/core';

const titles: Readonly<Record<string, string>> = {
  'Usage:': 'Användning:',
  'Options:': 'Flaggor:',
  'Commands:': 'Kommandon:',
  'Arguments:': 'Argument:',
  'Global Options:': 'Globala flaggor:',
};

/** Swedish help headings (commander's `styleTitle` hook). */
export function swedishTitle(title: string): string {
  return titles[title] ?? title;
}

const patterns: readonly [RegExp, (m: RegExpExecArray) => string][] = [
  [/unknown option '([^']+)'(?:\s*\(Did you mean ([^)]+)\?\))?/, (m) => `okänd flagga ${m[1] ?? ''}${m[2] ? ` (menade du ${m[2]}?)` : ''}`],
  [/required option '([^']+)' not specified/, (m) => `flaggan ${m[1] ?? ''} måste anges`],
  [/option '([^']+)' argument missing/, (m) => `flaggan ${m[1] ?? ''} saknar värde`],
  [/missing required argument '([^']+)'/, (m) => `argumentet ${m[1] ?? ''} måste anges`],
  [/unknown command '([^']+)'/, (m) => `okänt kommando ${m[1] ?? ''}`],
  [/too many arguments(?: for '([^']+)')?/, (m) => `för många argument${m[1] ? ` till ${m[1]}` : ''}`],
];

/** Translate a commander error message ("error: unknown option '--x'") into Swedish. */
export function swedishCommanderMessage(message: string): string {
  const text = message.replace(/^error:\s*/, '').trim();
  for (const [re, fn] of patterns) {
    const m = re.exec(text);
    if (m) return fn(m);
  }
  return `ogiltigt kommando eller argument (${text})`;
}

/** The domain error for a commander usage error, so `--json` can print it as one document. */
export function commanderUsageError(message: string): SamverkanError {
  const swedish = swedishCommanderMessage(message);
  return new SamverkanError('SAMV_ERR_INVALID_INPUT', `${swedish}. Kör "samverkan --help" för hjälp.`);
}
