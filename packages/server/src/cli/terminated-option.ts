/**
 * The `--terminated DOC=DATE` option shared by `agreements` and `calendar`: repeatable, and
 * several values may follow one flag.
 */
import type { Command } from 'commander';
import { parseTermination, type Agreement, type Termination } from '@samverkan/core';

/** Add `--terminated DOC=DATE…` to `command`. */
export function addTerminatedOption(command: Command): Command {
  return command.option(
    '--terminated <DOC=DATUM...>',
    'registrerad uppsägning: dokument (PRINC, ORD, … eller ALL för hela avtalet) och datum då uppsägningen gjordes; kan anges flera gånger',
    (value: string, previous: string[] | undefined) => [...(previous ?? []), value],
  );
}

/** Parse the collected `--terminated` values against the agreement's documents. */
export function parseTerminatedOption(values: readonly string[] | undefined, agreement: Agreement): Termination[] {
  const ids = agreement.documents.map((d) => d.id);
  return (values ?? []).map((v) => parseTermination(v, '--terminated', ids));
}
