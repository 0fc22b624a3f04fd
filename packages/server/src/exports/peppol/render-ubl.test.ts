/**
 * The Peppol renderer from InvoiceDocument fixtures: every flow's invoice and credit note passes
 * the project's rules with zero errors and warnings, amounts and units come out exactly, and party
 * data that cannot make a valid document is refused in Swedish naming the field.
 */
import { describe, expect, test } from 'vitest';
import { SamverkanError } from '@samverkan/core';
import { buildUbl, ITEM_NAME_MAX, renderUbl } from './render-ubl.js';
import { allFixtures, creditFixture, hoursLine, invoiceFixture, invoiceLines, municipality, region } from './peppol-fixtures.testkit.js';
import { validatePeppol } from './rules/validate-peppol.js';
import { graphemes } from './ubl-values.js';
import { all, at, parseXml, textOf } from './rules/xml-tree.js';

describe('every flow, invoice and credit note', () => {
  test.each(allFixtures().map((d) => [d.basisId, d] as const))('%s passes every rule', (_id, doc) => {
    const xml = renderUbl(doc);
    expect(validatePeppol(xml)).toEqual([]);
    const root = parseXml(xml);
    expect(root.name).toBe(doc.isCredit ? 'CreditNote' : 'Invoice');
    expect(textOf(at(root, doc.isCredit ? 'cbc:CreditNoteTypeCode' : 'cbc:InvoiceTypeCode'))).toBe(doc.typeCode);
    expect(textOf(at(root, 'cac:TaxTotal', 'cac:TaxSubtotal', 'cac:TaxCategory', 'cbc:ID'))).toBe(doc.vat.category);
  });
});

test('a basis on example or forecast values says so in the document note; a final one does not', () => {
  const warning = {
    id: 'example-index:VPI:2026',
    kind: 'example-index' as const,
    series: 'VPI',
    year: 2026,
    text: 'VPI 2026 är ett exempelvärde.',
  };
  const provisional = invoiceFixture('dagtid', { provenance: { final: false, warnings: [warning] } });
  const xml = renderUbl(provisional);
  expect(validatePeppol(xml)).toEqual([]);
  expect(textOf(at(parseXml(xml), 'cbc:Note'))).toContain(
    'Observera – beräknat på värden som inte är slutliga: VPI 2026 är ett exempelvärde.',
  );
  expect(textOf(at(parseXml(renderUbl(invoiceFixture('dagtid'))), 'cbc:Note'))).not.toContain('Observera');
});

test('an invoice: identity, period, parties, payment and totals to the öre', () => {
  const doc = invoiceFixture('dagtid');
  const root = parseXml(renderUbl(doc));
  expect(textOf(at(root, 'cbc:CustomizationID'))).toBe('urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0');
  expect(textOf(at(root, 'cbc:ProfileID'))).toBe('urn:fdc:peppol.eu:2017:poacc:billing:01:1.0');
  expect(textOf(at(root, 'cbc:ID'))).toBe('RJH-2026-000017');
  expect(textOf(at(root, 'cbc:DueDate'))).toBe('2026-05-02');
  expect(textOf(at(root, 'cbc:BuyerReference'))).toBe('ABC123');
  expect(textOf(at(root, 'cac:InvoicePeriod', 'cbc:StartDate'))).toBe('2026-01-01');
  const seller = at(root, 'cac:AccountingSupplierParty', 'cac:Party');
  expect(at(seller, 'cbc:EndpointID')?.attrs).toEqual({ schemeID: '0007' });
  expect(textOf(at(seller, 'cac:PartyTaxScheme', 'cbc:CompanyID'))).toBe('SE202100548901');
  expect(textOf(at(root, 'cac:PaymentMeans', 'cac:PayeeFinancialAccount', 'cbc:ID'))).toBe('1234567');
  expect(textOf(at(root, 'cac:PaymentMeans', 'cac:PayeeFinancialAccount', 'cac:FinancialInstitutionBranch', 'cbc:ID'))).toBe('SE:BANKGIRO');
  // 1318.00 + 692.52 + 12345.67 − 50.01 + 99.99 + 6543.21
  expect(doc.totalOre).toBe(2094938);
  for (const name of ['cbc:LineExtensionAmount', 'cbc:TaxExclusiveAmount', 'cbc:TaxInclusiveAmount', 'cbc:PayableAmount']) {
    expect(textOf(at(root, 'cac:LegalMonetaryTotal', name))).toBe('20949.38');
  }
  expect(textOf(at(root, 'cac:TaxTotal', 'cbc:TaxAmount'))).toBe('0.00');
  const reason = at(root, 'cac:TaxTotal', 'cac:TaxSubtotal', 'cac:TaxCategory');
  expect(textOf(at(reason, 'cbc:TaxExemptionReasonCode'))).toBe('VATEX-EU-132-1B');
  expect(textOf(at(reason, 'cbc:TaxExemptionReason'))).toMatch(/mervärdesskattelagen \(2023:200\)/);
});

test('lines: UN/ECE units, exact quantities and prices, base quantity, the reference as plain text', () => {
  const lines = all(parseXml(renderUbl(invoiceFixture('mt-variable'))), 'cac:InvoiceLine');
  const row = (i: number): string[] => {
    const l = lines[i];
    const q = at(l, 'cbc:InvoicedQuantity');
    return [
      textOf(q),
      q?.attrs.unitCode ?? '',
      textOf(at(l, 'cbc:LineExtensionAmount')),
      textOf(at(l, 'cac:Price', 'cbc:PriceAmount')),
      textOf(at(l, 'cac:Price', 'cbc:BaseQuantity')),
    ];
  };
  expect(row(0)).toEqual(['2', 'HUR', '1318.00', '659.00', '1']);
  expect(row(1)).toEqual(['37', 'MIN', '692.52', '1123.00', '60']);
  expect(row(2)).toEqual(['1', 'C62', '12345.67', '12345.67', '1']);
  expect(row(3)).toEqual(['-1', 'C62', '-50.01', '50.01', '1']);
  expect(row(4)).toEqual(['3', 'C62', '99.99', '33.33', '1']);
  expect(textOf(at(lines[2], 'cbc:Note'))).toContain('Referens =HYPERLINK("http://x";"klicka")');
});

test('a line whose stored quantity does not multiply out is written as one lump sum and says why', () => {
  const l = all(parseXml(renderUbl(invoiceFixture('tillaggsbelopp'))), 'cac:InvoiceLine')[5];
  expect(textOf(at(l, 'cbc:InvoicedQuantity'))).toBe('1');
  expect(textOf(at(l, 'cac:Price', 'cbc:PriceAmount'))).toBe('6543.21');
  expect(textOf(at(l, 'cbc:Note'))).toContain('Underlag: 7 piece à 1000.00 kr per 1');
});

test('a long description is cut in the item name and kept whole in the description', () => {
  const l = all(parseXml(renderUbl(invoiceFixture('dagtid'))), 'cac:InvoiceLine')[4];
  const name = textOf(at(l, 'cac:Item', 'cbc:Name'));
  expect(graphemes(name)).toHaveLength(ITEM_NAME_MAX);
  expect(name.endsWith('…')).toBe(true);
  expect(textOf(at(l, 'cac:Item', 'cbc:Description'))).toBe(invoiceLines[4]?.description.trim());
});

test('a line date outside the invoice period stays out of the line period', () => {
  const l = all(parseXml(renderUbl(invoiceFixture('dagtid'))), 'cac:InvoiceLine')[4];
  expect(at(l, 'cac:InvoicePeriod')).toBeNull();
});

test('a credit note: positive amounts and quantities, the credited invoice, no due date, no payment means', () => {
  const root = parseXml(renderUbl(creditFixture('dagtid')));
  expect(root.name).toBe('CreditNote');
  expect(textOf(at(root, 'cac:BillingReference', 'cac:InvoiceDocumentReference', 'cbc:ID'))).toBe('RJH-2026-000017');
  expect(textOf(at(root, 'cac:BillingReference', 'cac:InvoiceDocumentReference', 'cbc:IssueDate'))).toBe('2026-04-02');
  expect(at(root, 'cbc:DueDate')).toBeNull();
  expect(at(root, 'cac:PaymentMeans')).toBeNull();
  expect(textOf(at(root, 'cbc:Note'))).toContain('Skäl: Fel antal timmar i importen');
  expect(textOf(at(root, 'cac:LegalMonetaryTotal', 'cbc:PayableAmount'))).toBe('20949.38');
  const first = all(root, 'cac:CreditNoteLine')[0];
  expect(textOf(at(first, 'cbc:CreditedQuantity'))).toBe('2');
  expect(textOf(at(first, 'cbc:LineExtensionAmount'))).toBe('1318.00');
  const adjustment = all(root, 'cac:CreditNoteLine')[3];
  // The invoice's negative adjustment is reversed by a negative credit line (the price stays positive: BR-27).
  expect(textOf(at(adjustment, 'cbc:CreditedQuantity'))).toBe('-1');
  expect(textOf(at(adjustment, 'cbc:LineExtensionAmount'))).toBe('-50.01');
  expect(textOf(at(adjustment, 'cac:Price', 'cbc:PriceAmount'))).toBe('50.01');
});

test('VAT identifiers per category: E names both parties’ VAT numbers, O names none', () => {
  const e = parseXml(renderUbl(invoiceFixture('synhorsel')));
  expect(all(e, 'cac:AccountingSupplierParty', 'cac:Party', 'cac:PartyTaxScheme')).toHaveLength(1);
  expect(textOf(at(e, 'cac:AccountingCustomerParty', 'cac:Party', 'cac:PartyTaxScheme', 'cbc:CompanyID'))).toBe('SE212000014201');
  const o = parseXml(renderUbl(invoiceFixture('development-funds')));
  expect(all(o, 'cac:AccountingSupplierParty', 'cac:Party', 'cac:PartyTaxScheme')).toHaveLength(0);
  expect(all(o, 'cac:AccountingCustomerParty', 'cac:Party', 'cac:PartyTaxScheme')).toHaveLength(0);
});

test('plusgiro from a municipality as seller', () => {
  const root = parseXml(renderUbl(invoiceFixture('dagtid', { seller: municipality, buyer: region })));
  expect(textOf(at(root, 'cac:PaymentMeans', 'cac:PayeeFinancialAccount', 'cbc:ID'))).toBe('1234567');
  expect(textOf(at(root, 'cac:PaymentMeans', 'cac:PayeeFinancialAccount', 'cac:FinancialInstitutionBranch', 'cbc:ID'))).toBe('SE:PLUSGIRO');
});

test('characters XML cannot carry are dropped from imported text', () => {
  const lines = [{ ...hoursLine, reference: 'A\u0001B\uD800C' }];
  const xml = renderUbl(invoiceFixture('dagtid', { lines, totalOre: 131800 }));
  expect(textOf(at(all(parseXml(xml), 'cac:InvoiceLine')[0], 'cbc:Note'))).toContain('Referens ABC');
});

describe('refusals name the party and the field', () => {
  const refused = (f: () => unknown): SamverkanError => {
    try {
      f();
    } catch (e) {
      if (e instanceof SamverkanError) return e;
      throw e;
    }
    throw new Error('not refused');
  };
  test('an exempt (E) invoice from a seller without a VAT number', () => {
    const e = refused(() => buildUbl(invoiceFixture('dagtid', { seller: { ...region, vatNumber: null } })));
    expect(e.location.field).toBe('vatNumber');
    expect(e.message).toMatch(/Region Jämtland Härjedalen saknar momsregistreringsnummer.*BR-E-02/);
  });
  test('a malformed VAT number', () => {
    expect(refused(() => buildUbl(invoiceFixture('mt-fixed', { buyer: { ...municipality, vatNumber: 'SE2120000142' } }))).message).toMatch(
      /Köparen Strömsunds kommun: momsregistreringsnumret/,
    );
  });
  test('no buyer reference', () => {
    expect(refused(() => buildUbl(invoiceFixture('dagtid', { buyerReference: ' ' }))).location.field).toBe('buyerReference');
  });
  test('a bankgiro that is not 7–8 digits', () => {
    expect(
      refused(() => buildUbl(invoiceFixture('dagtid', { seller: { ...region, payment: { kind: 'bankgiro', account: '12-345' } } })))
        .location.field,
    ).toBe('payment');
  });
  test('a unit without a UN/ECE code', () => {
    const lines = [{ ...hoursLine, unit: 'furlong' }];
    expect(refused(() => buildUbl(invoiceFixture('dagtid', { lines, totalOre: 131800 }))).message).toMatch(/enheten "furlong"/);
  });
  test('lines that do not add up to the total', () => {
    expect(refused(() => buildUbl(invoiceFixture('dagtid', { totalOre: 1 }))).location.field).toBe('totalOre');
  });
  test('a document that would break a rule is not returned', () => {
    // An unknown endpoint scheme passes the renderer's own checks but breaks PEPPOL-EN16931-CL008.
    const e = refused(() =>
      renderUbl(invoiceFixture('dagtid', { buyer: { ...municipality, endpoint: { scheme: '9999', id: '2120000142' } } })),
    );
    expect(e.message).toMatch(/PEPPOL-EN16931-CL008/);
    expect(e.details.length).toBeGreaterThan(0);
  });
});
