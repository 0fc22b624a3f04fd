/**
 * Keep the municipalities table equal to the agreement's list (codes are foreign keys for users
 * and imports). Upsert only: a municipality is never deleted while rows may refer to it.
 */
import type { Agreement } from '@samverkan/core';
import type { Store } from './db.js';

/** Insert or rename the agreement's municipalities. */
export async function seedMunicipalities(store: Store, agreement: Agreement): Promise<void> {
  await store.db.transaction().execute(async (trx) => {
    for (const m of agreement.municipalities) {
      await trx
        .insertInto('municipalities')
        .values({ code: m.code, name: m.name })
        .onConflict((oc) => oc.column('code').doUpdateSet({ name: m.name }))
        .execute();
    }
  });
}
