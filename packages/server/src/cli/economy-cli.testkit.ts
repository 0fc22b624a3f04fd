/**
 * Test support for the economy commands: paths of the shipped example files, temporary input
 * files, and a runner that asserts the --json contract (one JSON document, no stack trace).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { hasStackTrace, samverkan } from './cli-run.testkit.js';

/** Path (relative to the repo root, where the CLI runs) of a shipped example file. */
export const examplePath = (name: string): string => `agreements/jamtland-2026/examples/${name}`;

const dir = mkdtempSync(join(tmpdir(), 'samverkan-economy-'));

/** Write `content` to a temporary file and return its absolute path. */
export function tempFile(name: string, content: string | Uint8Array): string {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
}

/** Run with --json; check exit code, one JSON document on stdout and no stack trace anywhere. */
export function runJson(args: readonly string[], expectedStatus = 0): Record<string, unknown> {
  const r = samverkan([...args, '--json']);
  expect(hasStackTrace(r.stdout + r.stderr)).toBe(false);
  if (r.status !== expectedStatus) throw new Error(`exit ${String(r.status)} (expected ${String(expectedStatus)}): ${r.stderr}`);
  if (expectedStatus === 0) expect(r.stderr).toBe('');
  return JSON.parse(r.stdout) as Record<string, unknown>;
}

/** Run with --json expecting exit 2; return the error object. */
export function runError(args: readonly string[]): { code: string; message: string; location: Record<string, unknown> } {
  const out = runJson(args, 2);
  return out['error'] as { code: string; message: string; location: Record<string, unknown> };
}
