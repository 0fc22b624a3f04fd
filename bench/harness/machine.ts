/** The machine a run happened on, for the head of bench/results.md. */
import { execFileSync } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';

function git(args: string[]): string {
  try {
    return execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return '?';
  }
}

/** Load average (1, 5, 15 minutes) as text, e.g. "1.02 / 0.87 / 0.60". */
export function loadText(): string {
  return loadavg()
    .map((l) => l.toFixed(2))
    .join(' / ');
}

/** "2 CPU (AMD EPYC …), 7.8 GiB RAM, Node v20 …, linux, commit abc1234". */
export function machineText(): string {
  const c = cpus();
  // results.md itself is rewritten after each suite, so it never counts as a change.
  const dirty =
    git(['status', '--porcelain', '--untracked-files=no', '--', '.', ':(exclude)bench/results.md']) === ''
      ? ''
      : ' (with uncommitted changes in the tree)';
  return `${String(c.length)} CPU (${c[0]?.model.trim() ?? 'unknown'}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, Node ${process.version}, ${process.platform}, commit ${git(['rev-parse', '--short', 'HEAD'])}${dirty}`;
}
