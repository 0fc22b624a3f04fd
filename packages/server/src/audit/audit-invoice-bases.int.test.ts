/**
 * Invoice bases and their lines are sealed in the audit trail (decision 0100): after a real
 * billing run, a draft edit, an approval and a credit through the API the trail verifies, and
 * a basis or a line changed beside the service is named. On SQLite and PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseTargets } from '../testing/databases.testkit.js';
import { login, startTestServer, type Client, type TestServer } from '../testing/test-server.testkit.js';
import { approveConfirmed } from '../billing/approve.testkit.js';
import { verifyAudit } from './verify-audit.js';

type RunBasis = { id: string; seller: { id: string }; buyer: { id: string; unit?: string }; status: string };

for (const target of databaseTargets) {
  describe.skipIf(!target.available)(`${target.name}: invoice bases changed beside the service`, () => {
    let t: TestServer;
    let admin: Client;
    let draft: string;
    let credited: string;

    beforeAll(async () => {
      t = await startTestServer(target);
      admin = await login(t.url, 'admin');
      const run = await admin.request('POST', '/api/v1/billing-runs', { flow: 'synhorsel', period: '2026-01' });
      if (run.status !== 201 && run.status !== 200) throw new Error(`billing run: ${String(run.status)} ${JSON.stringify(run.body)}`);
      const bases = (run.body as { invoiceBases: RunBasis[] }).invoiceBases;
      const [first, second] = bases;
      if (first === undefined || second === undefined) throw new Error('the demo run made fewer than two bases');
      draft = first.id;
      credited = second.id;
      expect((await admin.request('PATCH', `/api/v1/invoice-bases/${draft}`, { buyerReference: 'Ref 17', note: 'Granskad' })).status).toBe(
        200,
      );
      expect((await approveConfirmed(admin, credited)).status).toBe(200);
      const credit = await admin.request('POST', `/api/v1/invoice-bases/${credited}/credit`, { reason: 'Fel antal timmar' });
      expect(credit.status).toBe(201);
    }, 60_000);
    afterAll(async () => {
      await t.stop();
    });

    it('verifies after a billing run, an edit, an approval and a credit through the API', async () => {
      const v = await verifyAudit(t.store.db);
      expect(v).toMatchObject({ ok: true });
      if (v.ok) expect(v.objects.invoice_bases).toBeGreaterThanOrEqual(4);
    });

    it('names a basis whose buyer reference was changed with SQL', async () => {
      await t.store.db.updateTable('invoice_bases').set({ buyer_reference: 'Annan' }).where('id', '=', draft).execute();
      try {
        const v = await verifyAudit(t.store.db);
        expect(v).toMatchObject({ ok: false, problem: 'changed-outside', entity: 'invoice_bases', entityId: draft });
        if (!v.ok) expect(v.message).toContain(`fakturaunderlaget ${draft} har ändrats utanför tjänsten`);
      } finally {
        await t.store.db.updateTable('invoice_bases').set({ buyer_reference: 'Ref 17' }).where('id', '=', draft).execute();
      }
      expect(await verifyAudit(t.store.db)).toMatchObject({ ok: true });
    });

    it('names the basis of a line whose amount was changed with SQL', async () => {
      const line = await t.store.db
        .selectFrom('invoice_lines')
        .selectAll()
        .where('invoice_basis_id', '=', draft)
        .orderBy('line_no')
        .limit(1)
        .executeTakeFirstOrThrow();
      await t.store.db
        .updateTable('invoice_lines')
        .set({ amount_ore: line.amount_ore + 100 })
        .where('id', '=', line.id)
        .execute();
      try {
        expect(await verifyAudit(t.store.db)).toMatchObject({
          ok: false,
          problem: 'changed-outside',
          entity: 'invoice_bases',
          entityId: draft,
        });
      } finally {
        await t.store.db.updateTable('invoice_lines').set({ amount_ore: line.amount_ore }).where('id', '=', line.id).execute();
      }
      expect(await verifyAudit(t.store.db)).toMatchObject({ ok: true });
    });
  });
}
