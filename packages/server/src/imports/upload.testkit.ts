/**
 * Test support: send a file to `POST /api/v1/imports/:kind` as the web app does (raw body,
 * session cookie, CSRF token), and build CSV bytes in the encodings and dialects the imports accept.
 */
import iconv from 'iconv-lite';
import type { Client } from '../testing/test-server.testkit.js';

/** An HTTP answer. */
export interface Answer {
  readonly status: number;
  readonly body: unknown;
}

/** POST `bytes` as file `filename` of `kind`. */
export async function uploadFile(
  url: string,
  client: Client,
  kind: string,
  bytes: Uint8Array,
  filename: string,
  contentType = 'text/csv',
): Promise<Answer> {
  const headers: Record<string, string> = { 'content-type': contentType };
  if (client.cookie !== '') headers['cookie'] = client.cookie;
  if (client.csrfToken !== '') headers['x-csrf-token'] = client.csrfToken;
  const res = await fetch(`${url}/api/v1/imports/${encodeURIComponent(kind)}?filename=${encodeURIComponent(filename)}`, {
    method: 'POST',
    headers,
    body: Buffer.from(bytes),
  });
  const text = await res.text();
  return { status: res.status, body: text === '' ? null : (JSON.parse(text) as unknown) };
}

/** CSV text from rows: `;` or `,` delimiter, quoting cells that contain the delimiter. */
export function csvText(rows: readonly (readonly (string | number)[])[], delimiter: ';' | ',' = ';'): string {
  return (
    rows
      .map((r) =>
        r
          .map((c) => {
            const t = String(c);
            return t.includes(delimiter) || t.includes('"') ? `"${t.replace(/"/g, '""')}"` : t;
          })
          .join(delimiter),
      )
      .join('\r\n') + '\r\n'
  );
}

/** Encode text as UTF-8, UTF-8 with BOM, or Windows-1252. */
export function encode(text: string, encoding: 'utf-8' | 'utf-8-bom' | 'windows-1252'): Uint8Array {
  if (encoding === 'windows-1252') return iconv.encode(text, 'win1252');
  const utf8 = Buffer.from(text, 'utf8');
  return encoding === 'utf-8-bom' ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8]) : utf8;
}
