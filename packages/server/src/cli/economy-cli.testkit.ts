/**
 * Test support for the economy commands: paths of the shipped example files, temporary input
 * files, and runners that assert the --json contract (one JSON document, no stack trace): in this
 * process through the CLI's entry (`runJson`, `runError`), or as the real binary (`runJsonBinary`,
 * once per command, for the process's exit code and streams).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { hasStackTrace, samverkan, samverkanInProcess, type CliRun } from './cli-run.testkit.js';

/** Path (relative to the repo root, where the CLI runs) of a shipped example file. */
export const examplePath = (name: string): string => `agreements/jamtland-2026/examples/${name}`;

const dir = mkdtempSync(join(tmpdir(), 'samverkan-economy-'));

/** Write `content` to a temporary file and return its absolute path. */
export function tempFile(name: string, content: string | Uint8Array): string {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
}

/** Check exit code, one JSON document on stdout and no stack trace anywhere. */
function jsonContract(r: CliRun, expectedStatus: number): Record<string, unknown> {
  expect(hasStackTrace(r.stdout + r.stderr)).toBe(false);
  if (r.status !== expectedStatus) throw new Error(`exit ${String(r.status)} (expected ${String(expectedStatus)}): ${r.stderr}`);
  if (expectedStatus === 0) expect(r.stderr).toBe('');
  return JSON.parse(r.stdout) as Record<string, unknown>;
}

/** Run the binary with --json; see `jsonContract`. */
export function runJsonBinary(args: readonly string[], expectedStatus = 0): Record<string, unknown> {
  return jsonContract(samverkan([...args, '--json']), expectedStatus);
}

/** Run in-process with --json; see `jsonContract`. */
export async function runJson(args: readonly string[], expectedStatus = 0): Promise<Record<string, unknown>> {
  return jsonContract(await samverkanInProcess([...args, '--json']), expectedStatus);
}

/** Run in-process with --json expecting exit 2; return the error object. */
export async function runError(args: readonly string[]): Promise<{ code: string; message: string; location: Record<string, unknown> }> {
  const out = await runJson(args, 2);
  return out['error'] as { code: string; message: string; location: Record<string, unknown> };
}
