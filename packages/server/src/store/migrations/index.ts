/**
 * Migrations in code (no folder scanning, so they work from src/ and dist/ alike). Add a
 * migration by adding a file `NNNN-name.ts` exporting `up`/`down` and one line below; never edit
 * a migration that has shipped.
 */
import type { Migration, MigrationProvider } from 'kysely';
import * as m0001 from './0001-initial.js';
import * as m0002 from './0002-imports-and-billing.js';
import * as m0003 from './0003-terminations.js';
import * as m0004 from './0004-dispute-cost-regulation.js';
import * as m0005 from './0005-dispute-decisions.js';
import * as m0006 from './0006-billing-ledger.js';
import * as m0007 from './0007-staged-imports-and-password-change.js';
import * as m0008 from './0008-audit-keyed-chain.js';
import * as m0009 from './0009-party-register-and-invoice-numbers.js';
import * as m0010 from './0010-compact-import-rows.js';
import * as m0011 from './0011-lean-import-row-indexes.js';

/** Every migration by name, in order. */
export const migrations: Readonly<Record<string, Migration>> = {
  '0001-initial': m0001,
  '0002-imports-and-billing': m0002,
  '0003-terminations': m0003,
  '0004-dispute-cost-regulation': m0004,
  '0005-dispute-decisions': m0005,
  '0006-billing-ledger': m0006,
  '0007-staged-imports-and-password-change': m0007,
  '0008-audit-keyed-chain': m0008,
  '0009-party-register-and-invoice-numbers': m0009,
  '0010-compact-import-rows': m0010,
  '0011-lean-import-row-indexes': m0011,
};

/** Kysely's provider over the list above. */
export const migrationProvider: MigrationProvider = {
  getMigrations: () => Promise.resolve({ ...migrations }),
};
