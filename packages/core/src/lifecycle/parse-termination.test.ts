import { describe, expect, it } from 'vitest';
import { SamverkanError } from '../errors.js';
import { parseTermination } from './parse-termination.js';

const ids = ['PRINC', 'ORD'];
function message(text: string): string {
  try {
    parseTermination(text, '--terminated', ids);
  } catch (e) {
    if (e instanceof SamverkanError) return `${e.code}: ${e.message}`;
  }
  return 'no error';
}

describe('parseTermination (DOC=DATE)', () => {
  it('reads a document or ALL (any case) and a date', () => {
    expect(parseTermination('ORD=2026-06-30', '--terminated', ids)).toMatchObject({ document: 'ORD' });
    expect(parseTermination('all=2026-06-30', '--terminated', ids).noticeDate.toString()).toBe('2026-06-30');
    expect(parseTermination('all=2026-06-30', '--terminated', ids).document).toBe('ALL');
  });

  it('refuses a missing =, an unknown document and a bad date, naming the option', () => {
    expect(message('ORD')).toBe(
      'SAMV_ERR_INVALID_INPUT: --terminated: "ORD" ska skrivas DOKUMENT=ÅÅÅÅ-MM-DD, t.ex. ORD=2026-06-30 eller ALL=2026-06-30.',
    );
    expect(message('XYZ=2026-06-30')).toBe(
      'SAMV_ERR_INVALID_INPUT: --terminated: dokumentet "XYZ" finns inte; välj ett av PRINC, ORD eller ALL.',
    );
    expect(message('ORD=2026-13-01')).toBe('SAMV_ERR_INVALID_INPUT: --terminated: "2026-13-01" är inget giltigt datum.');
  });
});
