/**
 * Requests the HTTP parser refuses before Fastify sees them (headers or URL too large, malformed
 * HTTP, a client too slow to send its headers): answered with a Swedish JSON body in the API's
 * error shape instead of Node's or Fastify's English one, then the connection is closed.
 */
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { SamverkanError } from '@samverkan/core';

/** Largest request head (request line plus headers) the server reads, in bytes. */
export const MAX_HEADER_BYTES = 16 * 1024;

function answer(status: number, message: string, field: string): string {
  const body = JSON.stringify({ error: new SamverkanError('SAMV_ERR_INVALID_INPUT', message, { field }).toJSON() });
  const head = `HTTP/1.1 ${String(status)} ${STATUS_CODES[status] ?? ''}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${String(Buffer.byteLength(body))}\r\nConnection: close\r\n\r\n`;
  return head + body;
}

/** What Node's HTTP parser reports (`rawPacket`: the bytes read so far). */
export interface ParserError extends Error {
  readonly code?: string;
  readonly rawPacket?: unknown;
}

/** The status and Swedish body for a parser error. */
export function clientErrorResponse(err: ParserError): string {
  const kb = String(MAX_HEADER_BYTES / 1024);
  switch (err.code) {
    case 'HPE_HEADER_OVERFLOW': {
      // When the request line (the URL) takes most of the room, the URL is what is too long.
      const raw = Buffer.isBuffer(err.rawPacket) ? err.rawPacket : undefined;
      const lineEnd = raw?.indexOf('\r\n') ?? -1;
      const urlTooLong = raw !== undefined && (lineEnd === -1 ? raw.length : lineEnd) > MAX_HEADER_BYTES / 2;
      return urlTooLong
        ? answer(
            414,
            `Adressen är för lång: begärans rad och huvuden får vara högst ${kb} kB. Skicka stora uppgifter i begärans kropp.`,
            'url',
          )
        : answer(
            431,
            `Begärans huvuden är för stora: högst ${kb} kB tillsammans. Ta bort onödiga kakor eller huvuden och försök igen.`,
            'headers',
          );
    }
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return answer(408, 'Begäran kom inte fram i tid. Försök igen.', 'request');
    case undefined:
    default:
      return answer(400, 'Begäran är inte giltig HTTP och kunde inte tolkas.', 'request');
  }
}

/** Fastify `clientErrorHandler`. */
export function handleClientError(err: ParserError, socket: Socket): void {
  // A reset connection has nobody to answer.
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  if (socket.writable) socket.end(clientErrorResponse(err));
  else socket.destroy();
}
