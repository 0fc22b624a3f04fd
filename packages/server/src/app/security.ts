/**
 * Security headers (helmet) with a Content-Security-Policy that allows exactly what the built web
 * app needs (its own scripts, styles, images and API calls), and the rate limiter used by sign-in.
 */
import helmet from '@fastify/helmet';
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

/** Register helmet and the (route-opt-in) rate limiter. */
export async function registerSecurity(app: App): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicy },
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: 'same-origin' },
  });
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) =>
      new SamverkanError('SAMV_ERR_RATE_LIMITED', `För många inloggningsförsök. Vänta ${Math.ceil(context.ttl / 1000)} sekunder och försök igen.`, {
        field: 'username',
      }),
  });
}
