/**
 * `samverkan` — the agreement from the command line. Commands live in ./commands/; this file
 * wires them up and turns every failure into a Swedish message and the catalogue's exit code.
 */
import { Command, CommanderError } from 'commander';
import { commands } from './commands/index.js';
import { reportError } from './output.js';
import { commanderUsageError, swedishTitle } from './commander-swedish.js';
import { cliIo, withCliIo, type CliIo } from './cli-io.js';

/** Build the CLI program (exported for tests). */
export function buildProgram(): Command {
  const program = new Command();
  program
    .name('samverkan')
    .description('Samverkansavtalet för hälso- och sjukvård i Jämtlands län, körbart: avtal, belopp, kalender och ansvar.')
    .helpOption('-h, --help', 'visa hjälp')
    .helpCommand('help [kommando]', 'visa hjälp för ett kommando')
    .configureHelp({ styleTitle: swedishTitle })
    // Usage errors are reported once, in Swedish, by runCli (not in commander's English). Help goes
    // to the run's own streams (see cli-io.ts).
    .configureOutput({
      outputError: () => undefined,
      writeOut: (text) => cliIo().stdout.write(text),
      writeErr: (text) => cliIo().stderr.write(text),
    })
    .exitOverride();
  for (const register of commands) register(program);
  return program;
}

/** Run the CLI with `argv` (process.argv shape); resolves to the exit code. */
export async function runCli(argv: readonly string[]): Promise<number> {
  const program = buildProgram();
  const json = argv.includes('--json');
  try {
    await program.parseAsync([...argv]);
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.help' || e.code === 'commander.version') return 0;
      return reportError(commanderUsageError(e.message), json);
    }
    return reportError(e, json);
  }
}

/**
 * Run `samverkan …args` inside this process with its own streams and environment (whatever `io`
 * leaves out is the process's); resolves to the exit code. The binary is `runCli(process.argv)`.
 */
export function run(args: readonly string[], io: Partial<CliIo>): Promise<number> {
  return withCliIo(io, () => runCli(['node', 'samverkan', ...args]));
}

const isMain = process.argv[1] !== undefined && /samverkan(\.js)?$|cli[\\/]main\.(js|ts)$/.test(process.argv[1]);
if (isMain) {
  // A reader that stops early (`samverkan calendar --year 2026 | head`) closes the pipe: that is
  // not a failure, and it must not end in a stack trace.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    process.exit(process.exitCode ?? 0);
  });
  const code = await runCli(process.argv);
  process.exitCode = code;
}
