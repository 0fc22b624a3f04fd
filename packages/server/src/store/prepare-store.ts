/**
 * Bring a database to a usable state: open it, run the migrations, load the agreement's
 * municipalities and, when asked and the database has no users yet, the demo data set. Used by
 * `samverkan start`, `samverkan db init` and `startServer`.
 */
import type { Agreement } from '@samverkan/core';
import { openStore, type Store, type StoreOptions } from './db.js';
import { seedMunicipalities } from './seed-municipalities.js';
import { seedDemoData, type DemoSeedResult } from './demo-data.js';
import { sweepDeadStagings } from '../imports/import-staging.js';
import { introduceAuditKey } from '../audit/introduce-key.js';

/** What `prepareStore` did. */
export interface PreparedStore {
  readonly store: Store;
  readonly migrations: readonly string[];
  /** Set when the demo data set was loaded now. */
  readonly demo: DemoSeedResult | undefined;
  /** True when the database holds demo users (loaded now or earlier). */
  readonly hasDemoUsers: boolean;
}

/** Open, migrate and seed. The caller closes `store`. */
export async function prepareStore(options: StoreOptions, agreement: Agreement, seedDemo: boolean): Promise<PreparedStore> {
  const store = openStore(options);
  try {
    const migrations = await store.migrate();
    // Rows of an import whose process was killed while staging them (decision 0131).
    await sweepDeadStagings(store);
    await seedMunicipalities(store, agreement);
    // Before anything new is audited: a chain written before the key is brought under it.
    await introduceAuditKey(store);
    const users = await store.db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const demo = seedDemo && users.n === 0 ? await seedDemoData(store, agreement) : undefined;
    const demoUsers = await store.db.selectFrom('users').select('id').where('demo', '=', 1).limit(1).execute();
    return { store, migrations, demo, hasDemoUsers: demoUsers.length > 0 };
  } catch (e) {
    await store.close();
    throw e;
  }
}
