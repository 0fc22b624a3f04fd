/**
 * `samverkan audit verify [--json] [--checkpoints <fil>…]`: verify the audit trail (decision
 * 0100): the keyed hash chain, the signed checkpoints outside the database (the store's own file
 * and copies kept elsewhere) and the users, imports and invoice bases against their last audited
 * state. Exit 0 when intact, printing a new signed checkpoint to keep elsewhere; exit 3
 * (SAMV_ERR_AUDIT_BROKEN) naming the row or object and what happened to it.
 */
import type { Command } from 'commander';
import { SamverkanError } from '@samverkan/core';
import { printJson } from '../output.js';
import { cliIo } from '../cli-io.js';

/** Register `audit verify`. */
export function registerAuditVerify(program: Command): void {
  const audit = program.commands.find((c) => c.name() === 'audit') ?? program.command('audit').description('granskningsloggen');
  audit
    .command('verify')
    .description(
      'kontrollera granskningsloggen: nyckelsignerad hashkedja, kontrollpunkter och granskade tabeller (slutkod 3 vid avvikelse)',
    )
    .option('--json', 'skriv resultatet som JSON')
    .option('--checkpoints <filer...>', 'fler filer med kontrollpunkter (kopior som förvaras på annat ställe)')
    .action(async (opts: { json?: boolean; checkpoints?: string[] }) => {
      const [{ openConfiguredStore }, { verifyAudit }] = await Promise.all([
        import('../configured-store.js'),
        import('../../audit/verify-audit.js'),
      ]);
      const s = await openConfiguredStore();
      try {
        const result = await verifyAudit(s.store.db, { checkpointFiles: opts.checkpoints ?? [], writeCheckpoint: true });
        if (!result.ok) throw new SamverkanError('SAMV_ERR_AUDIT_BROKEN', result.message, { field: 'seq', value: result.seq }, [result]);
        if (opts.json === true) printJson(result);
        else {
          const lines = [
            `Granskningsloggen är obruten: ${String(result.rows)} rader${result.legacyRows > 0 ? ` (varav ${String(result.legacyRows)} från före nyckeln)` : ''}. Senaste rad ${String(result.lastSeq)}, hash ${result.lastHash}.`,
            `Nyckel ${result.keyId}; ${String(result.checkpoints)} kontrollpunkter stämmer; ${String(result.objects.users)} användare, ${String(result.objects.imports)} importer och ${String(result.objects.invoice_bases)} fakturaunderlag stämmer med sin senaste granskning.`,
            ...(result.checkpoint === undefined
              ? []
              : ['Ny kontrollpunkt (spara en kopia på annat ställe):', JSON.stringify(result.checkpoint)]),
          ];
          cliIo().stdout.write(lines.join('\n') + '\n');
        }
      } finally {
        await s.store.close();
      }
    });
}
