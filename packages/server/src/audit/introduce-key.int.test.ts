/**
 * A chain written before the audit key existed (plain SHA-256, no sealed state) is brought under
 * the key at the next start (decision 0100): it still verifies, the old rows cannot be rewritten
 * afterwards, and the objects that existed then are sealed as they were. On both databases.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseTargets, type TestDatabase } from '../testing/databases.testkit.js';
import { openStore, type Store } from '../store/db.js';
import { createUser } from '../auth/users.js';
import { auditHash, GENESIS_HASH } from './audit-hash.js';
import { auditKeyFrom } from './audit-key.js';
import { introduceAuditKey } from './introduce-key.js';
import { verifyAudit } from './verify-audit.js';

for (const target of databaseTargets) {
  describe.skipIf(!target.available)(`${target.name}: a chain from before the key`, () => {
    let db: TestDatabase;
    let dir: string;
    let store: Store;
    const legacyUser = randomUUID();

    beforeAll(async () => {
      db = await target.create();
      dir = mkdtempSync(join(tmpdir(), 'samverkan-legacy-'));
      store = openStore({
        ...db.options,
        audit: { key: auditKeyFrom('the-key-introduced-after-the-fact-0000', 'test'), checkpointFile: join(dir, 'cp.jsonl') },
      });
      await store.migrate();
      // What a database written before migration 0008 holds: a user and four plain SHA-256 rows.
      await store.db
        .insertInto('users')
        .values({
          id: legacyUser,
          username: 'gammal',
          display_name: 'Gammal',
          role: 'viewer',
          municipality_code: null,
          password_hash: null,
          email: null,
          active: 1,
          demo: 0,
          created_at: '2025-01-01T00:00:00.000Z',
        })
        .execute();
      let prev = GENESIS_HASH;
      for (let seq = 1; seq <= 4; seq++) {
        const row = {
          seq,
          at: `2025-01-0${String(seq)}T00:00:00.000Z`,
          actor: 'user:admin',
          action: 'create',
          entity: 'index_values',
          entity_id: `VPI:${String(2020 + seq)}`,
          before_json: null,
          after_json: `{"percent":"${String(seq)}"}`,
          prev_hash: prev,
        };
        const hash = auditHash(row);
        await store.db
          .insertInto('audit_log')
          .values({ ...row, hash, state_json: null })
          .execute();
        prev = hash;
      }
    });
    afterAll(async () => {
      await store.close();
      await db.drop();
      rmSync(dir, { recursive: true, force: true });
    });

    it('introduces the key once, seals the existing objects and writes a legacy checkpoint', async () => {
      expect(await introduceAuditKey(store)).toEqual({ introduced: true, legacyRows: 4 });
      expect(await introduceAuditKey(store)).toEqual({ introduced: false, reason: 'keyed' });
      const intro = await store.db.selectFrom('audit_log').selectAll().where('seq', '=', 5).executeTakeFirstOrThrow();
      expect(intro).toMatchObject({ action: 'introduce-audit-key', entity: 'audit_log', entity_id: '4' });
      expect(JSON.parse(intro.state_json ?? '{}')).toMatchObject({
        users: { [legacyUser]: expect.stringMatching(/^v2:[0-9a-f]{64}$/) as unknown },
      });
      const kinds = readFileSync(join(dir, 'cp.jsonl'), 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { kind: string; seq: number });
      expect(kinds).toContainEqual(expect.objectContaining({ kind: 'legacy', seq: 4 }));
      await createUser(store, { username: 'ny', role: 'viewer' }, 'user:admin');
      expect(await verifyAudit(store.db)).toMatchObject({ ok: true, rows: 6, legacyRows: 4, objects: { users: 2 } });
    });

    it('still names an old row that is edited afterwards', async () => {
      const row = await store.db.selectFrom('audit_log').selectAll().where('seq', '=', 2).executeTakeFirstOrThrow();
      await store.db.updateTable('audit_log').set({ after_json: '{"percent":"99"}' }).where('seq', '=', 2).execute();
      expect(await verifyAudit(store.db)).toMatchObject({ ok: false, seq: 2, problem: 'edited' });
      await store.db.updateTable('audit_log').set({ after_json: row.after_json }).where('seq', '=', 2).execute();
    });

    it('detects old rows rewritten with recomputed plain hashes: the keyed row no longer links', async () => {
      const old = await store.db.selectFrom('audit_log').selectAll().where('seq', '<=', 4).orderBy('seq').execute();
      let prev = old[0]?.hash ?? GENESIS_HASH;
      for (const r of old.slice(1)) {
        const edited = { ...r, prev_hash: prev, actor: r.seq === 2 ? 'user:någon-annan' : r.actor };
        const hash = auditHash(edited);
        await store.db.updateTable('audit_log').set({ actor: edited.actor, prev_hash: prev, hash }).where('seq', '=', r.seq).execute();
        prev = hash;
      }
      // The legacy checkpoint outside the database names the last old row; the keyed row names itself.
      expect(await verifyAudit(store.db)).toMatchObject({ ok: false, seq: 4, problem: 'rewritten' });
      const noFile = openStore({ ...db.options, audit: { key: auditKeyFrom('the-key-introduced-after-the-fact-0000', 'test') } });
      try {
        const v = await verifyAudit(noFile.db);
        expect(v).toMatchObject({ ok: false, seq: 5, problem: 'relinked' });
        if (!v.ok) expect(v.message).toContain('raderna 1–4 har skrivits om');
      } finally {
        await noFile.close();
      }
      for (const r of old)
        await store.db
          .updateTable('audit_log')
          .set({ actor: r.actor, prev_hash: r.prev_hash, hash: r.hash })
          .where('seq', '=', r.seq)
          .execute();
      expect(await verifyAudit(store.db)).toMatchObject({ ok: true });
    });
  });
}
