/**
 * Test support (not part of the build): load the shipped agreement folder from disk so core tests
 * run against the real data. Files named *.testkit.ts may do I/O; they are excluded from dist.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadAgreement, type Agreement, type AgreementFileText } from './load.js';

/** Path of `agreements/jamtland-2026/`. */
export const shippedAgreementDir = fileURLToPath(new URL('../../../../agreements/jamtland-2026/', import.meta.url));

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const f = join(dir, n);
    return statSync(f).isDirectory() ? walk(f) : n.endsWith('.yaml') ? [f] : [];
  });
}

/** The shipped agreement's files as texts. */
export function shippedAgreementFiles(): AgreementFileText[] {
  return walk(shippedAgreementDir)
    .sort()
    .map((f) => ({ path: relative(shippedAgreementDir, f).split(sep).join('/'), text: readFileSync(f, 'utf8') }));
}

let cached: Agreement | undefined;
/** The shipped agreement, loaded and validated once per test file. */
export function shippedAgreement(): Agreement {
  cached ??= loadAgreement(shippedAgreementFiles());
  return cached;
}
