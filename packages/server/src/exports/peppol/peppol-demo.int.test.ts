/**
 * Peppol documents from stored bases, not fixtures: the demo data billed for flows of both VAT
 * categories, every basis approved and one credited, each InvoiceDocument built from the store
 * and rendered — every document passes the project's rules and pays exactly the basis's total.
 * On SQLite and PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseTargets } from '../../testing/databases.testkit.js';
import { login, startTestServer, type Client, type TestServer } from '../../testing/test-server.testkit.js';
import { readAgreement } from '../../agreement/read-agreement-dir.js';
import { approveConfirmed } from '../../billing/approve.testkit.js';
import { userOf } from '../../billing/ledger.testkit.js';
import { buildInvoiceDocument } from '../export-document.js';
import { renderUbl } from './render-ubl.js';
import { validatePeppol } from './rules/validate-peppol.js';
import { at, parseXml, textOf } from './rules/xml-tree.js';
import { amountText } from './ubl-values.js';

interface Basis {
  readonly id: string;
  readonly totalOre: number;
}

const runs = [
  { flow: 'dagtid', period: '2026-01', category: 'E' },
  { flow: 'synhorsel', period: '2026-01', category: 'E' },
  { flow: 'mt-fixed', period: '2026-H1', category: 'O' },
  { flow: 'tillaggsbelopp', period: '2026', category: 'O' },
] as const;

for (const target of databaseTargets) {
  describe.skipIf(!target.available)(`${target.name}: Peppol from the demo data`, () => {
    let t: TestServer;
    let admin: Client;
    let region: Client;
    const agreement = readAgreement();

    beforeAll(async () => {
      t = await startTestServer(target);
      [admin, region] = await Promise.all([login(t.url, 'admin'), login(t.url, 'ekonom.region')]);
    });
    afterAll(async () => {
      await t.stop();
    });

    it.each(runs)(
      '$flow $period: every approved basis and its credit note pass every rule (category $category)',
      async ({ flow, period, category }) => {
        const run = await region.request('POST', '/api/v1/billing-runs', { flow, period });
        expect(run.status, JSON.stringify(run.body)).toBe(201);
        const bases = (run.body as { invoiceBases: Basis[] }).invoiceBases;
        expect(bases.length).toBeGreaterThan(0);
        const ids: string[] = [];
        for (const b of bases) {
          const res = await approveConfirmed(admin, b.id);
          expect(res.status, JSON.stringify(res.body)).toBe(200);
          ids.push(b.id);
        }
        const first = bases[0];
        if (!first) throw new Error('no basis');
        const credit = await admin.request('POST', `/api/v1/invoice-bases/${first.id}/credit`, { reason: 'Fel i underlaget' });
        expect(credit.status, JSON.stringify(credit.body)).toBe(201);
        ids.push((credit.body as { creditNote: Basis }).creditNote.id);
        for (const id of ids) {
          const doc = await buildInvoiceDocument(t.store.db, agreement, userOf('admin'), id);
          const xml = renderUbl(doc);
          expect(validatePeppol(xml)).toEqual([]);
          const root = parseXml(xml);
          expect(textOf(at(root, 'cac:TaxTotal', 'cac:TaxSubtotal', 'cac:TaxCategory', 'cbc:ID'))).toBe(category);
          expect(textOf(at(root, 'cac:LegalMonetaryTotal', 'cbc:PayableAmount'))).toBe(
            amountText(doc.isCredit ? -doc.totalOre : doc.totalOre),
          );
          expect(root.name).toBe(doc.isCredit ? 'CreditNote' : 'Invoice');
        }
      },
    );
  });
}
