/**
 * Cost regulation after a dispute over HTTP on SQLite and PostgreSQL (ORD.tvist: "Eventuella
 * kostnadsregleringar görs i efterhand"): a decision with an amount names the paying party;
 * the billing flow `cost-regulation` of the decision month turns it into one line from the
 * payee to the payer citing the Tvist clause. A decision without an amount bills nothing, and a
 * missing or foreign payer is refused in Swedish naming the payer (`costRegulationPayer` in location.field). Decisions here are
 * recorded by the administrator from the forum's minutes (proposals and confirmations between the
 * parties: dispute-decisions.int.test.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseTargets } from '../testing/databases.testkit.js';
import { login, startTestServer, type Client, type TestServer } from '../testing/test-server.testkit.js';

interface Dispute {
  id: string;
  status: string;
  parties: string[];
  clause: string;
  decidedOn: string | null;
  costRegulationOre: number | null;
  costRegulationPayer: string | null;
  costRegulationPayee: string | null;
  currentStep: { index: number };
}
interface ErrorBody {
  error: { code: string; message: string; location: { field?: string } };
}
interface Basis {
  id: string;
  seller: { id: string };
  buyer: { id: string };
  totalOre: number;
  lines?: {
    amountOre: number;
    unitPriceOre: number;
    quantity: string | number;
    description: string;
    clause: string;
    reference: string | null;
  }[];
  trace?: { clauses: string[]; steps: { id: string; clauses?: string[] }[] };
}
interface Started {
  created: boolean;
  run: { flow: string; period: string; title: string };
  invoiceBases: Basis[];
}

async function openEscalated(c: Client, subject: string): Promise<Dispute> {
  const opened = await c.request('POST', '/api/v1/disputes', {
    document: 'ORD',
    level: 'organisation',
    subject,
    parties: ['region', '2380'],
  });
  expect(opened.status, JSON.stringify(opened.body)).toBe(201);
  const id = (opened.body as { dispute: Dispute }).dispute.id;
  const escalated = await c.request('POST', `/api/v1/disputes/${id}/escalate`, { note: 'Ej löst lokalt' });
  expect(escalated.status, JSON.stringify(escalated.body)).toBe(200);
  const d = (escalated.body as { dispute: Dispute }).dispute;
  expect(d.currentStep.index).toBe(1);
  return d;
}

for (const target of databaseTargets) {
  describe.skipIf(!target.available)(`${target.name}: cost regulation after a dispute`, () => {
    let t: TestServer;
    let economist: Client;
    let admin: Client;
    const decide = (id: string, body: Record<string, unknown>) =>
      admin.request('POST', `/api/v1/disputes/${id}/decide`, { forumMinutes: 'Lokal samverkansarena Östersund § 4', ...body });
    beforeAll(async () => {
      t = await startTestServer(target);
      economist = await login(t.url, 'ekonom.region');
      admin = await login(t.url, 'admin');
    });
    afterAll(async () => {
      await t.stop();
    });

    it('refuses a cost regulation without a payer, or with a payer who is no party, naming costRegulationPayer', async () => {
      const d = await openEscalated(economist, 'Betalare saknas');
      for (const body of [
        { outcome: 'Regionen betalar', costRegulationOre: 1000 },
        { outcome: 'Regionen betalar', costRegulationOre: 1000, costRegulationPayer: '2309' },
        { outcome: 'Regionen betalar', costRegulationOre: 1000, costRegulationPayer: 'region', costRegulationPayee: 'region' },
      ]) {
        const res = await decide(d.id, body);
        expect(res.status, JSON.stringify(res.body)).toBe(400);
        const err = (res.body as ErrorBody).error;
        const field = body.costRegulationPayee === undefined ? 'costRegulationPayer' : 'costRegulationPayee';
        expect(err.location.field).toBe(field);
        // The message names the field in Swedish; the API name stays in location.field (issue 12).
        expect(err.message).toContain(
          field === 'costRegulationPayer' ? 'Betalare av kostnadsregleringen' : 'Mottagare av kostnadsregleringen',
        );
        expect(err.message).not.toContain(field);
        expect(err.message).toMatch(/part/);
      }
      const payerWithoutAmount = await decide(d.id, { outcome: 'x', costRegulationPayer: 'region' });
      expect(payerWithoutAmount.status).toBe(400);
      expect((payerWithoutAmount.body as ErrorBody).error.location.field).toBe('costRegulationPayer');
      const zero = await decide(d.id, { outcome: 'x', costRegulationOre: 0, costRegulationPayer: 'region' });
      expect(zero.status).toBe(400);
      expect((zero.body as ErrorBody).error.location.field).toMatch(/costRegulationOre$/);
      // Nothing was decided by the refused requests.
      expect(((await economist.request('GET', `/api/v1/disputes/${d.id}`)).body as { dispute: Dispute }).dispute.status).toBe('open');
    });

    it('a dispute decided without a cost regulation gives no invoice line', async () => {
      const d = await openEscalated(economist, 'Avgörs utan kostnad');
      const decided = await decide(d.id, { outcome: 'Ingen kostnad regleras' });
      expect(decided.status, JSON.stringify(decided.body)).toBe(200);
      const after = (decided.body as { dispute: Dispute }).dispute;
      expect(after).toMatchObject({ status: 'decided', costRegulationOre: null, costRegulationPayer: null, costRegulationPayee: null });
      expect(after.decidedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      const run = await economist.request('POST', '/api/v1/billing-runs', {
        flow: 'cost-regulation',
        period: (after.decidedOn ?? '').slice(0, 7),
      });
      // Nothing to bill is 422 (billing ledger, decision 0060), still naming the period.
      expect(run.status, JSON.stringify(run.body)).toBe(422);
      expect((run.body as ErrorBody).error.location.field).toBe('period');
    });

    it('a decision of 12 345,67 kr paid by the region becomes one line 2380 → region citing ORD.tvist', async () => {
      const d = await openEscalated(economist, 'Kostnad för insats under utredning');
      const decided = await decide(d.id, {
        outcome: 'Regionen ersätter kommunen',
        costRegulationOre: 1234567,
        costRegulationPayer: 'region',
      });
      expect(decided.status, JSON.stringify(decided.body)).toBe(200);
      const after = (decided.body as { dispute: Dispute }).dispute;
      expect(after).toMatchObject({
        status: 'decided',
        costRegulationOre: 1234567,
        costRegulationPayer: 'region',
        costRegulationPayee: '2380',
        clause: 'ORD.tvist',
      });
      const audit = await t.store.db
        .selectFrom('audit_log')
        .selectAll()
        .where('entity', '=', 'disputes')
        .where('entity_id', '=', d.id)
        .where('action', '=', 'decide')
        .execute();
      expect(audit).toHaveLength(1);
      expect(audit[0]?.after_json).toContain('"costRegulationPayer":"region"');

      const month = (after.decidedOn ?? '').slice(0, 7);
      const res = await economist.request('POST', '/api/v1/billing-runs', { flow: 'cost-regulation', period: month });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      const started = res.body as Started;
      expect(started.run).toMatchObject({ flow: 'cost-regulation', period: month, title: 'Kostnadsreglering efter tvist' });
      expect(started.invoiceBases.map((b) => [b.seller.id, b.buyer.id, b.totalOre])).toEqual([['2380', 'region', 1234567]]);

      const detail = await economist.request('GET', `/api/v1/invoice-bases/${started.invoiceBases[0]?.id ?? ''}`);
      expect(detail.status).toBe(200);
      const basis = (detail.body as { invoiceBasis: Basis }).invoiceBasis;
      // Only the dispute with a cost regulation is billed (the earlier one in this month had none).
      expect(basis.lines).toHaveLength(1);
      const line = basis.lines?.[0];
      expect(line).toMatchObject({ amountOre: 1234567, unitPriceOre: 1234567, clause: 'ORD.tvist' });
      expect(Number(line?.quantity)).toBe(1);
      expect(line?.description).toContain('Kostnadsreglering efter tvist ORD');
      expect(line?.description).toContain('Kostnad för insats under utredning');
      expect(line?.description).toContain(d.id);
      expect(basis.trace?.clauses).toContain('ORD.tvist');
      expect(basis.trace?.steps.find((s) => s.clauses?.includes('ORD.tvist'))?.id).toMatch(/^tvist\[0\]:kostnadsreglering$/);
    });

    it('the flow is listed with its month period and a wrong period is refused naming period', async () => {
      const res = await economist.request('POST', '/api/v1/billing-runs', { flow: 'cost-regulation', period: '2026' });
      expect(res.status).toBe(400);
      expect((res.body as ErrorBody).error).toMatchObject({ location: { field: 'period' } });
      expect((res.body as ErrorBody).error.message).toContain('Kostnadsreglering efter tvist');
    });
  });
}
