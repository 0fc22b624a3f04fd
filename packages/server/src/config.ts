/**
 * The service's configuration, read from the environment once and validated with Swedish errors
 * that name the variable. Secrets (SESSION_SECRET, OIDC_CLIENT_SECRET, passwords in DATABASE_URL)
 * are kept here and never logged: `describeConfig` is the only view meant for output.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SamverkanError } from '@samverkan/core';
import { readTrustedProxies } from './trusted-proxies.js';

/** The repository root (works from src/ and dist/). */
export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** OpenID Connect settings for the region's identity provider. */
export interface OidcConfig {
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly redirectUri: string;
  readonly scope: string;
  /** Link a first-time OIDC sign-in to the local user with the same e-mail address. */
  readonly matchEmail: boolean;
}

/** Validated configuration (the session secret is read separately: `readSessionSecret`). */
export interface Config {
  readonly port: number;
  readonly host: string;
  /** PostgreSQL when set; otherwise the SQLite file below. */
  readonly databaseUrl: string | undefined;
  readonly sqliteFile: string;
  readonly varDir: string;
  /** Session lifetime in minutes. */
  readonly sessionMinutes: number;
  readonly oidc: OidcConfig | undefined;
  readonly logLevel: string;
  /** Reverse proxies (addresses/CIDRs) whose X-Forwarded-* headers are believed; empty: none. */
  readonly trustProxy: readonly string[];
  /** Seed the demo data set into an empty database. */
  readonly demo: boolean;
  /** Folder of the built web app (served at `/` when it exists). */
  readonly webDir: string;
  /** Folder of upload spool files (decision 0110; swept of dead processes' files at start). */
  readonly spoolDir: string;
  /** Largest accepted import upload in bytes (SAMVERKAN_MAX_UPLOAD_MB, default 200 MB). */
  readonly maxUploadBytes: number;
}

type Env = Readonly<Record<string, string | undefined>>;

const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

function configError(variable: string, message: string): SamverkanError {
  return new SamverkanError('SAMV_ERR_INVALID_INPUT', `${variable}: ${message}`, { field: variable });
}

function readPort(env: Env): number {
  const text = env['PORT'];
  if (text === undefined || text === '') return 3000;
  if (!/^\d+$/.test(text)) throw configError('PORT', `"${text}" är inget portnummer (ett heltal 0–65535).`);
  const n = Number(text);
  if (n > 65535) throw configError('PORT', `${text} är större än 65535.`);
  return n;
}

function readPositiveInt(env: Env, name: string, fallback: number): number {
  const text = env[name];
  if (text === undefined || text === '') return fallback;
  if (!/^\d+$/.test(text) || Number(text) < 1) throw configError(name, `"${text}" är inget positivt heltal.`);
  return Number(text);
}

function readFlag(env: Env, name: string, fallback: boolean): boolean {
  const text = env[name]?.trim().toLowerCase();
  if (text === undefined || text === '') return fallback;
  if (['1', 'true', 'ja', 'yes', 'on'].includes(text)) return true;
  if (['0', 'false', 'nej', 'no', 'off'].includes(text)) return false;
  throw configError(name, `"${env[name] ?? ''}" är inget sant/falskt-värde (använd 1 eller 0).`);
}

function readDatabaseUrl(env: Env): string | undefined {
  const url = env['DATABASE_URL']?.trim();
  if (url === undefined || url === '') return undefined;
  if (!/^postgres(ql)?:\/\//.test(url)) {
    throw configError(
      'DATABASE_URL',
      'måste börja med postgres:// eller postgresql:// (utan DATABASE_URL används den inbyggda SQLite-databasen).',
    );
  }
  try {
    new URL(url);
  } catch {
    throw configError('DATABASE_URL', 'är ingen giltig adress.');
  }
  return url;
}

/** Read OIDC_*; all four required variables or none. */
export function readOidcConfig(env: Env): OidcConfig | undefined {
  const names = ['OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET', 'OIDC_REDIRECT_URI'] as const;
  const present = names.filter((n) => (env[n] ?? '').trim() !== '');
  if (present.length === 0) return undefined;
  const missing = names.filter((n) => !present.includes(n));
  if (missing.length > 0) {
    throw configError(
      missing[0] ?? 'OIDC',
      `saknas. OpenID Connect kräver alla fyra: ${names.join(', ')} (saknas: ${missing.join(', ')}).`,
    );
  }
  const get = (n: (typeof names)[number]): string => (env[n] ?? '').trim();
  for (const n of ['OIDC_ISSUER', 'OIDC_REDIRECT_URI'] as const) {
    let u: URL;
    try {
      u = new URL(get(n));
    } catch {
      throw configError(n, `"${get(n)}" är ingen giltig adress.`);
    }
    if (u.protocol !== 'https:') {
      throw configError(n, `måste vara en https-adress (var "${get(n)}").`);
    }
  }
  return {
    issuer: get('OIDC_ISSUER'),
    clientId: get('OIDC_CLIENT_ID'),
    clientSecret: get('OIDC_CLIENT_SECRET'),
    redirectUri: get('OIDC_REDIRECT_URI'),
    scope: (env['OIDC_SCOPE'] ?? '').trim() || 'openid profile email',
    matchEmail: readFlag(env, 'OIDC_MATCH_EMAIL', true),
  };
}

/** Read SESSION_SECRET, or the one kept in `<varDir>/session-secret` (created on first use). */
export function readSessionSecret(env: Env, varDir: string): string {
  const given = env['SESSION_SECRET'];
  if (given !== undefined && given !== '') {
    if (given.length < 32) throw configError('SESSION_SECRET', 'måste vara minst 32 tecken lång.');
    return given;
  }
  const file = join(varDir, 'session-secret');
  if (existsSync(file)) {
    const kept = readFileSync(file, 'utf8').trim();
    if (kept.length >= 32) return kept;
  }
  mkdirSync(varDir, { recursive: true });
  const secret = randomBytes(32).toString('hex');
  writeFileSync(file, secret + '\n', { mode: 0o600 });
  chmodSync(file, 0o600);
  return secret;
}

/** Build the configuration from an environment (default `process.env`). */
export function loadConfig(env: Env = process.env): Config {
  const varDir = resolve(repoRoot, env['SAMVERKAN_VAR_DIR'] ?? 'var');
  const dbFile = env['SAMVERKAN_DB_FILE'] ?? 'var/samverkan.sqlite';
  const level = (env['LOG_LEVEL'] ?? 'info').trim();
  if (!(logLevels as readonly string[]).includes(level))
    throw configError('LOG_LEVEL', `"${level}" är ingen loggnivå (${logLevels.join(', ')}).`);
  const databaseUrl = readDatabaseUrl(env);
  const oidc = readOidcConfig(env);
  return {
    port: readPort(env),
    host: (env['HOST'] ?? '').trim() || '127.0.0.1',
    databaseUrl,
    sqliteFile: isAbsolute(dbFile) ? dbFile : resolve(repoRoot, dbFile),
    varDir,
    sessionMinutes: readPositiveInt(env, 'SESSION_MINUTES', 8 * 60),
    oidc,
    logLevel: level,
    trustProxy: readTrustedProxies(env['TRUST_PROXY']),
    demo: readFlag(env, 'SAMVERKAN_DEMO', env['NODE_ENV'] !== 'production'),
    webDir: resolve(repoRoot, env['SAMVERKAN_WEB_DIR'] ?? 'packages/web/dist'),
    spoolDir: resolve(repoRoot, env['SAMVERKAN_SPOOL_DIR'] ?? join(varDir, 'spool')),
    maxUploadBytes: readPositiveInt(env, 'SAMVERKAN_MAX_UPLOAD_MB', 200) * 1024 * 1024,
  };
}

/** A log-safe description of where the data lives (passwords in DATABASE_URL masked). */
export function describeDatabase(config: Pick<Config, 'databaseUrl' | 'sqliteFile'>): string {
  if (config.databaseUrl === undefined) return `SQLite ${config.sqliteFile}`;
  const u = new URL(config.databaseUrl);
  if (u.password) u.password = '***';
  return `PostgreSQL ${u.toString()}`;
}

/** The folder of the SQLite file, created when missing. */
export function ensureParentDir(file: string): void {
  mkdirSync(dirname(file), { recursive: true });
}
