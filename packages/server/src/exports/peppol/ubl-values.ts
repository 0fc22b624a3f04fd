/**
 * Values as Peppol writes them, from our exact values: öre as an amount with two decimals
 * (integer arithmetic, never floats: BR-DEC-*), quantities as exact decimal text, our units as
 * UN/ECE Recommendation 20 codes, and text stripped of characters XML 1.0 cannot carry.
 */
import { SamverkanError, type Ore } from '@samverkan/core';

/** `123456` öre → `"1234.56"`, `-5` → `"-0.05"`. */
export function amountText(ore: Ore | number): string {
  if (!Number.isSafeInteger(ore))
    throw new SamverkanError('SAMV_ERR_NOT_INTEGER_ORE', `Beloppet ${String(ore)} är inte ett helt antal öre.`, {
      field: 'amountOre',
      value: ore,
    });
  const abs = Math.abs(ore);
  const kr = Math.floor(abs / 100);
  const rest = abs - kr * 100;
  return `${ore < 0 ? '-' : ''}${String(kr)}.${String(rest).padStart(2, '0')}`;
}

/** UN/ECE Rec 20 unit codes for every unit our invoice lines use (core InvoiceUnit, plus `device`). */
export const unitCodes: Readonly<Record<string, string>> = {
  'started-hour': 'HUR',
  hour: 'HUR',
  minute: 'MIN',
  piece: 'C62',
  device: 'C62',
  'lump-sum': 'C62',
};

/** The UN/ECE code of `unit`; an unmapped unit is an error, so a new unit cannot be exported under a guessed code. */
export function unitCode(unit: string, lineNo: number): string {
  const code = unitCodes[unit];
  if (code === undefined)
    throw new SamverkanError('SAMV_ERR_CONFLICT', `Rad ${String(lineNo)}: enheten "${unit}" har ingen UN/ECE-kod för Peppol-fakturan.`, {
      field: 'unit',
      value: unit,
    });
  return code;
}

/** Exact quantity text, validated; `negate` flips the sign (credit notes carry positive quantities). */
export function quantityText(text: string, negate: boolean, lineNo: number): string {
  const t = text.trim();
  if (!/^-?\d+(\.\d+)?$/.test(t))
    throw new SamverkanError('SAMV_ERR_CONFLICT', `Rad ${String(lineNo)}: antalet "${text}" är inget decimaltal.`, {
      field: 'quantity',
      value: text,
    });
  const zero = /^-?0+(\.0+)?$/.test(t);
  if (!negate || zero) return t.replace(/^-(?=0+(\.0+)?$)/, '');
  return t.startsWith('-') ? t.slice(1) : `-${t}`;
}

/* eslint-disable no-control-regex -- the point is to match the control characters XML forbids */
const XML_FORBIDDEN =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/* eslint-enable no-control-regex */

/** Text without characters XML 1.0 forbids (C0 controls other than tab/LF/CR, lone surrogates, U+FFFE/F). */
export function xmlText(text: string): string {
  return text.replace(XML_FORBIDDEN, '').trim();
}

const segmenter = new Intl.Segmenter('sv', { granularity: 'grapheme' });

/** The user-perceived characters of `text` (so a cut never splits å written as a + ring, or an emoji). */
export function graphemes(text: string): string[] {
  return Array.from(segmenter.segment(text), (s) => s.segment);
}

/** Cut `text` to `max` characters, marking the cut with an ellipsis. */
export function cut(text: string, max: number): string {
  const chars = graphemes(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}
