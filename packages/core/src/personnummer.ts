/**
 * Samverkan needs no personal identity. Anything that looks like a Swedish personnummer or
 * samordningsnummer (YYMMDD-NNNN, YYYYMMDDNNNN, with or without separator) is refused wherever
 * input enters. Deliberately broad: a false alarm costs a re-export; a leak costs much more.
 */
import { SamverkanError } from './errors.js';

// 10 or 12 digits, optional - or + before the last four, a plausible month (01–12) and day
// (01–31, or 61–91 for samordningsnummer). Not part of a longer digit run.
const pattern = /(?<![\d])(?:(?:19|20)\d{2}|\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01]|6[1-9]|[78]\d|9[01])[-+]?\d{4}(?![\d])/;

const everywhere = new RegExp(pattern.source, 'g');

/** What a personnummer is replaced with where text must be kept (log lines, field names). */
export const PERSONNUMMER_MASK = '[personnummer]';

/** `text` with everything that looks like a personnummer replaced by `PERSONNUMMER_MASK`. */
export function maskPersonnummer(text: string): string {
  return text.replace(everywhere, PERSONNUMMER_MASK);
}

/** True when `text` contains something that looks like a personnummer. */
export function containsPersonnummer(text: string): boolean {
  return pattern.test(text);
}

/** Throw `SAMV_ERR_PERSONNUMMER` naming the field/file and line if `text` contains one. */
export function refusePersonnummer(text: string, where: { field?: string; file?: string; line?: number }): void {
  if (!containsPersonnummer(text)) return;
  const place = [where.file, where.line === undefined ? undefined : `rad ${where.line}`, where.field].filter(Boolean).join(', ');
  throw new SamverkanError(
    'SAMV_ERR_PERSONNUMMER',
    `${place ? place + ': ' : ''}uppgiften ser ut att innehålla ett personnummer. Samverkan behöver ingen personlig identitet; ta bort personnumret och försök igen.`,
    where,
  );
}
