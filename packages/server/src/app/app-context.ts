/** What every route gets: the store, the loaded agreement and the configuration. */
import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Agreement } from '@samverkan/core';
import type { Store } from '../store/db.js';
import type { Config } from '../config.js';
import type { FileLimits } from '../imports/file-limits.js';
import type { UploadSpool } from '../imports/spool.js';

/** The Fastify instance with TypeBox types for route schemas. */
export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

/** Shared, read-only context of the running service. */
export interface AppContext {
  readonly store: Store;
  readonly agreement: Agreement;
  readonly config: Pick<Config, 'sessionMinutes' | 'oidc' | 'trustProxy' | 'webDir'> & { readonly sessionSecret: string };
  /** Where uploads are spooled and the limits every import file is read within (decision 0110). */
  readonly imports: { readonly spool: UploadSpool; readonly limits: FileLimits };
}

/** A route module: registers its route(s) on the app. */
export type RegisterRoutes = (app: App, ctx: AppContext) => void;
