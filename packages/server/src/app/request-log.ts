/**
 * One log line per request, written when the answer has gone out: method, URL, client and user
 * agent (`serializeRequest` in logger.ts masks personnummer and drops sign-in query strings),
 * status and time. Fastify's own pair of lines ("incoming request" and "request completed")
 * doubled the logging cost of every request (issue 11); they are replaced through Fastify 5's
 * `logController` (the documented successor of the deprecated `disableRequestLogging`, FSTDEP023),
 * which also spares an `onResponse` hook on every request.
 *
 * The line is built from known fields only (`requestLineText`: no header, no body, no free-form
 * object), so it is written to the logger's stream directly, without pino's redaction, which was
 * a fifth of what a request to /healthz cost (decision 0230). The personnummer mask stays.
 */
import { LogController, type FastifyReply, type FastifyRequest } from 'fastify';
import pino, { type Logger } from 'pino';
import { requestLineText } from './logger.js';

interface LineStream {
  write(text: string): unknown;
}

/** Fastify's log controller with the single request line; Fastify's per-request lines stay off. */
export class RequestLineController extends LogController {
  readonly #logger: Logger;
  readonly #stream: LineStream | undefined;

  constructor(logger: Logger) {
    // Off as before: "incoming request", Fastify's default error and not-found lines (our error handler logs).
    super({ disableRequestLogging: true });
    this.#logger = logger;
    const stream = (logger as unknown as Record<symbol, unknown>)[pino.symbols.streamSym];
    this.#stream = typeof stream === 'object' && stream !== null && 'write' in stream ? (stream as LineStream) : undefined;
  }

  /** The request line (called by Fastify once the answer is sent or the connection failed). */
  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    if (error) {
      // A failed write after the headers: rare, logged through the redacting logger with the error.
      request.log.warn({ req: request, res: { statusCode: reply.statusCode }, err: error }, 'request errored');
      return;
    }
    // The service's level decides (it may be changed while running).
    if (!this.#logger.isLevelEnabled('info')) return;
    const line = { reqId: request.id, req: request, statusCode: reply.statusCode, responseTime: Math.round(reply.elapsedTime * 100) / 100 };
    if (this.#stream === undefined)
      request.log.info({ req: request, res: { statusCode: line.statusCode }, responseTime: line.responseTime }, 'request completed');
    else this.#stream.write(requestLineText(this.#logger, line));
  }
}
