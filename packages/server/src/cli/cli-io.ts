/**
 * Where a CLI run reads and writes: the process's own streams and environment when it runs as the
 * `samverkan` binary, or those handed to `run()` when a command runs inside another process (the
 * tests, which would otherwise spawn a node process per assertion). Carried in AsyncLocalStorage so
 * that every command and helper reaches the same streams without threading them through each call.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Readable, Writable } from 'node:stream';

/** An output stream; `isTTY` decides whether a progress bar is drawn. */
export type CliOutput = Writable & { readonly isTTY?: boolean };

/** The streams and environment of one CLI run. */
export interface CliIo {
  readonly stdout: CliOutput;
  readonly stderr: CliOutput;
  readonly env: NodeJS.ProcessEnv;
  /** Standard input, read only when a command asks for it (`--input -`, `--batch -`, `--password-stdin`). */
  readonly stdin: Readable;
}

const processIo: CliIo = { stdout: process.stdout, stderr: process.stderr, env: process.env, stdin: process.stdin };
const current = new AsyncLocalStorage<CliIo>();

/** The streams and environment of the CLI run in progress (the process's own outside `withCliIo`). */
export function cliIo(): CliIo {
  return current.getStore() ?? processIo;
}

/** All of the run's standard input. */
export async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of cliIo().stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks);
}

/** Run `fn` with `io` as the CLI's streams and environment; what `io` leaves out is the process's. */
export function withCliIo<T>(io: Partial<CliIo>, fn: () => Promise<T>): Promise<T> {
  return current.run({ ...processIo, ...io }, fn);
}
