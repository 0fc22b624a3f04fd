/**
 * Months of daytime assignments (dagtid) written straight into `imports`/`import_rows` the way the
 * importer stores them (the import itself is the import suite's business), on a fresh SQLite file
 * or PostgreSQL schema with the demo data (index values), through the server's built modules.
 * Row ids are time-ordered (UUID v7) and given in the order of a hash of the natural key, as the
 * importer writes them (decisions 0176, 0211): one import's ids are one narrow, new range whose
 * order is unrelated to the file's line order. Random v4 ids here would spread a month's billing
 * keys over the whole index, which no real import does.
 */
import { createHash, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { readAgreement } from '@samverkan/server/dist/agreement/read-agreement-dir.js';
import { auditKeyFrom } from '@samverkan/server/dist/audit/audit-key.js';
import { prepareStore } from '@samverkan/server/dist/store/prepare-store.js';
import { sequentialUuid } from '@samverkan/server/dist/store/sequential-id.js';
import type { Store, StoreOptions } from '@samverkan/server/dist/store/db.js';
import type { Agreement } from '@samverkan/core';

const CODES = ['2326', '2305', '2361', '2309', '2303', '2313', '2321', '2380'] as const;
const noTravel = { administration: 0, reporting: 0, travel: 0, travelCombinable: false } as const;

/** A store to bill from. */
export interface BillingStore {
  readonly store: Store;
  readonly agreement: Agreement;
}

/** A migrated SQLite store in `dir` with the demo data. */
export async function openBillingStore(dir: string): Promise<BillingStore> {
  return openBillingStoreWith({ sqliteFile: join(dir, 'bench.sqlite'), audit: { key: auditKeyFrom('b'.repeat(64), 'bench') } });
}

/** A migrated store of `options` (SQLite or PostgreSQL) with the demo data. */
export async function openBillingStoreWith(options: StoreOptions): Promise<BillingStore> {
  const agreement = readAgreement();
  const { store } = await prepareStore(options, agreement, true);
  return { store, agreement };
}

/** Write `n` daytime assignments of `month` (YYYY-MM) as one import, lent both ways between the region and each municipality. */
export async function insertMonth(store: Store, month: string, n: number): Promise<void> {
  const importId = randomUUID();
  await store.transaction(async (trx) => {
    await trx
      .insertInto('imports')
      .values({
        id: importId,
        kind: 'daytime-assignments',
        filename: `dagtid-${month}.csv`,
        content_sha256: `bench:${importId}`,
        municipality_code: null,
        row_count: n,
        uploaded_by: 'bench',
        uploaded_at: new Date().toISOString(),
        demo: 0,
      })
      .execute();
    const rows = [];
    for (let i = 0; i < n; i++) {
      const date = `${month}-${String(1 + (i % 28)).padStart(2, '0')}`;
      const code = CODES[i % CODES.length] ?? '2380';
      const [lender, hirer] = i % 2 === 0 ? [code, 'region'] : ['region', code];
      const data = {
        date,
        start: '09:00',
        lender,
        hirer,
        minutes: { intervention: 30 + (i % 90), ...noTravel },
        storsjoglantan: false,
        registeredMunicipality: code,
      };
      const naturalKey = `${importId}:${String(i)}`;
      rows.push({
        order: createHash('sha256').update(naturalKey).digest('base64url'),
        row: {
          import_id: importId,
          line: i + 2,
          kind: 'daytime-assignments',
          period: month,
          seller_code: lender,
          buyer_code: hirer,
          municipality_code: code,
          amount_ore: null,
          data_json: JSON.stringify(data),
          natural_key: naturalKey,
          demo: 0 as const,
        },
      });
    }
    // The importer writes in natural-key order and gives each row its id as it is written.
    rows.sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : 0));
    for (let i = 0; i < rows.length; i += 500) {
      const chunk = rows.slice(i, i + 500).map(({ row }) => ({ id: sequentialUuid(), ...row }));
      await trx.insertInto('import_rows').values(chunk).execute();
    }
  });
}
