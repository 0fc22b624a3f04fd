/**
 * Swedish exports arrive as UTF-8 (with or without BOM) or Windows-1252. Decode bytes to text:
 * a UTF-8 BOM or valid UTF-8 wins; anything else is read as Windows-1252, which maps every byte,
 * so Excel's "CSV (semikolonavgränsad)" from a Swedish Windows reads correctly.
 */
import iconv from 'iconv-lite';

/** The encoding a file was decoded from. */
export type TextEncodingName = 'utf-8' | 'utf-8-bom' | 'windows-1252';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Decode file bytes to text and say which encoding was used. */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncodingName } {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: strictUtf8.decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  }
  try {
    return { text: strictUtf8.decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(Buffer.from(bytes), 'win1252'), encoding: 'windows-1252' };
  }
}
