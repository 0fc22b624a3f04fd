/**
 * The binary whose reader stops early (`samverkan calendar --year 2026 | head -1`): the closed
 * pipe ends the command quietly — no stack trace, exit 0 — as other command-line tools do.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildPackages, hasStackTrace, repoRoot } from './cli-run.testkit.js';

beforeAll(() => {
  buildPackages();
}, 180_000);

describe('samverkan writing to a closed pipe', () => {
  it('ends quietly with exit 0', async () => {
    const child = spawn(process.execPath, [join(repoRoot, 'packages/server/bin/samverkan.js'), 'calendar', '--year', '2026'], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    // The reader goes away before the first line is written.
    child.stdout.destroy();
    const code = await new Promise<number | null>((resolve) =>
      child.on('exit', (c) => {
        resolve(c);
      }),
    );
    expect(hasStackTrace(stderr), stderr).toBe(false);
    expect(stderr).toBe('');
    expect(code).toBe(0);
  }, 60_000);
});
