/**
 * `samverkan users add --username U --role R [--municipality KOD] [--display-name N] [--email E]
 * [--password-stdin | --oidc-only] [--json]`. The password is read from standard input
 * (`--password-stdin`) or the SAMVERKAN_PASSWORD environment variable, never from the command
 * line (it would end up in shell history and the process list).
 */
import type { Command } from 'commander';
import { SamverkanError } from '@samverkan/core';
import { roleLabels, roles } from '../../auth/roles.js';
import { printJson } from '../output.js';
import { cliIo, readStdin as readAllStdin } from '../cli-io.js';

async function readStdin(): Promise<string> {
  return (await readAllStdin()).toString('utf8').replace(/\r?\n$/, '');
}

interface Options {
  username: string;
  role: string;
  municipality?: string;
  displayName?: string;
  email?: string;
  passwordStdin?: boolean;
  oidcOnly?: boolean;
  json?: boolean;
}

/** Register `users add`. */
export function registerUsersAdd(program: Command): void {
  const users = program.commands.find((c) => c.name() === 'users') ?? program.command('users').description('användare');
  users
    .command('add')
    .description(`lägg upp en lokal användare (roller: ${roles.map((r) => `${r} = ${roleLabels[r]}`).join(', ')})`)
    .requiredOption('--username <namn>', 'användarnamn (a–z, 0–9, . _ - @)')
    .requiredOption('--role <roll>', `roll: ${roles.join(', ')}`)
    .option('--municipality <kod>', 'kommunkod eller namn (krävs för municipality_economist)')
    .option('--display-name <namn>', 'visningsnamn')
    .option('--email <adress>', 'e-post (kopplar OIDC-inloggning med samma adress)')
    .option('--password-stdin', 'läs lösenordet från standard in')
    .option('--oidc-only', 'inget lösenord: loggar bara in via OpenID Connect')
    .option('--json', 'skriv resultatet som JSON')
    .action(async (opts: Options) => {
      let password: string | undefined;
      if (opts.passwordStdin === true) password = await readStdin();
      else if (cliIo().env['SAMVERKAN_PASSWORD']) password = cliIo().env['SAMVERKAN_PASSWORD'];
      else if (opts.oidcOnly !== true) {
        throw new SamverkanError(
          'SAMV_ERR_INVALID_INPUT',
          'password: ange lösenordet via --password-stdin eller miljövariabeln SAMVERKAN_PASSWORD (eller --oidc-only för konton utan lösenord).',
          {
            field: 'password',
          },
        );
      }
      const [{ cliActor, openConfiguredStore }, { createUser }] = await Promise.all([
        import('../configured-store.js'),
        import('../../auth/users.js'),
      ]);
      const s = await openConfiguredStore();
      try {
        const user = await createUser(
          s.store,
          {
            username: opts.username,
            role: opts.role,
            municipality: opts.municipality,
            displayName: opts.displayName,
            email: opts.email,
            password,
          },
          cliActor(),
        );
        if (opts.json === true) printJson({ user });
        else
          cliIo().stdout.write(
            `Användaren ${user.username} (${roleLabels[user.role]}${user.municipality ? `, kommun ${user.municipality}` : ''}) är upplagd i ${s.description}.\n`,
          );
      } finally {
        await s.store.close();
      }
    });
}
