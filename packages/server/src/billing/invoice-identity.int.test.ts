/**
 * Invoice identity and the party register over HTTP and raw SQL, on SQLite and PostgreSQL: the
 * demo register with its EXEMPEL placeholders, validated new versions (audited), numbers from the
 * seller's series with issue and due dates, concurrent approvals that never share a number, a
 * credit note numbered when made and referring to its invoice, the lock trigger refusing any
 * change of the identity columns outside the approval, drafts and placeholder parties refused
 * for export, exports audited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { ore, todayInStockholm, TraceBuilder, type Agreement } from '@samverkan/core';
import { databaseTargets } from '../testing/databases.testkit.js';
import { login, startTestServer, type Client, type TestServer } from '../testing/test-server.testkit.js';
import { readAgreement } from '../agreement/read-agreement-dir.js';
import { approveConfirmed } from './approve.testkit.js';
import { insertBasis, type NewBasis } from './basis-store.js';
import { buildInvoiceDocument } from '../exports/export-document.js';
import { userOf } from './ledger.testkit.js';
import { demoPartyInputs } from '../reference/demo-parties.js';

interface Basis {
  id: string;
  status: string;
  seller: { id: string; unit?: string };
  buyer: { id: string; unit?: string };
  totalOre: number;
  invoiceNumber: string | null;
  issueDate: string | null;
  dueDate: string | null;
  creditOf: string | null;
}
interface PartyVersion {
  partyCode: string;
  unit: string | null;
  version: number;
  organisationNumber: string;
  placeholderFields: string[];
}
interface ErrorBody {
  error: { code: string; message: string; location: { field?: string } };
}

function realBasis(agreement: Agreement, period: string): NewBasis {
  const steps = [{ id: 's', description: 'test', inputs: {}, result: ore(100), unit: 'öre' }];
  return {
    runId: null,
    flow: 'dagtid',
    period,
    seller: { code: '2380', unit: null },
    buyer: { code: 'region', unit: null },
    totalOre: 12345,
    trace: new TraceBuilder(agreement).step(...steps).build(),
    inputs: null,
    creditOf: null,
    replacesId: null,
    demo: false,
    createdAt: '2026-01-01T00:00:00.000Z',
    lines: [
      {
        description: 'Uppdrag',
        quantity: '1',
        unit: 'started-hour',
        unitPriceOre: 12345,
        amountOre: 12345,
        baseQuantity: 1,
        category: 'uppdrag-dagtid',
        clause: null,
        date: null,
        reference: '=SUM(A1)',
        creditsLineId: null,
        steps,
        billingKey: `test:${period}`,
        recordId: null,
      },
    ],
  };
}

for (const target of databaseTargets) {
  describe.skipIf(!target.available)(`${target.name}: party register and invoice identity`, () => {
    let t: TestServer;
    let admin: Client;
    let region: Client;
    let ostersund: Client;
    const agreement = readAgreement();
    const today = todayInStockholm().toString();

    beforeAll(async () => {
      t = await startTestServer(target);
      [admin, region, ostersund] = await Promise.all([
        login(t.url, 'admin'),
        login(t.url, 'ekonom.region'),
        login(t.url, 'ekonom.ostersund'),
      ]);
    });
    afterAll(async () => {
      await t.stop();
    });

    it('ships the demo register: every party and the region’s units, Luhn-valid numbers marked as placeholders', async () => {
      const res = await region.request('GET', '/api/v1/parties');
      expect(res.status).toBe(200);
      const parties = (res.body as { parties: PartyVersion[] }).parties;
      expect(parties.map((p) => `${p.partyCode}${p.unit === null ? '' : `/${p.unit}`}`).sort()).toEqual(
        ['region', 'region/MT', 'region/syncentralen', 'region/horcentralen', ...agreement.municipalities.map((m) => m.code)].sort(),
      );
      for (const p of parties) expect(p.placeholderFields).toContain('organisationNumber');
      expect(new Set(parties.filter((p) => p.partyCode !== 'region').map((p) => p.organisationNumber)).size).toBe(
        agreement.municipalities.length,
      );
    });

    it('refuses bad identifiers in Swedish naming the field; only the administrator records versions, each audited', async () => {
      const input = demoPartyInputs(agreement).find((p) => p.partyCode === '2380');
      if (!input) throw new Error('no demo input for 2380');
      const cases: [Record<string, unknown>, string][] = [
        [{ organisationNumber: '2120002412' }, 'organisationNumber'],
        [{ payment: { kind: 'bankgiro', account: '5050-1056' } }, 'payment.account'],
        [{ payment: { kind: 'plusgiro', account: '12' } }, 'payment.account'],
        [{ vatRegistered: true, vatNumber: 'SE212000241201' }, 'vatNumber'],
        [{ unit: 'MT' }, 'unit'],
      ];
      for (const [patch, field] of cases) {
        const res = await admin.request('POST', '/api/v1/parties', { ...input, ...patch });
        expect(res.status, JSON.stringify(res.body)).toBe(400);
        expect((res.body as ErrorBody).error.location.field).toBe(field);
        expect((res.body as ErrorBody).error.message).toMatch(/[åäö]|ska|kontrollsiffra/);
      }
      expect((await region.request('POST', '/api/v1/parties', input)).status).toBe(403);
    });

    it('numbers an approved basis from the seller’s series with issue and due date; concurrent approvals never share a number', async () => {
      const run = await region.request('POST', '/api/v1/billing-runs', { flow: 'dagtid', period: '2026-01' });
      const bases = (run.body as { invoiceBases: Basis[] }).invoiceBases;
      const own = bases.find((b) => b.seller.id === '2380');
      if (!own) throw new Error('no Östersund basis in the demo run');
      expect(own.invoiceNumber).toBeNull();
      const approved = await approveConfirmed(ostersund, own.id);
      expect(approved.status, JSON.stringify(approved.body)).toBe(200);
      const b = (approved.body as { invoiceBasis: Basis }).invoiceBasis;
      expect(b.invoiceNumber).toMatch(new RegExp(`^K2380-${today.slice(0, 4)}-000001$`));
      expect(b.issueDate).toBe(today);
      expect(b.dueDate).toBe(todayInStockholm().add({ days: 30 }).toString());

      // Ten drafts of the same seller approved at the same time: ten consecutive, distinct numbers.
      const ids: string[] = [];
      for (let i = 1; i <= 10; i += 1)
        ids.push(await t.store.transaction((trx) => insertBasis(trx, realBasis(agreement, `2033-${String(i).padStart(2, '0')}`))));
      const results = await Promise.all(ids.map((id) => admin.request('POST', `/api/v1/invoice-bases/${id}/approve`)));
      expect(results.map((r) => r.status)).toEqual(ids.map(() => 200));
      const numbers = results.map((r) => (r.body as { invoiceBasis: Basis }).invoiceBasis.invoiceNumber ?? '');
      expect(new Set(numbers).size).toBe(10);
      expect(numbers.map((n) => Number(n.slice(-6))).sort((x, y) => x - y)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
      // A refused approval (already approved) takes no number: the next one is 12.
      expect((await admin.request('POST', `/api/v1/invoice-bases/${ids[0] ?? ''}/approve`)).status).toBe(409);
      const counter = await t.store.db
        .selectFrom('invoice_series')
        .selectAll()
        .where('series', '=', `2380||${today.slice(0, 4)}`)
        .executeTakeFirstOrThrow();
      expect(counter.last_number).toBe(11);
    });

    it('issues a credit note with its own number when crediting, referring to the invoice and carrying the reason', async () => {
      const list = (await admin.request('GET', '/api/v1/invoice-bases?status=approved')).body as { invoiceBases: Basis[] };
      const original = list.invoiceBases.find((b) => b.seller.id === '2380' && b.totalOre === 12345);
      if (!original) throw new Error('no approved test basis');
      const res = await admin.request('POST', `/api/v1/invoice-bases/${original.id}/credit`, { reason: 'Fel timpris i underlaget' });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      const note = (res.body as { creditNote: Basis }).creditNote;
      expect(note).toMatchObject({ status: 'approved', creditOf: original.id, issueDate: today, dueDate: null });
      expect(note.invoiceNumber).toBe(`K2380-${today.slice(0, 4)}-000012`);
    });

    it('the lock trigger refuses any change of the identity columns outside the approval, with nothing changed', async () => {
      const approved = await t.store.db
        .selectFrom('invoice_bases')
        .selectAll()
        .where('invoice_number', 'is not', null)
        .where('status', '=', 'approved')
        .executeTakeFirstOrThrow();
      const draftId = await t.store.transaction((trx) => insertBasis(trx, realBasis(agreement, '2034-01')));
      const before = JSON.stringify(await t.store.db.selectFrom('invoice_bases').selectAll().orderBy('id').execute());
      const tampering = [
        sql`update invoice_bases set invoice_number = 'K2380-2026-999999' where id = ${approved.id}`,
        sql`update invoice_bases set issue_date = '2020-01-01' where id = ${approved.id}`,
        sql`update invoice_bases set due_date = null where id = ${approved.id}`,
        sql`update invoice_bases set invoice_series = 'x' where id = ${approved.id}`,
        sql`update invoice_bases set payment_terms_days = 1 where id = ${approved.id}`,
        sql`update invoice_bases set invoice_number = 'K2380-2026-999998', invoice_series = 'y' where id = ${draftId}`,
        sql`update invoice_bases set status = 'sent', sent_at = 'x', invoice_number = 'K2380-2026-999997' where id = ${approved.id}`,
      ];
      for (const q of tampering) await expect(q.execute(t.store.db)).rejects.toThrow(/SAMV_LOCKED/);
      await expect(
        sql`insert into invoice_bases (id, flow, period, seller_code, buyer_code, status, total_ore, trace_json, created_at, demo, invoice_number) values ('tamper-1', 'dagtid', '2026-01', '2380', 'region', 'draft', 0, '{}', 'x', ${0}, 'K-1')`.execute(
          t.store.db,
        ),
      ).rejects.toThrow(/SAMV_LOCKED/);
      // Two bases with one number in one series: the unique index.
      const other = await t.store.db
        .selectFrom('invoice_bases')
        .select('id')
        .where('status', '=', 'draft')
        .where('id', '<>', draftId)
        .executeTakeFirstOrThrow();
      await expect(
        sql`update invoice_bases set status = 'approved', invoice_series = ${approved.invoice_series}, invoice_number = ${approved.invoice_number} where id = ${draftId}`.execute(
          t.store.db,
        ),
      ).rejects.toThrow();
      expect(JSON.stringify(await t.store.db.selectFrom('invoice_bases').selectAll().orderBy('id').execute())).toBe(before);
      // The approval itself may set them.
      await sql`update invoice_bases set status = 'approved', approved_by = 'user:t', approved_at = 'x', invoice_series = 'z', invoice_number = 'Z-1', issue_date = '2026-01-01' where id = ${other.id}`.execute(
        t.store.db,
      );
    });

    it('refuses exporting drafts; refuses a real basis whose parties still carry placeholders, naming the party and field', async () => {
      const draft = ((await admin.request('GET', '/api/v1/invoice-bases?status=draft')).body as { invoiceBases: Basis[] }).invoiceBases[0];
      if (!draft) throw new Error('no draft');
      const res = await admin.request('GET', `/api/v1/invoice-bases/${draft.id}/export?format=peppol`);
      expect(res.status).toBe(409);
      expect((res.body as ErrorBody).error.message).toBe('Utkast exporteras inte; godkänn underlaget först.');
      expect((await admin.request('GET', `/api/v1/invoice-bases/${draft.id}/export?format=docx`)).status).toBe(400);

      const real = await t.store.db
        .selectFrom('invoice_bases')
        .select('id')
        .where('demo', '=', sql<boolean>`${target.name === 'SQLite' ? 0 : false}`)
        .where('status', '=', 'credited')
        .executeTakeFirstOrThrow();
      const user = userOf('admin');
      await expect(buildInvoiceDocument(t.store.db, agreement, user, real.id)).rejects.toThrow(
        /Säljaren Östersunds kommun har fortfarande exempelvärden \(EXEMPEL\) i partsregistret: organisationsnummer/,
      );
      // Real values for Östersund and the region: the document builds, from the version valid on the issue date.
      const inputs = demoPartyInputs(agreement);
      const real2380 = {
        ...inputs.find((p) => p.partyCode === '2380'),
        organisationNumber: '212000-2411',
        vatNumber: 'SE212000241101',
        address: { street: 'Rådhusgatan 44', postalCode: '831 82', city: 'Östersund' },
        payment: { kind: 'bankgiro', account: '5050-1055' },
        buyerReference: 'ÖSD-EKONOMI',
        validFrom: '2026-01-01',
      };
      const realRegion = {
        ...inputs.find((p) => p.partyCode === 'region' && p.unit === null),
        organisationNumber: '232100-0214',
        vatNumber: 'SE232100021401',
        address: { street: 'Box 654', postalCode: '831 27', city: 'Östersund' },
        payment: { kind: 'bankgiro', account: '5050-1055' },
        buyerReference: 'RJH-4711',
        validFrom: '2026-01-01',
      };
      for (const body of [real2380, realRegion]) {
        const r = await admin.request('POST', '/api/v1/parties', body);
        expect(r.status, JSON.stringify(r.body)).toBe(201);
        expect((r.body as { party: PartyVersion }).party).toMatchObject({ version: 2, placeholderFields: [] });
      }
      const doc = await buildInvoiceDocument(t.store.db, agreement, user, real.id);
      expect(doc).toMatchObject({
        typeCode: '380',
        invoiceNumber: `K2380-${today.slice(0, 4)}-000002`,
        issueDate: today,
        buyerReference: 'RJH-4711',
        seller: { legalName: 'Östersunds kommun', organisationNumber: '2120002411', placeholder: false },
        buyer: { organisationNumber: '2321000214' },
        vat: { category: 'E' },
      });
      const audit = (await admin.request('GET', '/api/v1/audit?entity=parties')).body as { entries: { action: string; actor: string }[] };
      expect(audit.entries.filter((e) => e.action === 'new-version' && e.actor === 'user:admin')).toHaveLength(2);
    });
  });
}
