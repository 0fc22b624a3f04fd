/** Load the shipped agreement and its compiled responsibility rules from disk (bench only). */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileResponsibilityRules, loadAgreement, type Agreement, type ResponsibilityRules } from '@samverkan/core';

/** The repository root (bench/dist/responsibility/ → ../../../). */
export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const f = join(dir, n);
    return statSync(f).isDirectory() ? walk(f) : n.endsWith('.yaml') ? [f] : [];
  });
}

/** The agreement in `agreements/jamtland-2026/` and its rules, compiled once. */
export function loadShipped(): { agreement: Agreement; rules: ResponsibilityRules; compileMs: number } {
  const dir = join(repoRoot, 'agreements/jamtland-2026');
  const agreement = loadAgreement(
    walk(dir)
      .sort()
      .map((f) => ({ path: relative(dir, f).split(sep).join('/'), text: readFileSync(f, 'utf8') })),
  );
  const started = performance.now();
  const rules = compileResponsibilityRules(agreement);
  return { agreement, rules, compileMs: performance.now() - started };
}
