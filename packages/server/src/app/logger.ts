/**
 * pino JSON logs with secrets redacted: cookies, authorization and CSRF headers, Set-Cookie, and
 * any password or secret field at the top or one level down. Request URLs of the sign-in routes
 * are logged without their query string (the OIDC callback carries the authorization code).
 */
import pino, { type DestinationStream, type Logger, type LoggerOptions } from 'pino';

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
  return { method: req.method, url, remoteAddress: req.ip, userAgent: req.headers?.['user-agent'] };
}

/** pino options for the service. */
export function loggerOptions(level: string): LoggerOptions {
  return {
    level,
    redact: { paths: redactPaths, censor: '[dolt]' },
    serializers: { req: serializeRequest },
  };
}

/** A pino logger writing JSON lines to `destination` (default stdout). */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return destination ? pino(loggerOptions(level), destination) : pino(loggerOptions(level));
}
