/**
 * The check behind the language scans (issue 12): the internal identifiers a line a person reads
 * may not hold — core's INTERNAL_IDENTIFIER (`Öre`/`ore_`, `_per_`, camelCase, English unit and
 * rounding ids, a raw "I6 (whole-kronor)"), a hyphenated interpretation option id shown as the
 * name of what was chosen, and an interpretation id without its name ("Tolkningar: I11", "(I7)":
 * an id is named as "tolkning I7" or "tolkning I7 (Debitering av MT-tid)", never alone).
 */
import { INTERNAL_IDENTIFIER } from '@samverkan/core';
import { readAgreement } from '../agreement/read-agreement-dir.js';
import { fieldDisplayNames } from './field-names.js';

/**
 * Legitimate words the identifier pattern would flag, each with why it may be shown:
 * - `iCalendar`: the name of the calendar format (RFC 5545), as the export button says.
 * - `SAMVERKAN_DEBUG`, `DATABASE_URL`…: environment variable names the CLI tells an operator to set.
 * - A file path (`/tmp/…/demo.sqlite`): the file the user named or the database configured.
 * - An API field name in double quotes (`"registeredMunicipality"`): a JSON key the user types, in an example.
 */
const allowed: readonly RegExp[] = [
  /\biCalendar\b/g,
  /\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b/g,
  /(?<=^|\s)\/\S+/g,
  new RegExp(`"(?:${Object.keys(fieldDisplayNames).join('|')})"`, 'g'),
];

/**
 * Interpretation option ids with a hyphen ("beyond-bound", "whole-kronor"): shown only where a
 * person types them (`--interpretation I7=quarter-hour`), never as the name of what was chosen.
 */
const optionIds = new RegExp(
  `(?<![=\\w-])(?:${[...readAgreement().interpretations.values()]
    .flatMap((i) => i.options.map((o) => o.id))
    .filter((id) => id.includes('-'))
    .map((id) => id.replace(/[.]/g, '\\.'))
    .join('|')})(?![\\w-])`,
  'g',
);

/** An interpretation id (I1–I15) not introduced by "tolkning(en/ar)", nor typed (`I7=…`, `I1–I15`). */
const bareInterpretation = /(?<![\wåäö–-])(?<!tolkning(?:en|ar)? )(?<!tolkningarna )I(?:1[0-5]|[1-9])(?![\w=–-])/gi;

/** The identifiers left in `text` once the allowed words are taken out; `typed`: a help text, where option ids are what the user types. */
export function identifiers(text: string, typed = false): string[] {
  const cleaned = allowed.reduce((t, re) => t.replace(re, ' '), text);
  const found = new RegExp(INTERNAL_IDENTIFIER.source, 'g');
  return [
    ...[...cleaned.matchAll(found)].map((m) => m[0]),
    ...(typed ? [] : [...cleaned.matchAll(optionIds)].map((m) => m[0])),
    ...(typed ? [] : [...cleaned.matchAll(bareInterpretation)].filter((m) => m[0].startsWith('I')).map((m) => m[0])),
  ];
}

/** `[where, identifier, line]` for every line with an identifier (empty when the texts are clean); a line that is one JSON document is a record, not prose. */
export function offending(where: string, text: string, typed = false): string[][] {
  return text
    .split('\n')
    .filter((line) => !/^\s*\{".*\}\s*$/.test(line))
    .flatMap((line) => identifiers(line, typed).map((id) => [where, id, line.trim()]));
}
