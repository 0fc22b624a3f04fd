/**
 * The sealed digests cover the columns added since 0008 and the party register (decision 0170),
 * on SQLite and PostgreSQL: a party version's bankgiro, a user's must_change_password and a
 * basis's credit reason changed with SQL are named; a seal made over the 0008 column list (an
 * older database) still verifies and still names a change of a column it covers.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseTargets } from '../testing/databases.testkit.js';
import { login, startTestServer, type TestServer } from '../testing/test-server.testkit.js';
import { flag, toFlag } from '../store/flag.js';
import { appendChainRow } from './append-audit.js';
import { DIGEST_V2, legacyDigestsOf } from './object-digests.js';
import { verifyAudit } from './verify-audit.js';

/** Run `fn` with `table`'s triggers out of the way (PostgreSQL: disabled; SQLite: dropped and made again). */
async function withoutTriggers(t: TestServer, table: string, fn: () => Promise<unknown>): Promise<void> {
  if (t.store.kind === 'postgres') {
    await sql`alter table ${sql.table(table)} disable trigger user`.execute(t.store.db);
    try {
      await fn();
    } finally {
      await sql`alter table ${sql.table(table)} enable trigger user`.execute(t.store.db);
    }
    return;
  }
  const triggers = (
    await sql<{ name: string; sql: string }>`select name, sql from sqlite_master where type = 'trigger' and tbl_name = ${table}`.execute(
      t.store.db,
    )
  ).rows;
  for (const tr of triggers) await sql`drop trigger ${sql.id(tr.name)}`.execute(t.store.db);
  try {
    await fn();
  } finally {
    for (const tr of triggers) await sql.raw(tr.sql).execute(t.store.db);
  }
}

for (const target of databaseTargets) {
  describe.skipIf(!target.available)(`${target.name}: sealed columns since 0009 and the party register`, () => {
    let t: TestServer;

    beforeAll(async () => {
      t = await startTestServer(target);
      const admin = await login(t.url, 'admin');
      expect((await admin.request('POST', '/api/v1/billing-runs', { flow: 'synhorsel', period: '2026-01' })).status).toBe(201);
    }, 60_000);
    afterAll(async () => {
      await t.stop();
    });

    it('seals every party version of the demo register, with the tagged digests', async () => {
      const v = await verifyAudit(t.store.db);
      expect(v).toMatchObject({ ok: true });
      const parties = await t.store.db.selectFrom('parties').select('id').execute();
      if (v.ok) expect(v.objects.parties).toBe(parties.length);
      expect(parties.length).toBeGreaterThan(0);
      const last = await t.store.db
        .selectFrom('audit_log')
        .select('state_json')
        .where('entity', '=', 'parties')
        .orderBy('seq', 'desc')
        .limit(1)
        .executeTakeFirstOrThrow();
      expect(
        Object.values((JSON.parse(last.state_json ?? '{}') as { parties: Record<string, string> }).parties)[0]?.startsWith(DIGEST_V2),
      ).toBe(true);
    });

    it('names a party version whose bankgiro was changed with SQL', async () => {
      const p = await t.store.db
        .selectFrom('parties')
        .select(['id', 'payment_account'])
        .where('payment_account', 'is not', null)
        .orderBy('id')
        .limit(1)
        .executeTakeFirstOrThrow();
      await t.store.db.updateTable('parties').set({ payment_account: '9999-9999' }).where('id', '=', p.id).execute();
      try {
        const v = await verifyAudit(t.store.db);
        expect(v).toMatchObject({ ok: false, problem: 'changed-outside', entity: 'parties', entityId: p.id });
        if (!v.ok) expect(v.message).toContain(`partsregistrets version ${p.id} har ändrats utanför tjänsten`);
      } finally {
        await t.store.db.updateTable('parties').set({ payment_account: p.payment_account }).where('id', '=', p.id).execute();
      }
      expect(await verifyAudit(t.store.db)).toMatchObject({ ok: true });
    });

    it('names a user whose must_change_password and a basis whose credit reason were changed with SQL', async () => {
      const u = await t.store.db
        .selectFrom('users')
        .select(['id', 'must_change_password'])
        .orderBy('id')
        .limit(1)
        .executeTakeFirstOrThrow();
      await t.store.db
        .updateTable('users')
        .set({ must_change_password: toFlag(!flag(u.must_change_password)) })
        .where('id', '=', u.id)
        .execute();
      try {
        expect(await verifyAudit(t.store.db)).toMatchObject({ ok: false, problem: 'changed-outside', entity: 'users', entityId: u.id });
      } finally {
        await t.store.db
          .updateTable('users')
          .set({ must_change_password: toFlag(flag(u.must_change_password)) })
          .where('id', '=', u.id)
          .execute();
      }
      // The lock triggers refuse this; someone with database access can drop them first.
      const b = await t.store.db
        .selectFrom('invoice_bases')
        .select(['id', 'credit_reason'])
        .where('status', '=', 'draft')
        .orderBy('id')
        .limit(1)
        .executeTakeFirstOrThrow();
      await withoutTriggers(t, 'invoice_bases', () =>
        t.store.db.updateTable('invoice_bases').set({ credit_reason: 'Ändrad i databasen' }).where('id', '=', b.id).execute(),
      );
      try {
        expect(await verifyAudit(t.store.db)).toMatchObject({
          ok: false,
          problem: 'changed-outside',
          entity: 'invoice_bases',
          entityId: b.id,
        });
      } finally {
        await withoutTriggers(t, 'invoice_bases', () =>
          t.store.db.updateTable('invoice_bases').set({ credit_reason: b.credit_reason }).where('id', '=', b.id).execute(),
        );
      }
      expect(await verifyAudit(t.store.db)).toMatchObject({ ok: true });
    });

    it('verifies a seal made over the 0008 column list, and names a change of a column it covers', async () => {
      const u = await t.store.db
        .selectFrom('users')
        .select(['id', 'display_name'])
        .orderBy('id', 'desc')
        .limit(1)
        .executeTakeFirstOrThrow();
      await t.store.transaction(async (trx) => {
        const legacy = await legacyDigestsOf(trx, 'users', [u.id]);
        expect(legacy[u.id]?.startsWith(DIGEST_V2)).toBe(false);
        await appendChainRow(
          trx,
          { actor: 'system', action: 'test-legacy-seal', entity: 'users', entityId: u.id, before: null, after: null },
          { users: legacy },
        );
      });
      expect(await verifyAudit(t.store.db)).toMatchObject({ ok: true });
      await t.store.db.updateTable('users').set({ display_name: 'Ändrad i databasen' }).where('id', '=', u.id).execute();
      try {
        expect(await verifyAudit(t.store.db)).toMatchObject({ ok: false, problem: 'changed-outside', entity: 'users', entityId: u.id });
      } finally {
        await t.store.db.updateTable('users').set({ display_name: u.display_name }).where('id', '=', u.id).execute();
      }
      expect(await verifyAudit(t.store.db)).toMatchObject({ ok: true });
    });
  });
}
