/**
 * `samverkan audit verify [--json]`: walk the audit trail's hash chain. Exit 0 when intact;
 * exit 3 (SAMV_ERR_AUDIT_BROKEN) when a row was edited, deleted or reordered, naming the row.
 */
import type { Command } from 'commander';
import { SamverkanError } from '@samverkan/core';
import { printJson } from '../output.js';

/** Register `audit verify`. */
export function registerAuditVerify(program: Command): void {
  const audit = program.commands.find((c) => c.name() === 'audit') ?? program.command('audit').description('granskningsloggen');
  audit
    .command('verify')
    .description('kontrollera granskningsloggens hashkedja (slutkod 3 om en rad ändrats, raderats eller flyttats)')
    .option('--json', 'skriv resultatet som JSON')
    .action(async (opts: { json?: boolean }) => {
      const [{ openConfiguredStore }, { verifyAudit }] = await Promise.all([import('../configured-store.js'), import('../../audit/verify-audit.js')]);
      const s = await openConfiguredStore();
      try {
        const result = await verifyAudit(s.store.db);
        if (!result.ok) throw new SamverkanError('SAMV_ERR_AUDIT_BROKEN', result.message, { field: 'seq', value: result.seq }, [result]);
        if (opts.json === true) printJson(result);
        else process.stdout.write(`Granskningsloggen är obruten: ${String(result.rows)} rader. Senaste rad ${String(result.lastSeq)}, hash ${result.lastHash}.\n`);
      } finally {
        await s.store.close();
      }
    });
}
