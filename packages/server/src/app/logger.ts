/**
 * pino JSON logs with secrets redacted: cookies, authorization and CSRF headers, Set-Cookie, and
 * any password or secret field at the top or one level down. Request URLs of the sign-in routes
 * are logged without their query string (the OIDC callback carries the authorization code).
 */
import pino, { type DestinationStream, type Logger, type LoggerOptions } from 'pino';
import { containsPersonnummer, maskPersonnummer } from '@samverkan/core';
import { BatchedLines } from './log-batch.js';

/** Paths pino replaces with "[dolt]". */
export const redactPaths = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  'password',
  '*.password',
  'passwordHash',
  '*.passwordHash',
  'password_hash',
  '*.password_hash',
  'sessionSecret',
  '*.sessionSecret',
  'clientSecret',
  '*.clientSecret',
  'csrfToken',
  '*.csrfToken',
];

/** What the request serializer reads of a request. */
export interface RequestLike {
  method?: unknown;
  url?: unknown;
  ip?: unknown;
  headers?: Record<string, unknown>;
}

/**
 * Log-safe request line: method, URL (query dropped under /api/v1/auth/), client address and
 * user agent, and nothing else (no headers, so no cookies), whatever object is logged as `req`.
 */
export function serializeRequest(req: RequestLike): Record<string, unknown> {
  return { method: req.method, url: loggedUrl(req), remoteAddress: req.ip, userAgent: loggedAgent(req) };
}

/** The request's URL as logged (`serializeRequest`). */
function loggedUrl(req: RequestLike): string | undefined {
  const raw = typeof req.url === 'string' ? req.url : undefined;
  const url = raw?.startsWith('/api/v1/auth/') ? raw.split('?')[0] : raw;
  return url === undefined ? undefined : logSafeUrl(url);
}

/** The request's user agent as logged (`serializeRequest`). */
function loggedAgent(req: RequestLike): unknown {
  const agent = req.headers?.['user-agent'];
  return typeof agent === 'string' && containsPersonnummer(agent) ? maskPersonnummer(agent) : agent;
}

/**
 * The URL as logged: a personnummer in the path or query (even percent-encoded, e.g. in an
 * import's file name that is then refused) is masked, so it never reaches a log line.
 */
export function logSafeUrl(url: string): string {
  // Most URLs carry no escapes: check them as they are, without decoding (this runs on every request).
  if (!url.includes('%') && !url.includes('+')) return containsPersonnummer(url) ? maskPersonnummer(url) : url;
  let decoded = url;
  try {
    decoded = decodeURIComponent(url.replace(/\+/g, ' '));
  } catch {
    // malformed percent-encoding: check the raw text
  }
  return containsPersonnummer(decoded) ? maskPersonnummer(decoded) : url;
}

/** pino options for the service. */
export function loggerOptions(level: string): LoggerOptions {
  return {
    level,
    redact: { paths: redactPaths, censor: '[dolt]' },
    serializers: { req: serializeRequest },
    // Last line of defence: no log line leaves the process with a personnummer in it, whatever
    // was logged (an error message quoting input, a header).
    hooks: { streamWrite: maskPersonnummer },
  };
}

/** The fields of the one line per request (request-log.ts). */
export interface RequestLine {
  readonly reqId: string;
  readonly req: RequestLike;
  readonly statusCode: number;
  /** Milliseconds, two decimals. */
  readonly responseTime: number;
}

/**
 * The request line as pino would write it at info through `logger` (its level number, epoch time
 * and bindings: pid, hostname), built directly: every field is known (method, URL, address, user
 * agent, status, time), so there is nothing for redaction to find, and pino's generic path
 * (redaction, stable stringify of nested objects) was most of what the line cost (issue 11). The
 * personnummer mask that every pino line gets is applied here too.
 */
export function requestLineText(logger: Logger, line: RequestLine): string {
  const req = line.req;
  const text =
    `{"level":${String(logger.levels.values['info'] ?? 30)},"time":${String(Date.now())}${chindingsOf(logger)},"reqId":${JSON.stringify(line.reqId)},"req":{` +
    // JSON.stringify(serializeRequest(req)) without the object: the same fields in the same order.
    jsonField(
      jsonField(jsonField(jsonField('', 'method', req.method), 'url', loggedUrl(req)), 'remoteAddress', req.ip),
      'userAgent',
      loggedAgent(req),
    ) +
    `},"res":{"statusCode":${String(line.statusCode)}},"responseTime":${String(line.responseTime)},"msg":"request completed"}\n`;
  // The test is cheaper than a replace that finds nothing; the line is the same either way.
  return containsPersonnummer(text) ? maskPersonnummer(text) : text;
}

/** The logger's bindings as pino writes them after the time (`,"pid":…,"hostname":"…"`), read on every line (they can change). */
function chindingsOf(logger: Logger): string {
  const chindings = (logger as unknown as Record<symbol, unknown>)[pino.symbols.chindingsSym];
  return typeof chindings === 'string' ? chindings : '';
}

/** `fields` with `"name":value` appended as JSON.stringify writes an object's field (left out when the value is undefined). */
function jsonField(fields: string, name: string, value: unknown): string {
  const json = typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) as string | undefined);
  if (json === undefined) return fields;
  return `${fields}${fields === '' ? '' : ','}"${name}":${json}`;
}

/** Characters of log lines gathered before stdout is written (one system call per ~25 request lines). */
export const LOG_BUFFER_BYTES = 8192;
/** Longest a log line waits in that buffer (ms). */
export const LOG_FLUSH_MS = 200;

/**
 * A pino logger writing JSON lines to `destination`, by default stdout written asynchronously in
 * batches of `LOG_BUFFER_BYTES`, at the latest every `LOG_FLUSH_MS`, instead of one system call
 * per request line (a sixth of what a small request cost, issue 11). The batch is gathered in an
 * array (log-batch.ts) and handed to pino's stdout writer, which writes it at once; what is left
 * is written synchronously when the process exits, also on a crash; only a SIGKILL can lose the
 * last fifth of a second of lines (decision 0230).
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    loggerOptions(level),
    destination ?? new BatchedLines(pino.destination({ dest: 1, sync: true, minLength: 0 }), LOG_BUFFER_BYTES, LOG_FLUSH_MS),
  );
}
