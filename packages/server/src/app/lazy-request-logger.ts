/**
 * The logger of each request (`request.log`, `reply.log`), made only when something is logged
 * through it. Fastify creates a pino child with the request id for every request, and that child
 * (bindings serialized, redaction set up) cost ~2.5 µs, about a twentieth of a signed-in request,
 * while most requests log nothing through it: the request line is written by request-log.ts
 * (issue 11, decision 0230). The first log call below the service's level is dropped without a
 * child; the first one at or above it makes the real child, which then serves every later call,
 * so a line looks exactly as before (same bindings, same redaction, same masking).
 */
import type { Bindings, ChildLoggerOptions, Logger } from 'pino';
import type { FastifyBaseLogger } from 'fastify';

type Level = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace';

/** A request's logger that becomes a pino child of `parent` on first use. */
export class LazyRequestLogger implements FastifyBaseLogger {
  readonly #parent: Logger;
  readonly #bindings: Bindings;
  readonly #options: ChildLoggerOptions;
  #child: Logger | undefined;

  constructor(parent: Logger, bindings: Bindings, options: ChildLoggerOptions) {
    this.#parent = parent;
    this.#bindings = bindings;
    this.#options = options;
  }

  /** The real child logger, made now if not yet. */
  materialize(): Logger {
    this.#child ??= this.#parent.child(this.#bindings, this.#options);
    return this.#child;
  }

  get level(): string {
    return this.#child?.level ?? this.#options.level ?? this.#parent.level;
  }

  set level(value: string) {
    this.materialize().level = value;
  }

  #log(level: Level, args: unknown[]): void {
    // Below the level nothing is written: no child is needed for that.
    if (this.#child === undefined && !(this.#options.level === undefined ? this.#parent : this.materialize()).isLevelEnabled(level)) return;
    const child = this.materialize();
    Reflect.apply(child[level], child, args);
  }

  fatal(...args: unknown[]): void {
    this.#log('fatal', args);
  }
  error(...args: unknown[]): void {
    this.#log('error', args);
  }
  warn(...args: unknown[]): void {
    this.#log('warn', args);
  }
  info(...args: unknown[]): void {
    this.#log('info', args);
  }
  debug(...args: unknown[]): void {
    this.#log('debug', args);
  }
  trace(...args: unknown[]): void {
    this.#log('trace', args);
  }
  silent(): void {
    // nothing, by definition
  }

  child(bindings: Bindings, options?: ChildLoggerOptions): FastifyBaseLogger {
    return this.materialize().child(bindings, options);
  }
}

function isPino(logger: FastifyBaseLogger): logger is Logger {
  return typeof (logger as Partial<Logger>).isLevelEnabled === 'function';
}

/** Fastify's `childLoggerFactory` for the service: lazy request loggers (an eager child for a logger that is not pino). */
export function lazyChildLoggerFactory(logger: FastifyBaseLogger, bindings: Bindings, options: ChildLoggerOptions): FastifyBaseLogger {
  return isPino(logger) ? new LazyRequestLogger(logger, bindings, options) : logger.child(bindings, options);
}
