/**
 * `samverkan billing run|list|approve|credit|export|settlement`: the billing ledger from the command line on
 * the configured database (opened like `import`), acting as the administrator with the audit name
 * `cli:<os user>`. Swedish text, or with `--json` exactly one JSON document; errors exit with the
 * catalogue's codes (2 for refusals such as a draft export or a missing confirmation).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { statSync } from 'node:fs';
import type { Command } from 'commander';
import { formatKronor, isSamverkanError, ore, SamverkanError } from '@samverkan/core';
import { printJson } from '../output.js';
import type { SessionUser } from '../../auth/session-user.js';
import type { InvoiceBasisView } from '../../billing/basis-view.js';
import type { ConfiguredStore } from '../configured-store.js';
import { registerBillingSettlement } from './report-pdfs.js';
import { cliIo } from '../cli-io.js';
import { fileSizeText } from '../saved-tables.js';
import { flowInfo, isBillingFlow } from '../../billing/periods.js';

/** The CLI's user: the administrator's rights, audited as `cli:<os user>`. */
async function cliUser(): Promise<SessionUser> {
  const { cliActor } = await import('../configured-store.js');
  const actor = cliActor();
  return {
    id: actor,
    username: actor.slice('cli:'.length),
    displayName: `Kommandoraden (${actor.slice('cli:'.length)})`,
    role: 'admin',
    municipality: null,
    actor,
  };
}

/** Open the store, run `fn`, close it. */
async function withStore<T>(fn: (s: ConfiguredStore, user: SessionUser) => Promise<T>): Promise<T> {
  const { openConfiguredStore } = await import('../configured-store.js');
  const s = await openConfiguredStore();
  try {
    return await fn(s, await cliUser());
  } finally {
    await s.store.close();
  }
}

function party(p: InvoiceBasisView['seller']): string {
  return `${p.name}${p.unit === undefined ? '' : ` (${p.unit})`}`;
}

/** A basis's status as a person says it (the id stays in --json). */
const statusText: Readonly<Record<string, string>> = { draft: 'utkast', approved: 'godkänt', sent: 'skickat', credited: 'krediterat' };

/** A flow by its Swedish title (the id is what a person types, not what they read). */
function flowTitle(flow: string): string {
  return isBillingFlow(flow) ? flowInfo[flow].title : flow;
}

/** One line per basis: id, status, number, parties, total. */
function basisLine(b: InvoiceBasisView): string {
  return `${b.id}  ${(statusText[b.status] ?? b.status).padEnd(10)}  ${(b.invoiceNumber ?? '–').padEnd(18)}  ${flowTitle(b.flow)} ${b.period}  ${party(b.seller)} → ${party(b.buyer)}  ${formatKronor(ore(b.totalOre), { unit: true })}`;
}

interface JsonOpt {
  json?: boolean;
}

/**
 * A refusal naming the API's `confirmProvisional` says what to type here instead:
 * "(samverkan billing approve ID --confirm-provisional a b)".
 */
function asCliConfirmation(e: unknown, id: string): unknown {
  if (!isSamverkanError(e) || e.location.field !== 'confirmProvisional') return e;
  const message = e.message
    .replace(
      /\(confirmProvisional: ([^)]*)\)/,
      (_m, ids: string) => `(npx samverkan billing approve ${id} --confirm-provisional ${ids.split(', ').join(' ')})`,
    )
    .replace(/^confirmProvisional: /, '--confirm-provisional: ');
  return new SamverkanError(e.code, message, { ...e.location, field: '--confirm-provisional' }, e.details);
}

/** Register `billing` and its subcommands. */
export function registerBilling(program: Command): void {
  const billing = program
    .command('billing')
    .description('faktureringskörningar och fakturaunderlag: köra, lista, godkänna, kreditera, exportera');

  billing
    .command('run')
    .description('starta nästa faktureringskörning för ett flöde och en period (körning 1, tilläggskörning 2 …)')
    .argument('<flöde>', 'dagtid, synhorsel, mt-fixed, mt-variable, inpatient-staff, tillaggsbelopp, development-funds, cost-regulation')
    .argument('<period>', 'ÅÅÅÅ-MM, ÅÅÅÅ-H1/H2 eller ÅÅÅÅ beroende på flöde')
    .option('--scope <kommun>', 'begränsa körningen till en kommun (kod eller namn)')
    .option('--allocation-key <namn>', 'fördelningsnyckel (tilläggsbelopp, utvecklingsmedel)')
    .option('--json', 'skriv resultatet som JSON')
    .action(async (flow: string, period: string, opts: JsonOpt & { scope?: string; allocationKey?: string }) => {
      const [{ startBillingRun }, { effectiveAgreement }] = await Promise.all([
        import('../../billing/run-store.js'),
        import('../../reference/effective-agreement.js'),
      ]);
      await withStore(async (s, user) => {
        const agreement = await effectiveAgreement(s.store.db, s.agreement);
        const started = await startBillingRun(s.store, agreement, user, {
          flow,
          period,
          scope: opts.scope,
          options: opts.allocationKey === undefined ? {} : { allocationKey: opts.allocationKey },
        });
        if (opts.json === true) {
          printJson(started);
          return;
        }
        cliIo().stdout.write(
          started.created
            ? `${started.run.label} ${flowTitle(flow)} ${period}: ${String(started.invoiceBases.length)} utkast (${started.run.id}).\n`
            : `Inget nytt att fakturera: ${started.note ?? ''}\n`,
        );
        for (const b of started.invoiceBases) cliIo().stdout.write(`  ${basisLine(b)}\n`);
      });
    });

  billing
    .command('list')
    .description('lista fakturaunderlag (nyast först)')
    .option('--status <status>', 'draft, approved, sent eller credited')
    .option('--flow <flöde>', 'bara ett flöde')
    .option('--period <period>', 'bara en period')
    .option('--run <id>', 'bara en körning')
    .option('--json', 'skriv resultatet som JSON')
    .action(async (opts: JsonOpt & { status?: string; flow?: string; period?: string; run?: string }) => {
      const [{ listBases, creditNotesOf }, { basisView }] = await Promise.all([
        import('../../billing/basis-store.js'),
        import('../../billing/basis-view.js'),
      ]);
      await withStore(async (s, user) => {
        const rows = await listBases(s.store.db, user, {
          status: opts.status,
          flow: opts.flow,
          period: opts.period,
          billingRunId: opts.run,
        });
        const credited = await creditNotesOf(
          s.store.db,
          rows.map((r) => r.id),
        );
        const bases = rows.map((r) => basisView(s.agreement, r, credited.get(r.id) ?? null));
        if (opts.json === true) {
          printJson({ invoiceBases: bases });
          return;
        }
        if (bases.length === 0) cliIo().stdout.write('Inga fakturaunderlag.\n');
        for (const b of bases) cliIo().stdout.write(`${basisLine(b)}\n`);
      });
    });

  billing
    .command('approve')
    .description('godkänn ett utkast: låser det och ger det nästa fakturanummer i säljarens serie, fakturadatum och förfallodatum')
    .argument('<id>', 'fakturaunderlagets id')
    .option('--confirm-provisional <id...>', 'bekräfta varje varning om exempel- eller prognosvärden (id:n som underlaget listar)')
    .option('--json', 'skriv resultatet som JSON')
    .action(async (id: string, opts: JsonOpt & { confirmProvisional?: string[] }) => {
      const { approveBasis } = await import('../../billing/basis-actions.js');
      await withStore(async (s, user) => {
        const b = await approveBasis(s.store, s.agreement, user, id, { confirmProvisional: opts.confirmProvisional }).catch(
          (e: unknown) => {
            throw asCliConfirmation(e, id);
          },
        );
        if (opts.json === true) {
          printJson({ invoiceBasis: b });
          return;
        }
        cliIo().stdout.write(
          `Godkänt: faktura ${b.invoiceNumber ?? '–'}, fakturadatum ${b.issueDate ?? '–'}, förfallodatum ${b.dueDate ?? '–'}.\n  ${basisLine(b)}\n`,
        );
      });
    });

  billing
    .command('credit')
    .description('kreditera ett godkänt eller skickat underlag: kreditnota med eget nummer plus ett nytt utkast beräknat på nytt')
    .argument('<id>', 'fakturaunderlagets id')
    .requiredOption('--reason <text>', 'varför underlaget krediteras (3–500 tecken)')
    .option('--json', 'skriv resultatet som JSON')
    .action(async (id: string, opts: JsonOpt & { reason: string }) => {
      const { creditBasis } = await import('../../billing/basis-actions.js');
      await withStore(async (s, user) => {
        const r = await creditBasis(s.store, s.agreement, user, id, { reason: opts.reason });
        if (opts.json === true) {
          printJson(r);
          return;
        }
        cliIo().stdout.write(
          `Krediterat: kreditnota ${r.creditNote.invoiceNumber ?? '–'} krediterar faktura ${r.credited.invoiceNumber ?? '–'}.\n`,
        );
        if (r.replacement) cliIo().stdout.write(`Nytt utkast: ${basisLine(r.replacement)}\n`);
      });
    });

  billing
    .command('export')
    .description(
      'exportera ett godkänt underlag eller en kreditnota (Peppol BIS 3, PDF, Excel, SIE 4I), eller med --run en hel körning som ZIP',
    )
    .argument('[id]', 'fakturaunderlagets id')
    .option('--format <format>', 'peppol, pdf, xlsx eller sie')
    .option('--run <id>', 'exportera alla godkända och krediterade dokument i körningen som en ZIP-fil')
    .option('--out <sökväg>', 'fil eller befintlig mapp att skriva till (standard: aktuell mapp)', '.')
    .option('--json', 'skriv resultatet som JSON')
    .action(async (id: string | undefined, opts: JsonOpt & { format?: string; run?: string; out: string }) => {
      const [{ exportBasis, exportRun }, { isExportFormat, exportFormatIds }] = await Promise.all([
        import('../../exports/export-service.js'),
        import('../../exports/export-formats.js'),
      ]);
      await withStore(async (s, user) => {
        let file;
        if (opts.run !== undefined) file = await exportRun(s.store, s.agreement, user, opts.run);
        else {
          if (id === undefined)
            throw new SamverkanError(
              'SAMV_ERR_INVALID_INPUT',
              'id: ange fakturaunderlagets id, eller --run <körning> för en hel körning.',
              { field: 'id' },
            );
          const format = opts.format ?? '';
          if (!isExportFormat(format))
            throw new SamverkanError('SAMV_ERR_INVALID_INPUT', `--format: välj ett av ${exportFormatIds.join(', ')} (inte "${format}").`, {
              field: 'format',
              value: format,
            });
          file = await exportBasis(s.store, s.agreement, user, id, format);
        }
        let path = opts.out;
        try {
          if (statSync(path).isDirectory()) path = join(path, file.fileName);
        } catch {
          // not there yet: a file name
        }
        writeFileSync(path, file.bytes);
        if (opts.json === true) {
          printJson({ file: path, fileName: file.fileName, contentType: file.contentType, bytes: file.bytes.length, sha256: file.sha256 });
          return;
        }
        cliIo().stdout.write(
          `Sparad: ${path} (${fileSizeText(file.bytes.length)}), kontrollsumma SHA-256 ${file.sha256}; exporten är granskningsloggad.\n`,
        );
      });
    });

  registerBillingSettlement(billing);
}
