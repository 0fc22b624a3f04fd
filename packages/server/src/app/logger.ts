/**
 * pino JSON logs with secrets redacted: cookies, authorization and CSRF headers, Set-Cookie, and
 * any password or secret field at the top or one level down. Request URLs of the sign-in routes
 * are logged without their query string (the OIDC callback carries the authorization code).
 */
import pino, { type DestinationStream, type Logger, type LoggerOptions } from 'pino';
import { containsPersonnummer, maskPersonnummer } from '@samverkan/core';

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

interface RequestLike {
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
  const raw = typeof req.url === 'string' ? req.url : undefined;
  const url = raw?.startsWith('/api/v1/auth/') ? raw.split('?')[0] : raw;
  const agent = req.headers?.['user-agent'];
  return {
    method: req.method,
    url: url === undefined ? undefined : logSafeUrl(url),
    remoteAddress: req.ip,
    userAgent: typeof agent === 'string' ? maskPersonnummer(agent) : agent,
  };
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

/** A pino logger writing JSON lines to `destination` (default stdout). */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return destination ? pino(loggerOptions(level), destination) : pino(loggerOptions(level));
}
