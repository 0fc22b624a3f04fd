/**
 * `samverkan db init [--demo] [--json]`: create or migrate the database without serving, load the
 * agreement's municipalities, and with `--demo` load the demo data set into an empty database.
 */
import type { Command } from 'commander';
import { printJson } from '../output.js';
import { cliIo } from '../cli-io.js';

/** Register `db init`. */
export function registerDbInit(program: Command): void {
  const db = program.commands.find((c) => c.name() === 'db') ?? program.command('db').description('databasen');
  db.command('init')
    .description('skapa eller migrera databasen (SQLite i var/ eller DATABASE_URL) utan att starta servern')
    .option('--demo', 'ladda demodata (bara i en tom databas)')
    .option('--json', 'skriv resultatet som JSON')
    .action(async (opts: { demo?: boolean; json?: boolean }) => {
      const [{ openConfiguredStore }, { demoSignInLines }] = await Promise.all([
        import('../configured-store.js'),
        import('./demo-sign-ins.js'),
      ]);
      const s = await openConfiguredStore(opts.demo === true);
      try {
        const result = {
          database: s.description,
          kind: s.store.kind,
          migrationsApplied: s.migrations,
          municipalities: s.agreement.municipalities.length,
          demoLoaded: s.demo !== undefined,
          demoUsers: s.demo?.users ?? [],
        };
        if (opts.json === true) {
          printJson(result);
          return;
        }
        cliIo().stdout.write(`Databasen är klar: ${s.description}.\n`);
        cliIo().stdout.write(s.migrations.length > 0 ? `Migreringar körda: ${s.migrations.join(', ')}.\n` : 'Inga nya migreringar.\n');
        if (s.demo) cliIo().stdout.write(`${demoSignInLines(s.demo).join('\n')}\n`);
        else if (opts.demo === true) cliIo().stdout.write('Demodata laddades inte: databasen har redan användare.\n');
      } finally {
        await s.store.close();
      }
    });
}
