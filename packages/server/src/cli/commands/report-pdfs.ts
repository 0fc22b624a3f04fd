/**
 * The two PDFs beside the invoices from the command line, on the configured database (opened
 * like `billing`), as the administrator audited as `cli:<os user>`:
 * `samverkan billing settlement --run <id> [--out f.pdf] [--json]` — a tilläggsbelopp run's
 * settlement; `samverkan agreements --report f.pdf [--on DATE]` — the agreement status report
 * (terminations from the database, every open dispute). Same service and bytes as the API's.
 */
import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import type { SessionUser } from '../../auth/session-user.js';
import type { ExportedFile } from '../../exports/export-service.js';
import type { ConfiguredStore } from '../configured-store.js';
import { cliIo } from '../cli-io.js';
import { printJson } from '../output.js';
import { fileSizeText } from '../saved-tables.js';

async function withAdminStore<T>(fn: (s: ConfiguredStore, user: SessionUser) => Promise<T>): Promise<T> {
  const { cliActor, openConfiguredStore } = await import('../configured-store.js');
  const actor = cliActor();
  const user: SessionUser = {
    id: actor,
    username: actor.slice('cli:'.length),
    displayName: `Kommandoraden (${actor.slice('cli:'.length)})`,
    role: 'admin',
    municipality: null,
    actor,
  };
  const s = await openConfiguredStore();
  try {
    return await fn(s, user);
  } finally {
    await s.store.close();
  }
}

/** Write `file` to `out` (a file, or an existing folder to put it in by its own name) and report it. */
function writeOut(file: ExportedFile, out: string, json: boolean): void {
  let path = out;
  try {
    if (statSync(path).isDirectory()) path = join(path, file.fileName);
  } catch {
    // not there yet: a file name
  }
  writeFileSync(path, file.bytes);
  if (json)
    printJson({ file: path, fileName: file.fileName, contentType: file.contentType, bytes: file.bytes.length, sha256: file.sha256 });
  else
    cliIo().stdout.write(
      `Sparad: ${path} (${fileSizeText(file.bytes.length)}), kontrollsumma SHA-256 ${file.sha256}; exporten är granskningsloggad.\n`,
    );
}

/** Register `billing settlement` under the `billing` command. */
export function registerBillingSettlement(billing: Command): void {
  billing
    .command('settlement')
    .description('avstämningen av tilläggsbeloppet för en körning av flödet tillaggsbelopp som PDF (från de godkända underlagen)')
    .requiredOption('--run <id>', 'körningens id (samverkan billing list visar underlagens körningar)')
    .option('--out <sökväg>', 'fil eller befintlig mapp att skriva till (standard: aktuell mapp)', '.')
    .option('--json', 'skriv resultatet som JSON')
    .action(async (opts: { run: string; out: string; json?: boolean }) => {
      const { exportSettlement } = await import('../../exports/report-service.js');
      await withAdminStore(async (s, user) => {
        writeOut(await exportSettlement(s.store, s.agreement, user, opts.run), opts.out, opts.json === true);
      });
    });
}

/** `agreements --report <fil>`: the status report of `on` (ISO date) written to `out`. */
export async function writeStatusReport(on: string, out: string, json: boolean): Promise<void> {
  const { exportStatusReport } = await import('../../exports/report-service.js');
  await withAdminStore(async (s, user) => {
    writeOut(await exportStatusReport(s.store, s.agreement, user, on), out, json);
  });
}
