/**
 * For CLI commands that work on the database: the configured store (DATABASE_URL or the SQLite
 * file), migrated and with the agreement's municipalities loaded. The caller closes it.
 */
import { readAgreement } from '../agreement/read-agreement-dir.js';
import { describeDatabase, loadConfig } from '../config.js';
import { prepareStore, type PreparedStore } from '../store/prepare-store.js';
import { readAuditSettings } from '../audit/audit-key.js';
import type { Agreement } from '@samverkan/core';
import { cliIo } from './cli-io.js';

/** The prepared store plus what it was prepared from. */
export interface ConfiguredStore extends PreparedStore {
  readonly agreement: Agreement;
  readonly description: string;
}

/** Open the configured database (migrating it), optionally loading demo data into an empty one. */
export async function openConfiguredStore(seedDemo = false): Promise<ConfiguredStore> {
  const config = loadConfig(cliIo().env);
  const agreement = readAgreement();
  const audit = readAuditSettings(cliIo().env, config.varDir, config);
  const prepared = await prepareStore({ databaseUrl: config.databaseUrl, sqliteFile: config.sqliteFile, audit }, agreement, seedDemo);
  return { ...prepared, agreement, description: describeDatabase(config) };
}

/** The CLI's actor name in the audit trail: `cli:<operating-system user>`. */
export function cliActor(): string {
  return `cli:${cliIo().env['USER'] ?? cliIo().env['USERNAME'] ?? 'okänd'}`;
}
