/**
 * The terminations `samverkan agreements` and `samverkan calendar` take: those recorded in the
 * configured database (DATABASE_URL, or the SQLite file when it exists) plus any given with
 * `--terminated`, and a statement of where they came from. Reading never creates a database:
 * a missing SQLite file means "no database", and an existing one is opened read-only, without
 * migrating (docs/decisions/0092-cli-terminations-from-the-database.md).
 */
import { existsSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { SamverkanError, type Termination } from '@samverkan/core';
import { describeDatabase, loadConfig } from '../config.js';
import { openStore } from '../store/db.js';
import type { Database } from '../store/schema.js';
import { storedTerminations } from './termination-store.js';

/** Where the terminations of a CLI result came from (`terminationsSource` in --json). */
export type TerminationsSource =
  /** A database is configured: its recorded terminations, plus `fromOption` given with --terminated. */
  | { readonly kind: 'database'; readonly description: string; readonly recorded: number; readonly fromOption: number }
  /** No database is configured: only those given with --terminated. */
  | { readonly kind: 'option'; readonly fromOption: number }
  /** Neither a database nor --terminated. */
  | { readonly kind: 'none' };

/** The terminations to use and their source. */
export interface ConfiguredTerminations {
  readonly terminations: readonly Termination[];
  readonly source: TerminationsSource;
}

type Env = Readonly<Record<string, string | undefined>>;

async function readFrom(db: Kysely<Database>, description: string, variable: string): Promise<Termination[]> {
  try {
    return await storedTerminations(db);
  } catch (e) {
    const reason = e instanceof Error ? e.message : 'okänt fel';
    throw new SamverkanError(
      'SAMV_ERR_NOT_CONFIGURED',
      `${variable}: de registrerade uppsägningarna kunde inte läsas från databasen (${description}): ${reason}. Kör "samverkan db init" om databasen inte är uppdaterad, eller kontrollera ${variable}.`,
      { field: variable },
    );
  } finally {
    await db.destroy();
  }
}

/** Terminations recorded in the configured database, or null when none is configured. */
async function recordedTerminations(env: Env): Promise<{ terminations: Termination[]; description: string } | null> {
  const config = loadConfig(env);
  const description = describeDatabase(config);
  if (config.databaseUrl !== undefined) {
    // A PostgreSQL connection never creates the database; without migrate() nothing is written.
    const store = openStore({ databaseUrl: config.databaseUrl, sqliteFile: config.sqliteFile });
    return { terminations: await readFrom(store.db, description, 'DATABASE_URL'), description };
  }
  if (!existsSync(config.sqliteFile)) return null;
  let database: BetterSqlite3.Database;
  try {
    database = new BetterSqlite3(config.sqliteFile, { readonly: true, fileMustExist: true });
  } catch (e) {
    throw new SamverkanError(
      'SAMV_ERR_NOT_CONFIGURED',
      `SAMVERKAN_DB_FILE: databasen (${description}) kunde inte öppnas för läsning: ${e instanceof Error ? e.message : 'okänt fel'}.`,
      { field: 'SAMVERKAN_DB_FILE', file: config.sqliteFile },
    );
  }
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database }) });
  return { terminations: await readFrom(db, description, 'SAMVERKAN_DB_FILE'), description };
}

/**
 * The database's recorded terminations with those given as options added (both count; a
 * duplicate changes nothing, since the lifecycle takes the earliest end), and their source.
 */
export async function configuredTerminations(fromOption: readonly Termination[], env: Env = process.env): Promise<ConfiguredTerminations> {
  const recorded = await recordedTerminations(env);
  if (recorded !== null) {
    return {
      terminations: [...recorded.terminations, ...fromOption],
      source: {
        kind: 'database',
        description: recorded.description,
        recorded: recorded.terminations.length,
        fromOption: fromOption.length,
      },
    };
  }
  return { terminations: fromOption, source: fromOption.length > 0 ? { kind: 'option', fromOption: fromOption.length } : { kind: 'none' } };
}

/** One Swedish line saying which terminations a result used. */
export function describeTerminationsSource(source: TerminationsSource): string {
  const count = (n: number, what: string): string => `${String(n)} ${n === 1 ? 'uppsägning' : 'uppsägningar'} ${what}`;
  switch (source.kind) {
    case 'database': {
      const recorded =
        source.recorded === 0
          ? 'inga registrerade i databasen'
          : `${count(source.recorded, source.recorded === 1 ? 'registrerad' : 'registrerade')} i databasen`;
      const option = source.fromOption === 0 ? '' : ` och ${count(source.fromOption, 'från --terminated')}`;
      return `Uppsägningar: ${recorded} (${source.description})${option}.`;
    }
    case 'option':
      return `Uppsägningar: ${count(source.fromOption, 'från --terminated')}; ingen databas är konfigurerad.`;
    case 'none':
      return 'Uppsägningar: inga – ingen databas är konfigurerad och inget --terminated angavs.';
  }
}
