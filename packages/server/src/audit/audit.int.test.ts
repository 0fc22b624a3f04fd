/**
 * The audit trail on both databases: appended in the change's transaction, keyed hash chain, and
 * `verifyAudit` names the first row that was edited, deleted or replaced (the tampering cases of
 * decision 0100 are in audit-tampering.int.test.ts).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { databaseTargets, type TestDatabase } from '../testing/databases.testkit.js';
import { openStore, type Store } from '../store/db.js';
import { appendAudit } from './append-audit.js';
import { auditHash, auditMac } from './audit-hash.js';
import { verifyAudit } from './verify-audit.js';

for (const target of databaseTargets) {
  describe.skipIf(!target.available)(`${target.name}: audit trail`, () => {
    let db: TestDatabase;
    let store: Store;

    beforeAll(async () => {
      db = await target.create();
      store = openStore(db.options);
      await store.migrate();
    });
    afterAll(async () => {
      await store.close();
      await db.drop();
    });
    beforeEach(async () => {
      await store.db.deleteFrom('audit_log').execute();
      for (let i = 1; i <= 5; i++) {
        await store.transaction((trx) =>
          appendAudit(trx, {
            actor: 'user:test',
            action: 'update',
            entity: 'index_values',
            entityId: `VPI:${String(2020 + i)}`,
            before: { percent: String(i) },
            after: { percent: String(i + 1), password: 'hemligt' },
          }),
        );
      }
    });

    it('chains rows 1..n and verifies an intact trail', async () => {
      const rows = await store.db.selectFrom('audit_log').selectAll().orderBy('seq').execute();
      expect(rows.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5]);
      for (let i = 1; i < rows.length; i++) expect(rows[i]?.prev_hash).toBe(rows[i - 1]?.hash);
      expect(await verifyAudit(store.db)).toMatchObject({ ok: true, rows: 5, lastSeq: 5, lastHash: rows[4]?.hash });
    });

    it('never stores secrets in before/after', async () => {
      const row = await store.db.selectFrom('audit_log').select('after_json').where('seq', '=', 1).executeTakeFirstOrThrow();
      expect(row.after_json).not.toContain('hemligt');
      expect(JSON.parse(row.after_json ?? '{}')).toEqual({ password: '[dolt]', percent: '2' });
    });

    it('rolls the audit row back with a failed change', async () => {
      await expect(
        store.transaction(async (trx) => {
          await appendAudit(trx, { actor: 'user:test', action: 'create', entity: 'x', entityId: '1', before: null, after: {} });
          throw new Error('the change failed');
        }),
      ).rejects.toThrow('the change failed');
      expect((await verifyAudit(store.db)).rows).toBe(5);
    });

    it('names a row whose after-JSON was edited with a raw UPDATE', async () => {
      await store.db.updateTable('audit_log').set({ after_json: '{"percent":"99"}' }).where('seq', '=', 3).execute();
      const v = await verifyAudit(store.db);
      expect(v).toMatchObject({ ok: false, seq: 3, problem: 'edited' });
      if (!v.ok) expect(v.message).toContain('rad 3');
    });

    it('names a deleted middle row', async () => {
      await store.db.deleteFrom('audit_log').where('seq', '=', 2).execute();
      const v = await verifyAudit(store.db);
      expect(v).toMatchObject({ ok: false, seq: 2, problem: 'missing' });
      if (!v.ok) expect(v.message).toContain('rad 2 saknas');
    });

    it('names a row that was edited with a hash recomputed without the key', async () => {
      const row = await store.db.selectFrom('audit_log').selectAll().where('seq', '=', 2).executeTakeFirstOrThrow();
      const forged = { ...row, actor: 'user:someone-else' };
      await store.db
        .updateTable('audit_log')
        .set({ actor: forged.actor, hash: auditHash(forged) })
        .where('seq', '=', 2)
        .execute();
      // Plain SHA-256 no longer verifies: the row itself is named, not only the broken link after it.
      expect(await verifyAudit(store.db)).toMatchObject({ ok: false, seq: 2, problem: 'forged' });
    });

    it('names the row after one replaced by a correctly keyed row from elsewhere', async () => {
      const row = await store.db.selectFrom('audit_log').selectAll().where('seq', '=', 4).executeTakeFirstOrThrow();
      const key = store.audit?.key;
      if (key === undefined) throw new Error('no key');
      const moved = { ...row, prev_hash: 'f'.repeat(64) };
      await store.db
        .updateTable('audit_log')
        .set({ prev_hash: moved.prev_hash, hash: auditMac(key, moved) })
        .where('seq', '=', 4)
        .execute();
      expect(await verifyAudit(store.db)).toMatchObject({ ok: false, seq: 4, problem: 'relinked' });
    });

    it('detects two rows swapped (sequence numbers are inside the hash)', async () => {
      const a = await store.db.selectFrom('audit_log').selectAll().where('seq', '=', 4).executeTakeFirstOrThrow();
      const b = await store.db.selectFrom('audit_log').selectAll().where('seq', '=', 5).executeTakeFirstOrThrow();
      await store.transaction(async (trx) => {
        await trx.deleteFrom('audit_log').where('seq', 'in', [4, 5]).execute();
        await trx
          .insertInto('audit_log')
          .values([
            { ...b, seq: 4 },
            { ...a, seq: 5 },
          ])
          .execute();
      });
      expect(await verifyAudit(store.db)).toMatchObject({ ok: false, seq: 4, problem: 'edited' });
    });

    it('keeps the chain linear when changes run concurrently', async () => {
      await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          store.transaction((trx) =>
            appendAudit(trx, { actor: 'user:test', action: 'create', entity: 'c', entityId: String(i), before: null, after: { i } }),
          ),
        ),
      );
      expect(await verifyAudit(store.db)).toMatchObject({ ok: true, rows: 13 });
    });
  });
}
