/**
 * The agreement's shipped EXAMPLE allocation key (`examples/allocation-key.example.yaml`), used
 * when no key is given. Its values are invented; every result that uses it says so.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Agreement, AllocationKey } from '@samverkan/core';
import { defaultAgreementDir } from '../agreement/read-agreement-dir.js';
import { readAllocationKeyFile } from './allocation-key-yaml.js';

/** Path of the example key relative to the agreement folder, as shown in messages. */
export const EXAMPLE_KEY_FILE = 'examples/allocation-key.example.yaml';

/** Read and validate the shipped example key. */
export function readExampleAllocationKey(agreement: Agreement): AllocationKey {
  const dir = process.env['SAMVERKAN_AGREEMENT_DIR'] ?? defaultAgreementDir;
  return readAllocationKeyFile(readFileSync(join(dir, EXAMPLE_KEY_FILE)), EXAMPLE_KEY_FILE, agreement.municipalities);
}
