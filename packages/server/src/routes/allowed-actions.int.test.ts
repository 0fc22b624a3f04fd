/**
 * What each role may do, as the API tells the web app, on SQLite and PostgreSQL: an invoice basis
 * carries `allowedActions` and, for each action its state offers that the caller may not take,
 * the reason ("Bara säljaren kan godkänna"); a dispute carries `allowedActions` and, for a role
 * that only reads, `readOnlyReason`. The answer agrees with what the routes then do (403). The
 * demo disputes' opening events fall on the day they say they were opened and name the seed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseTargets } from '../testing/databases.testkit.js';
import { login, startTestServer, type Client, type TestServer } from '../testing/test-server.testkit.js';

interface Permissions {
  allowedActions: string[];
  deniedActions: { action: string; reason: string }[];
}
interface Basis extends Permissions {
  id: string;
  status: string;
  seller: { id: string };
  buyer: { id: string };
}
interface Dispute {
  id: string;
  openedOn: string;
  allowedActions: string[];
  readOnlyReason: string | null;
  history: { action: string; at: string; actor: string; actorName: string }[];
}

for (const target of databaseTargets) {
  describe.skipIf(!target.available)(`${target.name}: allowed actions`, () => {
    let t: TestServer;
    let region: Client;
    let ostersund: Client;
    let chef: Client;
    let admin: Client;
    let regionSells: Basis;
    beforeAll(async () => {
      t = await startTestServer(target);
      [region, ostersund, chef, admin] = await Promise.all([
        login(t.url, 'ekonom.region'),
        login(t.url, 'ekonom.ostersund'),
        login(t.url, 'chef'),
        login(t.url, 'admin'),
      ]);
      // MT's variable part: the region sells to each municipality.
      const run = await region.request('POST', '/api/v1/billing-runs', { flow: 'mt-variable', period: '2026-01' });
      expect([200, 201]).toContain(run.status);
      const found = (run.body as { invoiceBases: Basis[] }).invoiceBases.find((b) => b.buyer.id === '2380' && b.status === 'draft');
      if (!found) throw new Error('no draft MT basis sold to Östersund');
      regionSells = found;
    }, 60_000);
    afterAll(async () => {
      await t.stop();
    });

    const basis = async (c: Client, id: string): Promise<Basis> =>
      ((await c.request('GET', `/api/v1/invoice-bases/${id}`)).body as { invoiceBasis: Basis }).invoiceBasis;

    it("the seller's economist may edit and approve a draft", async () => {
      const b = await basis(region, regionSells.id);
      expect(b.allowedActions).toEqual(['edit', 'approve']);
      expect(b.deniedActions).toEqual([]);
    });

    it('the buyer sees the approval refused with the reason, and the route agrees (403)', async () => {
      const b = await basis(ostersund, regionSells.id);
      expect(b.allowedActions).toEqual([]);
      expect(b.deniedActions.map((d) => d.action)).toEqual(['edit', 'approve']);
      const approve = b.deniedActions.find((d) => d.action === 'approve');
      expect(approve?.reason).toBe(
        'Bara säljaren kan godkänna: säljare är Region Jämtland Härjedalen, och du är kommunekonom för Östersund. Säljarens ekonomer eller administratören gör det.',
      );
      expect((await ostersund.request('POST', `/api/v1/invoice-bases/${regionSells.id}/approve`, {})).status).toBe(403);
      // The list carries the same answer.
      const list = (await ostersund.request('GET', '/api/v1/invoice-bases?flow=mt-variable&period=2026-01')).body as {
        invoiceBases: Basis[];
      };
      expect(list.invoiceBases.find((x) => x.id === regionSells.id)?.deniedActions.map((d) => d.action)).toEqual(['edit', 'approve']);
    });

    it('the chef reads but may not decide, and is told why', async () => {
      const b = await basis(chef, regionSells.id);
      expect(b.allowedActions).toEqual([]);
      expect(b.deniedActions.find((d) => d.action === 'approve')?.reason).toBe(
        'Som chef/strateg kan du läsa fakturaunderlag men inte godkänna. Det gör säljarens ekonomer (Region Jämtland Härjedalen) eller administratören.',
      );
    });

    it('after approval the state offers sending and crediting, not approving again', async () => {
      const warnings = (await basis(region, regionSells.id)) as Basis & { provenance?: { warnings: { id: string }[] } };
      const approved = await region.request('POST', `/api/v1/invoice-bases/${regionSells.id}/approve`, {
        confirmProvisional: (warnings.provenance?.warnings ?? []).map((w) => w.id),
      });
      expect(approved.status, JSON.stringify(approved.body)).toBe(200);
      expect((approved.body as { invoiceBasis: Basis }).invoiceBasis.allowedActions).toEqual(['send', 'credit']);
      expect((await basis(ostersund, regionSells.id)).deniedActions.map((d) => d.action)).toEqual(['send', 'credit']);
    });

    it('disputes: the chef only reads and is told why; economists and the administrator act', async () => {
      const asChef = ((await chef.request('GET', '/api/v1/disputes')).body as { disputes: Dispute[] }).disputes;
      expect(asChef.length).toBeGreaterThan(0);
      for (const d of asChef) {
        expect(d.allowedActions).toEqual([]);
        expect(d.readOnlyReason).toBe(
          'Som chef/strateg kan du läsa tvister men inte ändra dem. Parternas ekonomer och administratören registrerar, eskalerar och avslutar tvister.',
        );
      }
      const id = asChef[0]?.id ?? '';
      expect((await chef.request('POST', `/api/v1/disputes/${id}/close`, {})).status).toBe(403);
      const asRegion = ((await region.request('GET', `/api/v1/disputes/${id}`)).body as { dispute: Dispute }).dispute;
      expect(asRegion.readOnlyReason).toBeNull();
      expect(asRegion.allowedActions).toEqual(['escalate', 'close', 'propose']);
      const asAdmin = ((await admin.request('GET', `/api/v1/disputes/${id}`)).body as { dispute: Dispute }).dispute;
      expect(asAdmin.allowedActions).toEqual(['escalate', 'close', 'decide']);
    });

    it('demo disputes: the opening event is dated the day the dispute was opened, by the demo seed', async () => {
      const list = ((await admin.request('GET', '/api/v1/disputes')).body as { disputes: Dispute[] }).disputes;
      const demo = list.filter((d) => ['2026-02-02', '2026-02-10'].includes(d.openedOn));
      expect(demo).toHaveLength(2);
      for (const d of demo) {
        const opened = d.history.find((e) => e.action === 'opened');
        expect(opened?.at.slice(0, 10)).toBe(d.openedOn);
        expect(opened?.actorName).toBe('systemet (demodata)');
      }
    });
  });
}
