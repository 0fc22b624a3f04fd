/**
 * `samverkan db backup <fil>` and `samverkan db restore <fil>` (docs/operations.md, decision
 * 0101): a consistent copy of the configured database while the service runs (SQLite `VACUUM
 * INTO`, PostgreSQL `pg_dump`), with a signed checkpoint of the audit head beside it; and a
 * restore into a new SQLite file or an empty PostgreSQL database, followed by `audit verify`
 * against that checkpoint. Exit 3 when the restored trail does not verify.
 */
import { existsSync, renameSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { SamverkanError } from '@samverkan/core';
import { printJson } from '../output.js';
import { cliIo } from '../cli-io.js';
import { fileSizeText, savedCountsTable } from '../saved-tables.js';
import { formatCount } from '../step-lines.js';

/** Register `db backup` and `db restore`. */
export function registerDbBackup(program: Command): void {
  const db = program.commands.find((c) => c.name() === 'db') ?? program.command('db').description('databasen');
  db.command('backup')
    .description(
      'säkerhetskopiera databasen medan tjänsten körs (SQLite: VACUUM INTO, PostgreSQL: pg_dump) med en signerad kontrollpunkt bredvid',
    )
    .argument('<fil>', 'ny fil för säkerhetskopian (skrivs aldrig över)')
    .option('--json', 'skriv resultatet som JSON')
    .action(async (file: string, opts: { json?: boolean }) => {
      const [{ openConfiguredStore }, { loadConfig }, backup] = await Promise.all([
        import('../configured-store.js'),
        import('../../config.js'),
        import('../../store/backup.js'),
      ]);
      const config = loadConfig(cliIo().env);
      const s = await openConfiguredStore();
      try {
        const audit = s.store.audit;
        if (audit === undefined) throw new SamverkanError('SAMV_ERR_INTERNAL', 'Granskningsnyckeln saknas.');
        const target = resolve(file);
        const result =
          config.databaseUrl === undefined
            ? await backup.backupSqlite(s.store.db, config.sqliteFile, target, audit)
            : await backup.backupPostgres(s.store.db, config.databaseUrl, target, audit);
        if (opts.json === true) printJson(result);
        else
          cliIo().stdout.write(
            `Säkerhetskopian är sparad i ${result.file} (${fileSizeText(statSync(result.file).size)}).\n` +
              `Kontrollpunkten för granskningsloggen ligger bredvid: ${result.checkpointFile}\n` +
              `Kopian innehåller:\n${savedCountsTable(result.counts)}`,
          );
      } finally {
        await s.store.close();
      }
    });
  db.command('restore')
    .description(
      'läs tillbaka en säkerhetskopia till en ny SQLite-fil (SAMVERKAN_DB_FILE) eller en tom PostgreSQL-databas (DATABASE_URL) och kontrollera granskningsloggen',
    )
    .argument('<fil>', 'säkerhetskopian (med <fil>.checkpoint.json bredvid)')
    .option('--json', 'skriv resultatet som JSON')
    .action(async (file: string, opts: { json?: boolean }) => {
      const [{ openConfiguredStore }, { loadConfig }, { readAuditSettings }, backup, { verifyAudit }] = await Promise.all([
        import('../configured-store.js'),
        import('../../config.js'),
        import('../../audit/audit-key.js'),
        import('../../store/backup.js'),
        import('../../audit/verify-audit.js'),
      ]);
      const config = loadConfig(cliIo().env);
      const source = resolve(file);
      if (!existsSync(source)) throw new SamverkanError('SAMV_ERR_INVALID_INPUT', `${source} finns inte.`, { field: 'fil', value: source });
      const audit = readAuditSettings(cliIo().env, config.varDir, config);
      const checkpoint = backup.readBackupCheckpoint(source, audit);
      if (config.databaseUrl === undefined) backup.restoreSqlite(source, config.sqliteFile);
      else backup.restorePostgres(source, config.databaseUrl);
      // Checkpoints of the database's life after the backup are kept aside, not compared: the restore drops those rows on purpose.
      let archived: string | undefined;
      if (audit.checkpointFile !== undefined && existsSync(audit.checkpointFile)) {
        archived = `${audit.checkpointFile}.fore-aterlasning-${new Date().toISOString().replace(/[:.]/g, '-')}`;
        renameSync(audit.checkpointFile, archived);
      }
      backup.seedRestoredCheckpoints(audit, checkpoint);
      const s = await openConfiguredStore();
      try {
        const counts = await backup.tableCounts(s.store.db);
        const verification = await verifyAudit(s.store.db, { writeCheckpoint: true });
        const result = {
          database: s.description,
          restoredFrom: source,
          counts,
          audit: verification,
          ...(archived === undefined ? {} : { archivedCheckpoints: archived }),
        };
        if (!verification.ok)
          throw new SamverkanError(
            'SAMV_ERR_AUDIT_BROKEN',
            `Återläst, men granskningsloggen stämmer inte: ${verification.message}`,
            { field: 'seq', value: verification.seq },
            [result],
          );
        if (opts.json === true) printJson(result);
        else {
          cliIo().stdout.write(
            `Återläst till ${s.description} från ${source}.\nDatabasen innehåller nu:\n${savedCountsTable(counts)}` +
              `Granskningsloggen är obruten: ${formatCount(verification.rows)} ${verification.rows === 1 ? 'händelse' : 'händelser'}, senaste kontrollsumma ${verification.lastHash}.\n` +
              (archived === undefined ? '' : `Tidigare kontrollpunkter flyttade till ${archived}.\n`),
          );
        }
      } finally {
        await s.store.close();
      }
    });
}
