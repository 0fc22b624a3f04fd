/**
 * Every CLI command, each in its own file with a `register(program)` function. Add a command by
 * adding its file and one line here.
 */
import type { Command } from 'commander';

/** A command module registers itself on the program. */
export type RegisterCommand = (program: Command) => void;

export const commands: readonly RegisterCommand[] = [];
