/**
 * One log line per request, written when the answer has gone out: method, URL, client and user
 * agent (`serializeRequest` in logger.ts masks personnummer and drops sign-in query strings),
 * status and time. Fastify's own pair of lines ("incoming request" and "request completed")
 * doubled the logging cost of every request (issue 11); they are replaced through Fastify 5's
 * `logController` (the documented successor of the deprecated `disableRequestLogging`, FSTDEP023),
 * which also spares an `onResponse` hook on every request.
 *
 * The line is written by a logger of its own on the same stream, without pino's redaction: every
 * field of it is built here from known parts (no header, no body, no free-form object), so there
 * is nothing a redact path could hit, and redaction was a fifth of what a request to /healthz
 * cost (decision 0230). The personnummer mask of every written line (`streamWrite`) stays.
 */
import { LogController, type FastifyReply, type FastifyRequest } from 'fastify';
import pino, { type Logger } from 'pino';
import { lineOptions, serializeRequest } from './logger.js';

/** Fastify's log controller with the single request line; Fastify's per-request lines stay off. */
export class RequestLineController extends LogController {
  readonly #base: Logger;
  readonly #lines: Logger;

  constructor(logger: Logger) {
    // Off as before: "incoming request", Fastify's default error and not-found lines (our error handler logs).
    super({ disableRequestLogging: true });
    const stream = (logger as unknown as Record<symbol, pino.DestinationStream>)[pino.symbols.streamSym];
    this.#base = logger;
    this.#lines = stream === undefined ? logger : pino(lineOptions(), stream);
  }

  /** The request line (called by Fastify once the answer is sent or the connection failed). */
  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    if (error) {
      // A failed write after the headers: rare, logged through the redacting logger with the error.
      request.log.warn({ req: request, res: { statusCode: reply.statusCode }, err: error }, 'request errored');
      return;
    }
    // The service's level decides (it may be changed while running).
    if (!this.#base.isLevelEnabled('info')) return;
    this.#lines.info(
      {
        reqId: request.id,
        req: serializeRequest(request),
        res: { statusCode: reply.statusCode },
        responseTime: Math.round(reply.elapsedTime * 100) / 100,
      },
      'request completed',
    );
  }
}
