/**
 * Provenance and safeguards over HTTP, on SQLite and PostgreSQL: a basis computed from the demo
 * data's example index values says so in its JSON, cannot be approved without a confirmation
 * naming every such value (the confirmation lands in the audit), a basis on published outcomes
 * approves without one; a credited basis cannot be marked sent; views name people by display name.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseTargets } from '../testing/databases.testkit.js';
import { login, startTestServer, type Client, type TestServer } from '../testing/test-server.testkit.js';
import { csvText, encode, uploadFile } from '../imports/upload.testkit.js';

interface Warning {
  id: string;
  kind: string;
  series?: string;
  year?: number;
  text: string;
}
interface Basis {
  id: string;
  status: string;
  seller: { id: string };
  buyer: { id: string };
  approvedBy: string | null;
  approvedByName?: string | null;
  provenance?: { final: boolean; warnings: Warning[] };
  trace?: { indexValues: { series: string; year: number; percent: string; kind?: string; example?: boolean }[] };
}
interface ErrorBody {
  error: { code: string; message: string; location: { field?: string; value?: unknown }; details: Warning[] };
}

const dagtidCsv = (month: string): string =>
  csvText([
    ['datum', 'starttid', 'utförare', 'beställare', 'insatstid', 'administration', 'återrapportering', 'restid', 'referens'],
    [`${month}-06`, '09:00', '2380', 'region', 61, 0, 0, 0, 'P-1'],
  ]);

for (const target of databaseTargets) {
  describe.skipIf(!target.available)(`${target.name}: provenance of invoice bases and the approval confirmation`, () => {
    let t: TestServer;
    let region: Client;
    let ostersund: Client;
    let admin: Client;
    let provisional: Basis;

    const basis = async (c: Client, id: string): Promise<Basis> =>
      ((await c.request('GET', `/api/v1/invoice-bases/${id}`)).body as { invoiceBasis: Basis }).invoiceBasis;
    const runBases = async (c: Client, flow: string, period: string): Promise<Basis[]> => {
      const res = await c.request('POST', '/api/v1/billing-runs', { flow, period });
      expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
      return (res.body as { invoiceBases: Basis[] }).invoiceBases;
    };

    beforeAll(async () => {
      t = await startTestServer(target);
      [region, ostersund, admin] = await Promise.all([
        login(t.url, 'ekonom.region'),
        login(t.url, 'ekonom.ostersund'),
        login(t.url, 'admin'),
      ]);
      const bases = await runBases(region, 'dagtid', '2026-01');
      const mine = bases.find((b) => b.seller.id === '2380' && b.buyer.id === 'region');
      if (!mine) throw new Error('demo run 2026-01 gave no Östersund → region basis');
      provisional = await basis(ostersund, mine.id);
    }, 60_000);
    afterAll(async () => {
      await t.stop();
    });

    it('a basis on the demo data’s example index values says so in its JSON, naming series and year', () => {
      const used = provisional.trace?.indexValues ?? [];
      expect(used.length).toBeGreaterThan(0);
      expect(used.every((u) => u.example === true)).toBe(true);
      expect(provisional.provenance?.final).toBe(false);
      const warnings = provisional.provenance?.warnings ?? [];
      for (const u of used) {
        expect(warnings).toContainEqual(
          expect.objectContaining({
            id: `example-index:${u.series}:${String(u.year)}`,
            kind: 'example-index',
            series: u.series,
            year: u.year,
            text: expect.stringMatching(new RegExp(`^${u.series} ${String(u.year)} .*exempelvärde`)) as unknown,
          }),
        );
        if (u.kind === 'forecast') expect(warnings.map((w) => w.id)).toContain(`forecast-index:${u.series}:${String(u.year)}`);
      }
    });

    it('approving it without the confirmation, or with one that leaves a value out, is refused with a Swedish message listing the values', async () => {
      const ids = (provisional.provenance?.warnings ?? []).map((w) => w.id);
      const bare = await ostersund.request('POST', `/api/v1/invoice-bases/${provisional.id}/approve`);
      expect(bare.status).toBe(409);
      const e = (bare.body as ErrorBody).error;
      expect(e.code).toBe('SAMV_ERR_CONFIRMATION_REQUIRED');
      expect(e.location).toEqual({ field: 'confirmProvisional', value: ids });
      expect(e.details.map((w) => w.id)).toEqual(ids);
      for (const w of provisional.provenance?.warnings ?? []) expect(e.message).toContain(w.text);
      expect(e.message).toMatch(/^Fakturaunderlaget bygger på värden som inte är slutliga: /);

      const partial = await ostersund.request('POST', `/api/v1/invoice-bases/${provisional.id}/approve`, {
        confirmProvisional: ids.slice(1),
      });
      expect(partial.status).toBe(409);
      expect((partial.body as ErrorBody).error.location.value).toEqual(ids.slice(0, 1));

      const wrong = await ostersund.request('POST', `/api/v1/invoice-bases/${provisional.id}/approve`, {
        confirmProvisional: [...ids, 'example-index:VPI:1999'],
      });
      expect(wrong.status).toBe(400);
      expect((wrong.body as ErrorBody).error.message).toContain('example-index:VPI:1999 är inga varningar');
      const unknownKey = await ostersund.request('POST', `/api/v1/invoice-bases/${provisional.id}/approve`, { confirm: true });
      expect(unknownKey.status).toBe(400);
      expect((await basis(ostersund, provisional.id)).status).toBe('draft');
    });

    it('with every value named it is approved, the approver is shown by name, and the audit records what was confirmed', async () => {
      const ids = (provisional.provenance?.warnings ?? []).map((w) => w.id);
      const res = await ostersund.request('POST', `/api/v1/invoice-bases/${provisional.id}/approve`, { confirmProvisional: ids });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect((res.body as { invoiceBasis: Basis }).invoiceBasis).toMatchObject({
        status: 'approved',
        approvedBy: 'user:ekonom.ostersund',
        approvedByName: 'Demo Kommunekonom Östersund',
      });
      const after = await basis(region, provisional.id);
      expect(after).toMatchObject({ approvedBy: 'user:ekonom.ostersund', approvedByName: 'Demo Kommunekonom Östersund' });
      // The provenance stays with the basis after approval (the page and exports keep saying so).
      expect(after.provenance?.warnings.map((w) => w.id)).toEqual(ids);
      const audit = (await admin.request('GET', `/api/v1/audit?entity=invoice_bases&entityId=${provisional.id}`)).body as {
        entries: { action: string; actor: string; actorName?: string; after: { confirmedProvisional?: Warning[] } }[];
      };
      const approve = audit.entries.find((a) => a.action === 'approve');
      expect(approve?.after.confirmedProvisional?.map((w) => w.id)).toEqual(ids);
      expect(approve?.actor).toBe('user:ekonom.ostersund');
      const listed = (await region.request('GET', '/api/v1/invoice-bases?flow=dagtid&period=2026-01')).body as { invoiceBases: Basis[] };
      expect(listed.invoiceBases.find((b) => b.id === provisional.id)?.approvedByName).toBe('Demo Kommunekonom Östersund');
    });

    it('a basis on published outcomes is final and approves without a confirmation', async () => {
      // Replace every value the demo basis used with a published outcome (a new version each).
      for (const u of provisional.trace?.indexValues ?? []) {
        const res = await admin.request('POST', '/api/v1/index-values', {
          series: u.series,
          year: u.year,
          percent: u.percent.replace('.', ','),
          kind: 'outcome',
          source: 'SKR cirkulär (test)',
        });
        expect(res.status, JSON.stringify(res.body)).toBe(201);
      }
      expect((await uploadFile(t.url, ostersund, 'daytime-assignments', encode(dagtidCsv('2026-05'), 'utf-8'), 'maj.csv')).status).toBe(
        201,
      );
      const [fresh] = await runBases(ostersund, 'dagtid', '2026-05');
      if (!fresh) throw new Error('no basis for 2026-05');
      const detail = await basis(ostersund, fresh.id);
      expect(detail.provenance).toEqual({ final: true, warnings: [] });
      // Confirming values a final basis does not have is refused rather than ignored.
      const stale = await ostersund.request('POST', `/api/v1/invoice-bases/${fresh.id}/approve`, {
        confirmProvisional: ['example-index:VPI:2026'],
      });
      expect(stale.status).toBe(400);
      expect((stale.body as ErrorBody).error.message).toContain('det bygger bara på slutliga värden');
      const res = await ostersund.request('POST', `/api/v1/invoice-bases/${fresh.id}/approve`);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect((await basis(ostersund, fresh.id)).status).toBe('approved');
    });

    it('a credited basis cannot be marked sent through the API', async () => {
      const res = await ostersund.request('POST', `/api/v1/invoice-bases/${provisional.id}/credit`, {
        reason: 'Indexvärdena var exempel; SKR:s utfall har publicerats.',
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect((res.body as { credited: Basis }).credited).toMatchObject({
        status: 'credited',
        approvedByName: 'Demo Kommunekonom Östersund',
      });
      const send = await ostersund.request('POST', `/api/v1/invoice-bases/${provisional.id}/send`);
      expect(send.status).toBe(409);
      expect((send.body as ErrorBody).error.code).toBe('SAMV_ERR_CONFLICT');
      expect((send.body as ErrorBody).error.message).toMatch(/krediterat/i);
      expect((await basis(ostersund, provisional.id)).status).not.toBe('sent');
    });
  });
}
