/**
 * Sending follows the export's rule for the party register, on SQLite and PostgreSQL: a real
 * (non-demo) approved basis whose seller or buyer still carries the demo's EXEMPEL placeholders
 * is not marked sent — 409 with a Swedish message naming the party and the field, the basis left
 * approved — until both parties have real values; a demo basis sends with its placeholders.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ore, TraceBuilder, type Agreement } from '@samverkan/core';
import { databaseTargets } from '../testing/databases.testkit.js';
import { login, startTestServer, type Client, type TestServer } from '../testing/test-server.testkit.js';
import { readAgreement } from '../agreement/read-agreement-dir.js';
import { demoPartyInputs } from '../reference/demo-parties.js';
import { approveConfirmed } from './approve.testkit.js';
import { insertBasis, type NewBasis } from './basis-store.js';

interface ErrorBody {
  error: { code: string; message: string; location?: { field?: string } };
}

function realBasis(agreement: Agreement, period: string, demo: boolean): NewBasis {
  const steps = [{ id: 's', description: 'test', inputs: {}, result: ore(24680), unit: 'öre' }];
  return {
    runId: null,
    flow: 'dagtid',
    period,
    seller: { code: '2380', unit: null },
    buyer: { code: 'region', unit: null },
    totalOre: 24680,
    trace: new TraceBuilder(agreement).step(...steps).build(),
    inputs: null,
    creditOf: null,
    replacesId: null,
    demo,
    createdAt: '2026-01-01T00:00:00.000Z',
    lines: [
      {
        description: 'Uppdrag',
        quantity: '2',
        unit: 'started-hour',
        unitPriceOre: 12340,
        amountOre: 24680,
        baseQuantity: 1,
        category: 'uppdrag-dagtid',
        clause: null,
        date: null,
        reference: null,
        creditsLineId: null,
        steps,
        billingKey: `send-test:${period}`,
        recordId: null,
      },
    ],
  };
}

for (const target of databaseTargets) {
  describe.skipIf(!target.available)(`${target.name}: sending a real basis with placeholder parties`, () => {
    let t: TestServer;
    let admin: Client;
    const agreement = readAgreement();

    beforeAll(async () => {
      t = await startTestServer(target);
      admin = await login(t.url, 'admin');
    });
    afterAll(async () => {
      await t.stop();
    });

    const statusOf = async (id: string): Promise<string> =>
      ((await admin.request('GET', `/api/v1/invoice-bases/${id}`)).body as { invoiceBasis: { status: string } }).invoiceBasis.status;

    it('is refused naming the party and field, like export, until both parties carry real values', async () => {
      const id = await t.store.transaction((trx) => insertBasis(trx, realBasis(agreement, '2035-01', false)));
      const approved = await approveConfirmed(admin, id);
      expect(approved.status, JSON.stringify(approved.body)).toBe(200);

      const refused = await admin.request('POST', `/api/v1/invoice-bases/${id}/send`);
      expect(refused.status).toBe(409);
      const body = refused.body as ErrorBody;
      expect(body.error.code).toBe('SAMV_ERR_CONFLICT');
      expect(body.error.message).toMatch(
        /^Säljaren Östersunds kommun har fortfarande exempelvärden \(EXEMPEL\) i partsregistret: organisationsnummer.*innan underlaget exporteras eller skickas\.$/,
      );
      expect(body.error.location?.field).toBe('organisationsnummer');
      expect(await statusOf(id)).toBe('approved');
      // The export refuses with the same message.
      const exported = await admin.request('GET', `/api/v1/invoice-bases/${id}/export?format=peppol`);
      expect(exported.status).toBe(409);
      expect((exported.body as ErrorBody).error.message).toBe(body.error.message);

      // The seller's real values recorded: now the buyer is named.
      const inputs = demoPartyInputs(agreement);
      const seller = {
        ...inputs.find((p) => p.partyCode === '2380'),
        organisationNumber: '212000-2411',
        vatNumber: 'SE212000241101',
        address: { street: 'Rådhusgatan 44', postalCode: '831 82', city: 'Östersund' },
        payment: { kind: 'bankgiro', account: '5050-1055' },
        buyerReference: 'ÖSD-EKONOMI',
        validFrom: '2026-01-01',
      };
      expect((await admin.request('POST', '/api/v1/parties', seller)).status).toBe(201);
      const buyerRefused = await admin.request('POST', `/api/v1/invoice-bases/${id}/send`);
      expect(buyerRefused.status).toBe(409);
      expect((buyerRefused.body as ErrorBody).error.message).toMatch(
        /^Köparen Region Jämtland Härjedalen har fortfarande exempelvärden \(EXEMPEL\) i partsregistret: /,
      );
      expect(await statusOf(id)).toBe('approved');

      const buyer = {
        ...inputs.find((p) => p.partyCode === 'region' && p.unit === null),
        organisationNumber: '232100-0214',
        vatNumber: 'SE232100021401',
        address: { street: 'Box 654', postalCode: '831 27', city: 'Östersund' },
        payment: { kind: 'bankgiro', account: '5050-1055' },
        buyerReference: 'RJH-4711',
        validFrom: '2026-01-01',
      };
      expect((await admin.request('POST', '/api/v1/parties', buyer)).status).toBe(201);
      const sent = await admin.request('POST', `/api/v1/invoice-bases/${id}/send`);
      expect(sent.status, JSON.stringify(sent.body)).toBe(200);
      expect(await statusOf(id)).toBe('sent');
    });

    it('sends a demo basis whose parties carry placeholders', async () => {
      // Another municipality, still EXEMPEL: demo data is meant to be tried end to end.
      const id = await t.store.transaction((trx) =>
        insertBasis(trx, { ...realBasis(agreement, '2035-02', true), seller: { code: '2309', unit: null } }),
      );
      expect((await approveConfirmed(admin, id)).status).toBe(200);
      const sent = await admin.request('POST', `/api/v1/invoice-bases/${id}/send`);
      expect(sent.status, JSON.stringify(sent.body)).toBe(200);
      expect(await statusOf(id)).toBe('sent');
    });
  });
}
