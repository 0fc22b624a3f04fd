/**
 * Assemble the Fastify app: TypeBox type provider, Swedish validation and error bodies, security
 * headers, cookies and sessions with CSRF, the OpenAPI document, every route, and the web app.
 * No listening here (see start-server.ts), so tests and tools can build an app around any store.
 */
import Fastify, { type FastifyBaseLogger } from 'fastify';
import cookie from '@fastify/cookie';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Logger } from 'pino';
import type { App, AppContext } from './app-context.js';
import { handleError } from './error-handler.js';
import { validationError } from './validation-error.js';
import { finiteKeyword, installSchemaBounds } from './schema-bounds.js';
import { installJsonBodyParser, JSON_BODY_LIMIT } from './json-body.js';
import { installTextGate, NOT_TEXT } from './text-gate.js';
import { handleClientError, MAX_HEADER_BYTES } from './client-errors.js';
import { helmetOptions, registerSecurity, securityHeaders } from './security.js';
import { installRequestStart } from './request-start.js';
import { installSessionHook } from './session-hook.js';
import { RequestLineController } from './request-log.js';
import { lazyChildLoggerFactory } from './lazy-request-logger.js';
import { registerOpenApi, registerOpenApiDocument } from './openapi.js';
import { registerWebAndNotFound } from './web-static.js';
import { registerUserGuide } from './user-guide.js';
import { cookieRoutes, routes } from '../routes/index.js';

/** Options for `buildApp`. */
export interface BuildAppOptions {
  readonly ctx: AppContext;
  readonly logger: Logger;
}

/** Build the app (not listening). The store is closed when the app closes. */
export async function buildApp({ ctx, logger }: BuildAppOptions): Promise<App> {
  const baseLogger: FastifyBaseLogger = logger;
  const app: App = Fastify({
    loggerInstance: baseLogger,
    // One line per request instead of Fastify's two (request-log.ts).
    logController: new RequestLineController(logger),
    // request.log becomes a pino child only when something is logged through it.
    childLoggerFactory: lazyChildLoggerFactory,
    // Only the listed proxies' X-Forwarded-* count (decision 0132); none listed: the socket address.
    trustProxy: ctx.config.trustProxy.length === 0 ? false : [...ctx.config.trustProxy],
    // Bounded work per request (decision 0120): JSON bodies ≤ 1 MB (imports stream their own).
    bodyLimit: JSON_BODY_LIMIT,
    http: { maxHeaderSize: MAX_HEADER_BYTES },
    clientErrorHandler: handleClientError,
    frameworkErrors: (error, request, reply) => {
      void handleError(error, request, reply);
    },
    // Unknown keys are errors, not silently dropped; query strings are coerced to their types.
    // allErrors stays off: with it, Ajv lists one error per failing array item, which let one
    // request take the process out of memory; the first failure is reported (decision 0120).
    ajv: {
      customOptions: {
        removeAdditional: false,
        coerceTypes: 'array',
        useDefaults: true,
        allErrors: false,
        keywords: [NOT_TEXT, finiteKeyword],
      },
    },
    schemaErrorFormatter: validationError,
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.setErrorHandler(handleError);
  installSchemaBounds(app);
  installJsonBodyParser(app);
  installRequestStart(app, securityHeaders(helmetOptions));
  installTextGate(app);
  app.addHook('onClose', async () => {
    await ctx.store.close();
  });

  await registerSecurity(app);
  installSessionHook(app, ctx);
  await registerOpenApi(app, ctx.agreement.meta.version);
  registerOpenApiDocument(app);
  // @fastify/cookie (an onRequest parse of every cookie and an onSend hook on every answer) only
  // where cookies are set or read by name; the session hook reads the session cookie itself.
  await app.register(async (scope: App) => {
    await scope.register(cookie, { secret: ctx.config.sessionSecret });
    for (const register of cookieRoutes) register(scope, ctx);
  });
  for (const register of routes) register(app, ctx);
  registerUserGuide(app);
  await registerWebAndNotFound(app, ctx.config.webDir);
  return app;
}
