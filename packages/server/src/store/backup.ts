/**
 * Backups and restores (docs/operations.md, decision 0101), with the service running:
 * - SQLite: `VACUUM INTO`, one read transaction that copies a consistent snapshot while writers
 *   go on (WAL); unlike the page-by-page backup API it never restarts when the file changes;
 * - PostgreSQL: `pg_dump --format=custom` (a consistent snapshot too) and `pg_restore` into an
 *   empty database, the client tools of the server's major version or newer.
 * Each backup gets a signed checkpoint of the audit head beside it (`<file>.checkpoint.json`),
 * taken before the copy starts, so the restored chain can be verified to hold at least that much.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import { SamverkanError } from '@samverkan/core';
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';
import type { AuditSettings } from '../audit/audit-key.js';
import { appendCheckpoint, checkpointSigned, signCheckpoint, type Checkpoint } from '../audit/checkpoints.js';

/** The tables whose row counts a backup and a restore report. */
export const countedTables = [
  'users',
  'audit_log',
  'imports',
  'import_rows',
  'billing_runs',
  'invoice_bases',
  'invoice_lines',
  'disputes',
  'index_values',
  'parameter_values',
  'allocation_keys',
  'terminations',
] as const;

/** Row count per table. */
export type TableCounts = Record<(typeof countedTables)[number], number>;

/** What a backup wrote. */
export interface BackupResult {
  readonly file: string;
  readonly checkpointFile: string;
  readonly checkpoint: Checkpoint | null;
  readonly counts: TableCounts;
}

/** Row counts of `db`. */
export async function tableCounts(db: Kysely<Database>): Promise<TableCounts> {
  const out = {} as Record<string, number>;
  for (const t of countedTables) {
    const r = await db
      .selectFrom(t)
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirstOrThrow();
    out[t] = Number(r.n);
  }
  return out as TableCounts;
}

function refuseExisting(file: string): void {
  if (existsSync(file))
    throw new SamverkanError(
      'SAMV_ERR_INVALID_INPUT',
      `${file}: filen finns redan; välj ett nytt filnamn (en säkerhetskopia skrivs aldrig över).`,
      { field: 'fil', value: file },
    );
}

/** The sidecar file of a backup. */
export function checkpointFileOf(backupFile: string): string {
  return `${backupFile}.checkpoint.json`;
}

/** Sign the audit head now, write it beside the backup and into the live checkpoint file. */
async function headCheckpoint(db: Kysely<Database>, audit: AuditSettings): Promise<Checkpoint | null> {
  const head = await db.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  if (head === undefined) return null;
  const c = signCheckpoint(audit.key, 'backup', head);
  if (audit.checkpointFile !== undefined) appendCheckpoint(audit.checkpointFile, c);
  return c;
}

/** Copy the SQLite database `source` to the new file `target` while the service runs. */
export async function backupSqlite(db: Kysely<Database>, source: string, target: string, audit: AuditSettings): Promise<BackupResult> {
  refuseExisting(target);
  const checkpoint = await headCheckpoint(db, audit);
  const conn = new BetterSqlite3(source, { fileMustExist: true });
  try {
    conn.pragma('busy_timeout = 5000');
    conn.prepare('VACUUM INTO ?').run(target);
  } finally {
    conn.close();
  }
  writeFileSync(checkpointFileOf(target), JSON.stringify(checkpoint) + '\n', { mode: 0o600 });
  return { file: target, checkpointFile: checkpointFileOf(target), checkpoint, counts: await tableCounts(db) };
}

/** The schema named in a URL's `options=-c search_path=…` (how tests and some hosts select one). */
export function searchPathOf(databaseUrl: string): string | undefined {
  const options = new URL(databaseUrl).searchParams.get('options') ?? '';
  return /search_path=([A-Za-z_][A-Za-z0-9_]*)/.exec(options)?.[1];
}

/** The URL as libpq (pg_dump, pg_restore) reads it: spaces in query values as %20, never `+`. */
export function libpqUrl(databaseUrl: string): string {
  const u = new URL(databaseUrl);
  const query = [...u.searchParams].map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
  u.search = query === '' ? '' : `?${query}`;
  return u.toString();
}

function runTool(tool: string, args: readonly string[]): void {
  const r = spawnSync(tool, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (r.error !== undefined)
    throw new SamverkanError(
      'SAMV_ERR_INVALID_INPUT',
      `${tool} kunde inte startas (${r.error.message}); installera PostgreSQL-klienten (samma huvudversion som servern eller nyare).`,
      { field: tool },
    );
  if (r.status !== 0)
    throw new SamverkanError(
      'SAMV_ERR_INTERNAL',
      `${tool} misslyckades (slutkod ${String(r.status)}): ${r.stderr.trim().split('\n').slice(-3).join(' ')}`,
    );
}

/** `pg_dump --format=custom` of the configured database (only its schema when the URL selects one). */
export async function backupPostgres(
  db: Kysely<Database>,
  databaseUrl: string,
  target: string,
  audit: AuditSettings,
): Promise<BackupResult> {
  refuseExisting(target);
  const checkpoint = await headCheckpoint(db, audit);
  const schema = searchPathOf(databaseUrl);
  runTool('pg_dump', [
    '--format=custom',
    '--no-owner',
    '--no-privileges',
    `--file=${target}`,
    ...(schema === undefined ? [] : [`--schema=${schema}`]),
    `--dbname=${libpqUrl(databaseUrl)}`,
  ]);
  writeFileSync(checkpointFileOf(target), JSON.stringify(checkpoint) + '\n', { mode: 0o600 });
  return { file: target, checkpointFile: checkpointFileOf(target), checkpoint, counts: await tableCounts(db) };
}

/** Read and check a backup's sidecar checkpoint (null when the backup had an empty trail). */
export function readBackupCheckpoint(backupFile: string, audit: AuditSettings): Checkpoint | null {
  const file = checkpointFileOf(backupFile);
  if (!existsSync(file))
    throw new SamverkanError(
      'SAMV_ERR_INVALID_INPUT',
      `${file} saknas: säkerhetskopians kontrollpunkt behövs för att kontrollera granskningsloggen efter återläsningen.`,
      { field: 'fil', value: file },
    );
  const c = JSON.parse(readFileSync(file, 'utf8')) as Checkpoint | null;
  if (c !== null && (c.keyId !== audit.key.id || !checkpointSigned(audit.key, c))) {
    throw new SamverkanError(
      'SAMV_ERR_AUDIT_BROKEN',
      `${file}: kontrollpunkten är inte signerad med granskningsnyckeln ${audit.key.id} (fel nyckel eller ändrad fil).`,
      { field: 'fil', value: file },
    );
  }
  return c;
}

/** Restore a SQLite backup to `target`, which must not exist yet (the old file is never overwritten). */
export function restoreSqlite(backupFile: string, target: string): void {
  refuseExisting(target);
  const check = new BetterSqlite3(backupFile, { readonly: true, fileMustExist: true });
  try {
    const result = check.pragma('integrity_check', { simple: true });
    if (result !== 'ok')
      throw new SamverkanError('SAMV_ERR_INVALID_INPUT', `${backupFile}: säkerhetskopian är skadad (integrity_check: ${String(result)}).`, {
        field: 'fil',
        value: backupFile,
      });
  } finally {
    check.close();
  }
  copyFileSync(backupFile, target);
}

/** `pg_restore` a custom-format dump into the configured (empty) database. */
export function restorePostgres(backupFile: string, databaseUrl: string): void {
  runTool('pg_restore', [
    '--no-owner',
    '--no-privileges',
    '--single-transaction',
    '--exit-on-error',
    `--dbname=${libpqUrl(databaseUrl)}`,
    backupFile,
  ]);
}

/** Seed the restored database's checkpoint file with the backup's checkpoint. */
export function seedRestoredCheckpoints(audit: AuditSettings, checkpoint: Checkpoint | null): void {
  if (checkpoint === null || audit.checkpointFile === undefined) return;
  appendCheckpoint(audit.checkpointFile, checkpoint);
  appendCheckpoint(audit.checkpointFile, signCheckpoint(audit.key, 'restore', checkpoint));
}
