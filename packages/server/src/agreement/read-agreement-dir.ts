/**
 * Read an agreement folder (`agreements/<id>/`) from disk and hand the texts to the pure loader.
 * The default folder is the shipped 2026 agreement; `SAMVERKAN_AGREEMENT_DIR` overrides it.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadAgreement, SamverkanError, type Agreement, type AgreementFileText } from '@samverkan/core';

/** The repository's `agreements/jamtland-2026/` folder (works from src/ and dist/). */
export const defaultAgreementDir = fileURLToPath(new URL('../../../../agreements/jamtland-2026/', import.meta.url));

function listYaml(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...listYaml(full));
    else if (name.endsWith('.yaml') || name.endsWith('.yml')) out.push(full);
  }
  return out.sort();
}

/** Read every YAML file of an agreement folder as `{ path, text }` with `/`-separated relative paths. */
export function readAgreementFiles(dir: string = process.env['SAMVERKAN_AGREEMENT_DIR'] ?? defaultAgreementDir): AgreementFileText[] {
  let files: string[];
  try {
    files = listYaml(dir);
  } catch {
    throw new SamverkanError('SAMV_ERR_FILE_NOT_FOUND', `Avtalsmappen ${dir} kunde inte läsas.`, { file: dir });
  }
  return files.map((f) => ({ path: relative(dir, f).split(sep).join('/'), text: readFileSync(f, 'utf8') }));
}

const cache = new Map<string, Agreement>();

/** Load (once per folder) and validate the agreement. */
export function readAgreement(dir: string = process.env['SAMVERKAN_AGREEMENT_DIR'] ?? defaultAgreementDir): Agreement {
  const hit = cache.get(dir);
  if (hit) return hit;
  const a = loadAgreement(readAgreementFiles(dir));
  cache.set(dir, a);
  return a;
}
