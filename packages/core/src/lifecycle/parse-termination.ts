/**
 * Terminations as people type them: `DOC=YYYY-MM-DD`, where DOC is a document id or `ALL` (the
 * whole agreement, PRINC.giltighet: "Uppsägning av samverkansavtalet eller enskilda
 * överenskommelser").
 */
import { parseDate } from '../dates.js';
import { invalidInput } from '../errors.js';
import type { Termination } from './terminations.js';

/** Parse `DOC=DATE`; an unknown document, a missing `=` or a bad date is an error naming `field`. */
export function parseTermination(text: string, field: string, documentIds: readonly string[]): Termination {
  const eq = text.indexOf('=');
  if (eq < 0) {
    throw invalidInput(field, `${field}: "${text}" ska skrivas DOKUMENT=ÅÅÅÅ-MM-DD, t.ex. ORD=2026-06-30 eller ALL=2026-06-30.`, text);
  }
  const document = text.slice(0, eq).trim().toUpperCase();
  if (document !== 'ALL' && !documentIds.includes(document)) {
    throw invalidInput(
      field,
      `${field}: dokumentet "${text.slice(0, eq).trim()}" finns inte; välj ett av ${documentIds.join(', ')} eller ALL.`,
      text,
    );
  }
  return { document, noticeDate: parseDate(text.slice(eq + 1), field) };
}
