/**
 * Log lines in batches (log-batch.ts): in order, held until a batch is full or the flush time has
 * passed, written at once by flush and flushSync; and the service logger's last lines reach
 * stdout when the process exits, by process.exit or by an uncaught exception.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildPackages, repoRoot } from '../cli/cli-run.testkit.js';
import { BatchedLines, type LineSink } from './log-batch.js';

/** A sink that keeps what it is given, one entry per write (a batch). */
function keeping(): LineSink & { writes: string[] } {
  const writes: string[] = [];
  return {
    writes,
    write(text: string) {
      writes.push(text);
    },
    flush(cb) {
      cb?.();
    },
    flushSync() {
      // everything is written by write
    },
  };
}

describe('BatchedLines', () => {
  it('holds lines until the batch is full, then writes them in order as one write', () => {
    const sink = keeping();
    const lines = new BatchedLines(sink, 30, 60_000);
    lines.write('line 1 ........\n');
    expect(sink.writes).toEqual([]);
    lines.write('line 2 ........\n');
    expect(sink.writes).toEqual(['line 1 ........\nline 2 ........\n']);
    lines.write('line 3\n');
    lines.flushSync();
    expect(sink.writes).toEqual(['line 1 ........\nline 2 ........\n', 'line 3\n']);
  });

  it('writes a partial batch once the flush time has passed', async () => {
    const sink = keeping();
    const lines = new BatchedLines(sink, 8192, 20);
    lines.write('a\n');
    lines.write('b\n');
    expect(sink.writes).toEqual([]);
    await new Promise((r) => setTimeout(r, 80));
    expect(sink.writes).toEqual(['a\nb\n']);
  });

  it('flush hands what is queued to the sink first', () => {
    const sink = keeping();
    const lines = new BatchedLines(sink, 8192, 60_000);
    lines.write('x\n');
    let called = false;
    lines.flush(() => (called = true));
    expect(sink.writes).toEqual(['x\n']);
    expect(called).toBe(true);
  });
});

describe('the service logger at exit', () => {
  beforeAll(() => {
    buildPackages();
  }, 180_000);

  const logger = pathToFileURL(join(repoRoot, 'packages/server/dist/app/logger.js')).href;
  const run = (ending: string): string => {
    const script = `const { createLogger } = await import(${JSON.stringify(logger)}); const log = createLogger('info'); log.info('rad ett'); log.info('sista raden'); ${ending}`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    return r.stdout;
  };

  it('writes the last lines on process.exit', () => {
    const out = run('process.exit(0);');
    expect(out.indexOf('"msg":"rad ett"')).toBeGreaterThanOrEqual(0);
    expect(out.indexOf('"msg":"sista raden"')).toBeGreaterThan(out.indexOf('"msg":"rad ett"'));
  });

  it('writes the last lines when an uncaught exception ends the process', () => {
    const out = run("setTimeout(() => { throw new Error('krasch'); }, 0);");
    expect(out).toContain('"msg":"sista raden"');
  });
});
