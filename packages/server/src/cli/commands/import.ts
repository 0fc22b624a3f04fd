/**
 * `samverkan import <kind> FILE [--filename NAMN] [--json] [--no-progress]`: import a CSV or Excel
 * file into the configured database — all or nothing, idempotent, streamed with flat memory. A
 * progress bar on standard error shows bytes read of the file's size for each pass (read, check,
 * save) when standard error is a terminal. A file with bad rows exits 2 and lists every bad row
 * (line, column, Swedish reason); with `--json` the same list is in `error.details`.
 */
import { statSync } from 'node:fs';
import { basename } from 'node:path';
import type { Command } from 'commander';
import cliProgress from 'cli-progress';
import { isSamverkanError, quantity, SamverkanError } from '@samverkan/core';
import { formatCount, savedPosts } from '../step-lines.js';
import { printJson, ReportedError } from '../output.js';
import { swedishKindNames } from '../../imports/kinds/kind-names.js';
import { cliIo } from '../cli-io.js';

interface Options {
  filename?: string;
  json?: boolean;
  progress: boolean;
}

const phaseText = { scan: 'Läser      ', validate: 'Kontrollerar', write: 'Sparar      ' } as const;
type Phase = keyof typeof phaseText;

const mb = (bytes: number): string => (bytes / 1024 / 1024).toFixed(1);

/** A progress bar on stderr over the file's bytes, one run per phase. */
function progressBar(total: number, enabled: boolean): { update(phase: Phase, bytes: number): void; stop(): void } {
  if (!enabled || cliIo().stderr.isTTY !== true) return { update: () => undefined, stop: () => undefined };
  const bar = new cliProgress.SingleBar(
    {
      stream: cliIo().stderr,
      format: '{phase} |{bar}| {percentage} % | {done}/{size} MB | {eta_formatted} kvar',
      hideCursor: true,
      clearOnComplete: false,
      etaBuffer: 50,
    },
    cliProgress.Presets.shades_classic,
  );
  let current: Phase | undefined;
  return {
    update(phase, bytes) {
      if (phase !== current) {
        if (current !== undefined) bar.stop();
        current = phase;
        bar.start(total, 0, { phase: phaseText[phase], done: mb(0), size: mb(total) });
      }
      bar.update(Math.min(bytes, total), { phase: phaseText[phase], done: mb(bytes), size: mb(total) });
    },
    stop() {
      if (current !== undefined) bar.stop();
    },
  };
}

/** The kinds for `--help`: Swedish name and English alias. */
function kindList(): string {
  const names = Object.entries(swedishKindNames);
  const width = Math.max(...names.map(([, sv]) => sv.length));
  return `\nImporttyper (svenskt namn, engelskt alias som också går):\n${names.map(([en, sv]) => `  ${sv.padEnd(width)}  ${en}`).join('\n')}\n`;
}

/** Register `import`. */
export function registerImport(program: Command): void {
  program
    .command('import')
    .description('importera en CSV- eller Excelfil (allt eller inget; samma fil eller samma poster två gånger lägger inte till något)')
    .argument('<typ>', 'importtyp, på svenska eller engelska (se listan nedan)')
    .argument('<fil>', 'CSV (semikolon eller komma, UTF-8 eller Windows-1252) eller Excel (.xlsx)')
    .option('--filename <namn>', 'namnet som visas i historiken (standard: filens namn)')
    .option('--json', 'skriv resultatet som JSON')
    .option('--no-progress', 'visa ingen förloppsindikator')
    .addHelpText('after', kindList)
    .action(async (kindName: string, path: string, opts: Options) => {
      const [
        { findImportKind, importKinds, swedishKindName },
        { scanFile },
        { runImport },
        { cliActor, openConfiguredStore },
        { effectiveAgreement },
      ] = await Promise.all([
        import('../../imports/kinds/index.js'),
        import('../../imports/file-scan.js'),
        import('../../imports/run-import.js'),
        import('../configured-store.js'),
        import('../../reference/effective-agreement.js'),
      ]);
      const kind = findImportKind(kindName);
      if (!kind)
        throw new SamverkanError(
          'SAMV_ERR_INVALID_INPUT',
          `typ: okänd importtyp "${kindName}". Välj en av: ${importKinds.map((k) => `${swedishKindName(k)} (${k.kind})`).join(', ')}.`,
          { field: 'typ', value: kindName },
        );
      let size: number;
      try {
        size = statSync(path).size;
      } catch {
        throw new SamverkanError('SAMV_ERR_FILE_NOT_FOUND', `fil: filen "${path}" kunde inte läsas. Kontrollera sökvägen.`, {
          field: 'fil',
          file: path,
        });
      }
      const bar = progressBar(size, opts.progress);
      const s = await openConfiguredStore();
      try {
        let scanned = 0;
        const file = await scanFile(path, (n) => {
          scanned += n;
          bar.update('scan', scanned);
        });
        const agreement = await effectiveAgreement(s.store.db, s.agreement);
        const report = await runImport(s.store, agreement, {
          kind,
          file,
          filename: opts.filename ?? basename(path),
          actor: cliActor(),
          municipality: undefined,
          onProgress: (phase, bytes) => {
            bar.update(phase, bytes);
          },
        });
        bar.stop();
        if (opts.json === true) printJson(report);
        else if (report.alreadyImported)
          cliIo().stdout.write(
            `${report.filename}: inget nytt — ${formatCount(report.duplicates)} av ${report.rows === 1 ? '1 post' : `${formatCount(report.rows)} poster`} fanns redan (${kind.title}).\n`,
          );
        else
          cliIo().stdout.write(
            `${report.filename}: ${savedPosts(report.inserted)}, ${formatCount(report.duplicates)} fanns redan (${kind.title}, ${quantity(report.rows, 'row')}) i ${s.description}.\n`,
          );
      } catch (e) {
        bar.stop();
        if (opts.json !== true && isSamverkanError(e) && e.code === 'SAMV_ERR_IMPORT_REJECTED') {
          // The summary ("… Rätta felen nedan …") first, then the problems it points to.
          cliIo().stderr.write(`Fel: ${e.message}\n`);
          for (const d of e.details) {
            const message = (d as { message?: unknown }).message;
            if (typeof message === 'string') cliIo().stderr.write(`  ${message}\n`);
          }
          throw new ReportedError(e.exitCode);
        }
        throw e;
      } finally {
        await s.store.close();
      }
    });
}
