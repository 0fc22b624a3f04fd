/**
 * One log line per request, written when the answer has gone out: method, URL, client and user
 * agent (through the `req` serializer in logger.ts, which masks personnummer and drops sign-in
 * query strings), status and time. Fastify's own pair of lines ("incoming request" and "request
 * completed") doubled the logging cost of every request (issue 11), so they are turned off in
 * build-app.ts (`disableRequestLogging`).
 */
import type { App } from './app-context.js';

/** Install the single request line at info. */
export function installRequestLog(app: App): void {
  app.addHook('onResponse', (request, reply, done) => {
    request.log.info(
      { req: request, res: { statusCode: reply.statusCode }, responseTime: Math.round(reply.elapsedTime * 100) / 100 },
      'request completed',
    );
    done();
  });
}
