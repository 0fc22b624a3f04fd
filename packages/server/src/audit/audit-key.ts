/**
 * The secret that keys the audit chain (HMAC-SHA-256, decision 0100). It lives outside the
 * database, so someone who can rewrite the tables cannot recompute the chain: from
 * SAMVERKAN_AUDIT_KEY, from the file SAMVERKAN_AUDIT_KEY_FILE names, or (not in production) from
 * `<var>/audit.key`, created with mode 0600 on first start.
 */
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { SamverkanError } from '@samverkan/core';

/** A loaded key. `id` names it in checkpoints and in `audit verify` without revealing it. */
export interface AuditKey {
  readonly secret: Buffer;
  /** 16 hex digits derived from the key (HMAC of a fixed label). */
  readonly id: string;
  /** Where it came from (for messages): the variable or the file, never the key. */
  readonly source: string;
}

/** Where the chain's key and checkpoints are kept; given to `openStore`. */
export interface AuditSettings {
  readonly key: AuditKey;
  /** Append-only file of signed checkpoints; none in tests that do not ask for one. */
  readonly checkpointFile?: string | undefined;
}

type Env = Readonly<Record<string, string | undefined>>;

/** Shortest key text accepted (32 characters, like SESSION_SECRET). */
export const MIN_AUDIT_KEY_LENGTH = 32;

function keyError(variable: string, message: string): SamverkanError {
  return new SamverkanError('SAMV_ERR_INVALID_INPUT', `${variable}: ${message}`, { field: variable });
}

/** A key from its text (UTF-8 bytes are the HMAC key). */
export function auditKeyFrom(text: string, source: string): AuditKey {
  const secret = Buffer.from(text, 'utf8');
  return { secret, id: createHmac('sha256', secret).update('samverkan-audit-key-id').digest('hex').slice(0, 16), source };
}

function readKeyFile(file: string, variable: string): AuditKey {
  let text: string;
  try {
    text = readFileSync(file, 'utf8').trim();
  } catch {
    throw keyError(variable, `nyckelfilen ${file} kan inte läsas.`);
  }
  if (text.length < MIN_AUDIT_KEY_LENGTH)
    throw keyError(variable, `nyckeln i ${file} måste vara minst ${String(MIN_AUDIT_KEY_LENGTH)} tecken lång.`);
  return auditKeyFrom(text, file);
}

/**
 * Read the audit key. In production (NODE_ENV=production) it must be given explicitly: a key
 * generated beside the database would be lost or copied together with it.
 */
export function readAuditKey(env: Env, varDir: string): AuditKey {
  const given = env['SAMVERKAN_AUDIT_KEY'];
  if (given !== undefined && given !== '') {
    if (given.length < MIN_AUDIT_KEY_LENGTH)
      throw keyError('SAMVERKAN_AUDIT_KEY', `måste vara minst ${String(MIN_AUDIT_KEY_LENGTH)} tecken lång.`);
    return auditKeyFrom(given, 'SAMVERKAN_AUDIT_KEY');
  }
  const fileName = env['SAMVERKAN_AUDIT_KEY_FILE'];
  if (fileName !== undefined && fileName !== '') return readKeyFile(resolve(fileName), 'SAMVERKAN_AUDIT_KEY_FILE');
  if (env['NODE_ENV'] === 'production') {
    throw keyError(
      'SAMVERKAN_AUDIT_KEY',
      'saknas. I produktion (NODE_ENV=production) måste granskningsloggens nyckel anges med SAMVERKAN_AUDIT_KEY eller SAMVERKAN_AUDIT_KEY_FILE och förvaras utanför databasen (se docs/operations.md).',
    );
  }
  const file = join(varDir, 'audit.key');
  if (existsSync(file)) return readKeyFile(file, 'SAMVERKAN_AUDIT_KEY_FILE');
  mkdirSync(varDir, { recursive: true });
  try {
    writeFileSync(file, randomBytes(32).toString('hex') + '\n', { mode: 0o600, flag: 'wx' });
    chmodSync(file, 0o600);
  } catch (e) {
    // Another process (the server beside a CLI command) created it first: use theirs.
    if (!existsSync(file)) throw e;
  }
  return readKeyFile(file, 'SAMVERKAN_AUDIT_KEY_FILE');
}

/**
 * The default checkpoint file of a database: one file per database under `<var>/audit-checkpoints/`
 * (named by a digest of where the database is), so two databases never share checkpoints.
 */
export function defaultCheckpointFile(
  varDir: string,
  database: { readonly databaseUrl?: string | undefined; readonly sqliteFile: string },
): string {
  let where: string;
  if (database.databaseUrl === undefined) where = `sqlite:${resolve(database.sqliteFile)}`;
  else {
    const u = new URL(database.databaseUrl);
    where = `postgres:${u.hostname}:${u.port || '5432'}${u.pathname}?${u.searchParams.get('options') ?? ''}`;
  }
  return join(varDir, 'audit-checkpoints', `${createHash('sha256').update(where).digest('hex').slice(0, 16)}.jsonl`);
}

/** Key and checkpoint file from the environment: SAMVERKAN_AUDIT_CHECKPOINTS overrides the file. */
export function readAuditSettings(
  env: Env,
  varDir: string,
  database: { readonly databaseUrl?: string | undefined; readonly sqliteFile: string },
): AuditSettings {
  const file = env['SAMVERKAN_AUDIT_CHECKPOINTS'];
  return {
    key: readAuditKey(env, varDir),
    checkpointFile: file !== undefined && file !== '' ? resolve(file) : defaultCheckpointFile(varDir, database),
  };
}
