/**
 * SIE 4 text rules: fields separated by spaces, a field with spaces or quotes written in quotes
 * with an inner quote as \" (and a backslash as \\), one record per line ending CRLF, the file
 * encoded in IBM PC 8-bit extended ASCII (codepage 437, `#FORMAT PC8`). Characters CP437 lacks
 * are mapped to their nearest ASCII (dashes, typographic quotes, no-break spaces) so Swedish
 * letters — all in CP437 — survive and nothing becomes "?".
 */
import iconv from 'iconv-lite';

const replacements: readonly (readonly [RegExp, string])[] = [
  [/[\u2010-\u2015\u2212]/g, '-'],
  [/[\u2018\u2019\u201a\u2032]/g, "'"],
  [/[\u201c\u201d\u201e\u2033]/g, '"'],
  [/[\u00a0\u2007\u202f]/g, ' '],
  [/\u2026/g, '...'],
];

/** A record is one line: control characters (tab, CR, LF, …) become spaces. */
function withoutControls(text: string): string {
  return Array.from(text, (ch) => {
    const c = ch.codePointAt(0) ?? 32;
    return c < 32 || c === 127 ? ' ' : ch;
  }).join('');
}

/** Text with every character CP437 can hold. */
export function cp437Text(text: string): string {
  let t = withoutControls(text);
  for (const [re, to] of replacements) t = t.replace(re, to);
  return t;
}

/** A field, always quoted (so empty text and text with spaces read back the same). */
export function quoted(text: string): string {
  return `"${cp437Text(text).replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** `2026-04-02` → `20260402`. */
export function sieDate(iso: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) throw new RangeError(`not an ISO date: ${iso}`);
  return iso.replace(/-/g, '');
}

/** The records joined with CRLF and encoded in CP437. */
export function encodeSie(lines: readonly string[]): Buffer {
  return iconv.encode(`${lines.join('\r\n')}\r\n`, 'cp437');
}
