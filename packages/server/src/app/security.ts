/**
 * Security headers (helmet) with a Content-Security-Policy that allows exactly what the built web
 * app needs (its own scripts, styles, images and API calls), and the rate limiter used by sign-in.
 */
import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import helmet, { type HelmetOptions } from 'helmet';
import rateLimit from '@fastify/rate-limit';
import { SamverkanError } from '@samverkan/core';
import type { App } from './app-context.js';

/** The CSP for the web app and the API. No inline scripts, no third-party origins. */
export const contentSecurityPolicy = {
  'default-src': ["'self'"],
  'base-uri': ["'self'"],
  'connect-src': ["'self'"],
  'font-src': ["'self'", 'data:'],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
  'img-src': ["'self'", 'data:'],
  'object-src': ["'none'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'"],
} as const;

/** Sign-in attempts allowed per client address and user name within the window. */
export const LOGIN_RATE_LIMIT = { max: 10, timeWindow: 60_000 } as const;

/** Helmet's settings: our CSP, no COEP (the app embeds nothing cross-origin), same-origin referrers. */
export const helmetOptions: HelmetOptions = {
  contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicy },
  crossOriginEmbedderPolicy: false,
  referrerPolicy: { policy: 'same-origin' },
};

/**
 * The headers helmet sets for `options`, computed once. None of our settings depends on the
 * request (no nonces, no functions), so every answer gets the same headers; @fastify/helmet
 * rebuilt helmet's middleware and re-parsed the CSP on every request (issue 11).
 */
export function securityHeaders(options: HelmetOptions): Readonly<Record<string, string>> {
  const req = new IncomingMessage(new Socket());
  const res = new ServerResponse(req);
  // Helmet ≥ 8.1 throws a bad option itself; the callback only carries on.
  helmet(options)(req, res, () => undefined);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(res.getHeaders()))
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : String(value);
  return headers;
}

/** Register the (route-opt-in) rate limiter; the security headers are set by the first hook (request-start.ts). */
export async function registerSecurity(app: App): Promise<void> {
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) =>
      new SamverkanError(
        'SAMV_ERR_RATE_LIMITED',
        `För många inloggningsförsök. Vänta ${Math.ceil(context.ttl / 1000)} sekunder och försök igen.`,
        {
          field: 'username',
        },
      ),
  });
}
