/**
 * Start the service: configuration, agreement, database (migrated, municipalities loaded, demo
 * data on an empty database when asked), the app, and listening. Returns the URL and a `close()`
 * that stops accepting connections, lets requests in flight finish, and closes the database.
 * The CLI's `samverkan start` and every API test use this same function.
 */
import type { AddressInfo } from 'node:net';
import type { DestinationStream } from 'pino';
import { readAgreement } from '../agreement/read-agreement-dir.js';
import { describeDatabase, loadConfig, readSessionSecret, type Config } from '../config.js';
import { prepareStore } from '../store/prepare-store.js';
import { readAuditSettings, type AuditSettings } from '../audit/audit-key.js';
import type { DemoSeedResult } from '../store/demo-data.js';
import type { DatabaseKind } from '../store/dialect.js';
import type { Store } from '../store/db.js';
import type { App } from './app-context.js';
import { buildApp } from './build-app.js';
import { fileLimits, type FileLimits } from '../imports/file-limits.js';
import { UploadSpool } from '../imports/spool.js';
import { createLogger } from './logger.js';

/** Options; anything not given comes from the environment (see config.ts). */
export interface StartServerOptions {
  /** 0 = a random free port. */
  readonly port?: number;
  readonly host?: string;
  /** PostgreSQL URL. When `sqliteFile` is given and this is not, SQLite is used even if DATABASE_URL is set. */
  readonly databaseUrl?: string;
  readonly sqliteFile?: string;
  /** Load the demo data set into an empty database. */
  readonly demo?: boolean;
  readonly webDir?: string;
  readonly logLevel?: string;
  /** Fixed session secret (tests); otherwise SESSION_SECRET or the one kept in var/. */
  readonly sessionSecret?: string;
  /** Audit key and checkpoint file (tests); otherwise SAMVERKAN_AUDIT_KEY(_FILE) or the key kept in var/. */
  readonly audit?: AuditSettings;
  /** Where JSON log lines go (default stdout). */
  readonly logDestination?: DestinationStream;
  /** Close gracefully on SIGINT/SIGTERM (the CLI sets this). */
  readonly handleSignals?: boolean;
  /** Agreement folder (default: the shipped agreement). */
  readonly agreementDir?: string;
  /** Trusted reverse proxies (addresses/CIDRs); otherwise TRUST_PROXY. */
  readonly trustProxy?: readonly string[];
  /** Folder of upload spool files; otherwise SAMVERKAN_SPOOL_DIR or var/spool. */
  readonly spoolDir?: string;
  /** Import file limits other than the defaults (decision 0110; tests set them low). */
  readonly fileLimits?: Partial<FileLimits>;
}

/** A running server. */
export interface RunningServer {
  readonly url: string;
  readonly app: App;
  readonly database: DatabaseKind;
  readonly databaseDescription: string;
  /** The server's own database connection (tests induce storage failures through it). */
  readonly store: Store;
  /** Set when demo data was loaded at this start. */
  readonly demoSeeded: DemoSeedResult | undefined;
  /** True when the database holds demo users. */
  readonly hasDemoUsers: boolean;
  close(): Promise<void>;
}

function resolveConfig(options: StartServerOptions): Config {
  const base = loadConfig(process.env);
  const databaseUrl = options.databaseUrl ?? (options.sqliteFile !== undefined ? undefined : base.databaseUrl);
  return {
    ...base,
    port: options.port ?? base.port,
    host: options.host ?? base.host,
    databaseUrl,
    sqliteFile: options.sqliteFile ?? base.sqliteFile,
    demo: options.demo ?? base.demo,
    webDir: options.webDir ?? base.webDir,
    logLevel: options.logLevel ?? base.logLevel,
    trustProxy: options.trustProxy ?? base.trustProxy,
    spoolDir: options.spoolDir ?? base.spoolDir,
  };
}

/** Start the service and resolve once it listens. */
export async function startServer(options: StartServerOptions = {}): Promise<RunningServer> {
  const config = resolveConfig(options);
  const sessionSecret = options.sessionSecret ?? readSessionSecret(process.env, config.varDir);
  const logger = createLogger(config.logLevel, options.logDestination);
  const agreement = readAgreement(options.agreementDir);
  const audit = options.audit ?? readAuditSettings(process.env, config.varDir, config);
  const prepared = await prepareStore({ databaseUrl: config.databaseUrl, sqliteFile: config.sqliteFile, audit }, agreement, config.demo);
  // Spool files of a killed server are swept here, before anything new is spooled.
  const { spool, swept } = await UploadSpool.open(config.spoolDir);
  const limits = fileLimits({ maxUploadBytes: config.maxUploadBytes, ...options.fileLimits });
  let app: App;
  try {
    app = await buildApp({
      ctx: { store: prepared.store, agreement, config: { ...config, sessionSecret }, imports: { spool, limits } },
      logger,
    });
  } catch (e) {
    await prepared.store.close();
    await spool.close();
    throw e;
  }
  if (swept.length > 0) app.log.warn({ swept }, 'uppladdningar kvar från en avbruten server har tagits bort');
  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address() as AddressInfo;
  const shownHost =
    config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host.includes(':') ? `[${config.host}]` : config.host;
  const url = `http://${shownHost}:${String(address.port)}`;
  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => (closing ??= app.close().finally(() => spool.close()));
  if (options.handleSignals === true) installShutdown(app, close);
  app.log.info(
    { url, database: describeDatabase(config), agreement: `${agreement.meta.id} ${agreement.meta.version}` },
    'Samverkan lyssnar',
  );
  return {
    url,
    app,
    store: prepared.store,
    database: prepared.store.kind,
    databaseDescription: describeDatabase(config),
    demoSeeded: prepared.demo,
    hasDemoUsers: prepared.hasDemoUsers,
    close,
  };
}

/** On SIGINT/SIGTERM: stop accepting, finish requests in flight, close the database, exit 0. A second signal exits at once. */
function installShutdown(app: App, close: () => Promise<void>): void {
  let signalled = false;
  const onSignal = (signal: NodeJS.Signals): void => {
    if (signalled) {
      app.log.warn({ signal }, 'andra signalen: avslutar direkt');
      process.exit(1);
    }
    signalled = true;
    app.log.info({ signal }, 'stänger ner: tar inte emot nya anrop, väntar in pågående');
    close().then(
      () => {
        app.log.info('nedstängt');
        process.exitCode = 0;
      },
      (e: unknown) => {
        app.log.error({ err: e }, 'fel vid nedstängning');
        process.exitCode = 1;
      },
    );
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}
