/**
 * `npm run bench`: runs every suite in bench/suites.ts, each in its own node process, and rewrites
 * bench/results.md from their results (machine, date, Node, load average before and after each
 * suite; each figure min/median/max; peers interleaved with ours and the ratio per pair).
 *
 * Flags: --quick (CI-sized), --only=a,b (run these suites; the others keep their last section),
 * --no-write (print, leave results.md alone).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadText, machineText } from './harness/machine.js';
import { suiteMarkdown } from './harness/markdown.js';
import type { SuiteResult } from './harness/suite.js';
import { suites, type SuiteEntry } from './suites.js';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const write = !args.includes('--no-write');
const only = args
  .find((a) => a.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',');
const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const resultsPath = join(repoRoot, 'bench/results.md');
/** A suite that hangs must not hang the run (quick: CI-sized; full: generous). */
const timeoutMs = (quick ? 10 : 60) * 60_000;

const begin = (name: string): string => `<!-- bench:${name} -->`;
const end = (name: string): string => `<!-- /bench:${name} -->`;

function previousSections(): Map<string, string> {
  const out = new Map<string, string>();
  if (!existsSync(resultsPath)) return out;
  const text = readFileSync(resultsPath, 'utf8');
  for (const s of suites) {
    const i = text.indexOf(begin(s.name));
    const j = text.indexOf(end(s.name));
    if (i >= 0 && j > i) out.set(s.name, text.slice(i, j + end(s.name).length));
  }
  return out;
}

async function runChild(entry: SuiteEntry, dir: string): Promise<{ result: SuiteResult | null; seconds: number; error: string }> {
  const out = join(dir, `${entry.name}.json`);
  const started = performance.now();
  const child = spawn(
    process.execPath,
    ['--expose-gc', fileURLToPath(new URL('./run-suite.js', import.meta.url)), entry.name, out, ...(quick ? ['--quick'] : [])],
    {
      stdio: ['ignore', 'inherit', 'pipe'],
      cwd: repoRoot,
    },
  );
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => {
    process.stderr.write(d);
    stderr = (stderr + d.toString()).slice(-4000);
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearTimeout(timer);
  const seconds = (performance.now() - started) / 1000;
  if (code !== 0 || !existsSync(out))
    return { result: null, seconds, error: `exit ${String(code)}: ${stderr.trim().split('\n').slice(-3).join(' / ')}` };
  return { result: JSON.parse(readFileSync(out, 'utf8')) as SuiteResult, seconds, error: '' };
}

function document(
  sections: readonly string[],
  pending: readonly SuiteEntry[],
  previous: ReadonlyMap<string, string>,
  loadBefore: string,
  started: Date,
): string {
  const ran = suites.filter((s) => !only || only.includes(s.name)).map((s) => s.name);
  const waiting = pending.filter((p) => p.load !== null && (!only || only.includes(p.name))).map((p) => p.name);
  return [
    '# Benchmark results',
    '',
    `Written by \`npm run bench${args.length > 0 ? ` -- ${args.join(' ')}` : ''}\` (bench/run-all.ts) on ${started.toISOString().slice(0, 10)}: ${machineText()}.`,
    `Load average (1/5/15 min) at the start: ${loadBefore}; now: ${loadText()}. ${quick ? 'This was a `--quick` run (CI-sized data): the figures prove the harness, not the speed.' : 'A full run.'}${only ? ` Suites run now: ${ran.join(', ')}; the other sections are kept from earlier runs (each says when and how it ran).` : ''}${waiting.length > 0 ? ` Still running or not reached: ${waiting.join(', ')} (their sections are from earlier runs).` : ''}`,
    '',
    'Every figure is min/median/max over at least 5 runs; a peer runs interleaved with ours (A B A B …) and the ratio is computed within each pair, then summarised. How each suite measures is in bench/README.md.',
    '',
    ...sections.map((s) => `${s}\n`),
    ...pending.map((p) => `${previous.get(p.name) ?? `${begin(p.name)}\n## ${p.title}\n\nNot measured yet.\n${end(p.name)}`}\n`),
  ].join('\n');
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'samverkan-bench-'));
  const previous = previousSections();
  const sections: string[] = [];
  const failures: string[] = [];
  const loadBefore = loadText();
  const started = new Date();
  // results.md is rewritten after every suite, so a long run that is stopped keeps what it measured.
  const save = (pending: readonly SuiteEntry[]): void => {
    if (write) writeFileSync(resultsPath, document(sections, pending, previous, loadBefore, started));
  };
  try {
    for (const [i, entry] of suites.entries()) {
      if (only && !only.includes(entry.name)) {
        sections.push(
          previous.get(entry.name) ??
            `${begin(entry.name)}\n## ${entry.title}\n\nNot measured yet (run \`npm run bench -- --only=${entry.name}\`).\n${end(entry.name)}`,
        );
        continue;
      }
      if (!entry.load) {
        sections.push(
          `${begin(entry.name)}\n## ${entry.title}\n\n**Not yet measured**: this suite is not written yet (bench/suites.ts lists it without a module).\n${end(entry.name)}`,
        );
        continue;
      }
      const load = loadText();
      console.log(`\n=== ${entry.name}${quick ? ' (--quick)' : ''}: load average ${load}`);
      const { result, seconds, error } = await runChild(entry, dir);
      const context = `Suite \`${entry.name}\`${quick ? ' in `--quick` mode' : ''}, run on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC in ${seconds.toFixed(0)} s; load average (1/5/15 min) ${load} before, ${loadText()} after.`;
      if (!result) {
        failures.push(`${entry.name}: ${error}`);
        sections.push(`${begin(entry.name)}\n## ${entry.title}\n\n${context}\n\n**The suite failed**: ${error}\n${end(entry.name)}`);
      } else {
        failures.push(...result.failures.map((f) => `${entry.name}: ${f}`));
        sections.push(`${begin(entry.name)}\n${suiteMarkdown(result, context).trimEnd()}\n${end(entry.name)}`);
      }
      save(suites.slice(i + 1));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const text = document(sections, [], previous, loadBefore, started);
  if (write) writeFileSync(resultsPath, text);
  else console.log(text);
  if (failures.length > 0) {
    console.error(`\n${String(failures.length)} failure(s):\n${failures.join('\n')}`);
    process.exitCode = 1;
  }
}

await main();
