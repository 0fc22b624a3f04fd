/**
 * Finding one of the agreement's municipalities by what a person or a file writes: the Statistics
 * Sweden code ("2380"), the name in any case ("östersund", "ÖSTERSUND"), or both as exported by
 * SCB ("2380 Östersund"). Anything else is `SAMV_ERR_UNKNOWN_MUNICIPALITY` naming where it was.
 */
import { SamverkanError, type ErrorLocation } from '../errors.js';
import type { Municipality } from '../agreement/schema.js';

const fold = (s: string): string => s.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('sv-SE');

/** Where a municipality reference was read, for the error message. */
export interface LookupPlace {
  readonly file?: string;
  readonly line?: number;
  readonly field?: string;
}

function placeText(p: LookupPlace): string {
  const parts = [p.file, p.line === undefined ? undefined : `rad ${String(p.line)}`, p.field].filter((x) => x !== undefined);
  return parts.length > 0 ? `${parts.join(', ')}: ` : '';
}

/** The municipality written as `text` (code, name, or "code name"), or an error naming the place. */
export function findMunicipality(list: readonly Municipality[], text: string, place: LookupPlace = {}): Municipality {
  const t = fold(text);
  const scb = /^(\d{4})\s+(.+)$/.exec(t);
  const found = scb ? list.find((m) => m.code === scb[1] && fold(m.name) === scb[2]) : list.find((m) => m.code === t || fold(m.name) === t);
  if (!found) {
    const location: ErrorLocation = { ...place, value: text };
    throw new SamverkanError(
      'SAMV_ERR_UNKNOWN_MUNICIPALITY',
      `${placeText(place)}okänd kommun "${text.trim()}". Ange en av avtalets kommuner med namn eller kommunkod: ${list.map((m) => `${m.name} (${m.code})`).join(', ')}.`,
      location,
    );
  }
  return found;
}
