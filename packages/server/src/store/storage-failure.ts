/**
 * Failures of the storage under the service — a full disk or database, a database that accepts
 * no writes, bytes the database refuses — told apart by the codes SQLite, PostgreSQL and Node
 * give them, and turned into domain errors that say what happened and what to do. Used by the
 * API's one error mapping (app/error-handler.ts).
 */
import { SamverkanError } from '@samverkan/core';

function codeOf(e: unknown): string | undefined {
  if (typeof e !== 'object' || e === null || !('code' in e)) return undefined;
  const code = e.code;
  return typeof code === 'string' ? code : undefined;
}

/** The domain error for a storage failure, or undefined when `e` is something else. */
export function storageFailure(e: unknown): SamverkanError | undefined {
  const code = codeOf(e);
  switch (code) {
    case 'SQLITE_FULL':
    case '53100': // PostgreSQL disk_full
      return new SamverkanError(
        'SAMV_ERR_STORAGE_FULL',
        'Databasen är full (disken eller databasens storleksgräns): inget sparades. Be driften frigöra utrymme eller höja gränsen och försök sedan igen.',
      );
    case 'ENOSPC':
    case 'EDQUOT':
      // SQLite and PostgreSQL say SQLITE_FULL / 53100; a bare ENOSPC comes from the service's own
      // files, i.e. uploads being spooled to the temporary folder.
      return new SamverkanError(
        'SAMV_ERR_STORAGE_FULL',
        'Det tillfälliga utrymmet för uppladdade filer är fullt: inget sparades. Be driften frigöra utrymme i den tillfälliga katalogen (TMPDIR) och försök sedan igen.',
      );
    case 'SQLITE_READONLY':
    case 'SQLITE_READONLY_DBMOVED':
    case 'SQLITE_READONLY_DIRECTORY':
    case 'SQLITE_READONLY_RECOVERY':
    case 'SQLITE_READONLY_ROLLBACK':
    case 'SQLITE_READONLY_CANTINIT':
    case 'SQLITE_READONLY_CANTLOCK':
    case 'EROFS':
    case '25006': // PostgreSQL read_only_sql_transaction (a standby, or default_transaction_read_only)
      return new SamverkanError(
        'SAMV_ERR_READ_ONLY',
        'Databasen tar inte emot ändringar just nu (den är skrivskyddad): inget sparades. Läsning fungerar. Be driften göra databasen skrivbar igen (filrättigheter, monterad skrivskyddat eller en PostgreSQL-replik) och försök sedan igen.',
      );
    case '22021': // PostgreSQL: invalid byte sequence (a NUL byte)
    case '22P05': // PostgreSQL: untranslatable character
      return new SamverkanError(
        'SAMV_ERR_INVALID_INPUT',
        'Uppgiften innehåller ett tecken som databasen inte kan lagra (t.ex. ett NUL-tecken). Ta bort det och försök igen.',
      );
    case undefined:
    default:
      return undefined;
  }
}
