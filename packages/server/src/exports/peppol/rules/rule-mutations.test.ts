/**
 * Each rule the validator implements, proven to fail: a document our renderer produced (which
 * passes every rule) is changed in exactly the way the rule forbids, and the validator must name
 * that rule. A rule that could never fail would show up here as a red line.
 */
import { describe, expect, test } from 'vitest';
import { buildUbl } from '../render-ubl.js';
import { creditFixture, invoiceFixture, municipality, region } from '../peppol-fixtures.testkit.js';
import { validatePeppol } from './validate-peppol.js';

type Fixture = 'E' | 'O' | 'credit' | 'plusgiro';
const base: Readonly<Record<Fixture, string>> = {
  E: buildUbl(invoiceFixture('dagtid')),
  O: buildUbl(invoiceFixture('mt-fixed')),
  credit: buildUbl(creditFixture('dagtid')),
  plusgiro: buildUbl(invoiceFixture('dagtid', { seller: municipality, buyer: region })),
};

/** Replace the first match of `from` (which must occur). */
const sub =
  (from: string | RegExp, to: string) =>
  (xml: string): string => {
    const found = typeof from === 'string' ? xml.includes(from) : from.test(xml);
    if (!found) throw new Error(`mutation target not found: ${String(from)}`);
    return xml.replace(from, to);
  };
/** Replace every match of `from`. */
const subAll =
  (from: string, to: string) =>
  (xml: string): string => {
    if (!xml.includes(from)) throw new Error(`mutation target not found: ${from}`);
    return xml.split(from).join(to);
  };
const drop = (re: RegExp) => sub(re, '');
const chain =
  (...fs: ((x: string) => string)[]) =>
  (xml: string): string =>
    fs.reduce((x, f) => f(x), xml);
const el = (name: string): RegExp => new RegExp(`\\s*<${name}[^>]*>[^<]*</${name}>`);
const block = (name: string): RegExp => new RegExp(`\\s*<${name}>[\\s\\S]*?</${name}>`);
const FIRST_LINE = /<cac:InvoiceLine>[\s\S]*?<\/cac:InvoiceLine>/;
const inFirstLine =
  (f: (x: string) => string) =>
  (xml: string): string =>
    xml.replace(FIRST_LINE, (m) => f(m));
const SUPPLIER = /<cac:AccountingSupplierParty>[\s\S]*?<\/cac:AccountingSupplierParty>/;
const CUSTOMER = /<cac:AccountingCustomerParty>[\s\S]*?<\/cac:AccountingCustomerParty>/;
const inSupplier =
  (f: (x: string) => string) =>
  (xml: string): string =>
    xml.replace(SUPPLIER, (m) => f(m));
const inCustomer =
  (f: (x: string) => string) =>
  (xml: string): string =>
    xml.replace(CUSTOMER, (m) => f(m));
const LMT = /<cac:LegalMonetaryTotal>[\s\S]*?<\/cac:LegalMonetaryTotal>/;
const inTotals =
  (f: (x: string) => string) =>
  (xml: string): string =>
    xml.replace(LMT, (m) => f(m));
const SUBTOTAL = /<cac:TaxSubtotal>[\s\S]*?<\/cac:TaxSubtotal>/;
const inSubtotal =
  (f: (x: string) => string) =>
  (xml: string): string =>
    xml.replace(SUBTOTAL, (m) => f(m));
const EXTRA_E_SUBTOTAL =
  '<cac:TaxSubtotal><cbc:TaxableAmount currencyID="SEK">0.00</cbc:TaxableAmount><cbc:TaxAmount currencyID="SEK">0.00</cbc:TaxAmount><cac:TaxCategory><cbc:ID>E</cbc:ID><cbc:Percent>0</cbc:Percent><cbc:TaxExemptionReason>x</cbc:TaxExemptionReason><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:TaxCategory></cac:TaxSubtotal></cac:TaxTotal>';

/** A zero document-level allowance (`false`) or charge (`true`) in `category`, inserted before the TaxTotal. */
const docAllowance = (charge: boolean, category: string, percent: string | null): string =>
  `<cac:AllowanceCharge><cbc:ChargeIndicator>${String(charge)}</cbc:ChargeIndicator><cbc:AllowanceChargeReason>Test</cbc:AllowanceChargeReason><cbc:Amount currencyID="SEK">0.00</cbc:Amount><cac:TaxCategory><cbc:ID>${category}</cbc:ID>${percent === null ? '' : `<cbc:Percent>${percent}</cbc:Percent>`}<cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:TaxCategory></cac:AllowanceCharge><cac:TaxTotal>`;

const mutations: readonly (readonly [string, Fixture, (xml: string) => string])[] = [
  ['PEPPOL-EN16931-R001', 'E', drop(el('cbc:ProfileID'))],
  ['PEPPOL-EN16931-R002', 'E', sub(/(<cbc:Note>[^<]*<\/cbc:Note>)/, '$1<cbc:Note>två</cbc:Note>')],
  ['PEPPOL-EN16931-R003', 'E', drop(el('cbc:BuyerReference'))],
  ['PEPPOL-EN16931-R004', 'E', sub('billing:3.0</cbc:CustomizationID>', 'billing:2.0</cbc:CustomizationID>')],
  ['PEPPOL-EN16931-R007', 'E', sub('billing:01:1.0', 'billing:1.0')],
  ['PEPPOL-EN16931-R008', 'E', inCustomer(sub('<cbc:Name>Strömsunds kommun</cbc:Name>', '<cbc:Name> </cbc:Name>'))],
  ['PEPPOL-EN16931-R010', 'E', inCustomer(drop(el('cbc:EndpointID')))],
  ['PEPPOL-EN16931-R020', 'E', inSupplier(drop(el('cbc:EndpointID')))],
  ['PEPPOL-EN16931-R051', 'E', inFirstLine(sub('currencyID="SEK"', 'currencyID="EUR"'))],
  ['PEPPOL-EN16931-R053', 'E', drop(block('cac:TaxTotal'))],
  ['PEPPOL-EN16931-R110', 'E', inFirstLine(sub('<cbc:StartDate>2026-03-04', '<cbc:StartDate>2025-12-01'))],
  ['PEPPOL-EN16931-R111', 'E', inFirstLine(sub('<cbc:EndDate>2026-03-04', '<cbc:EndDate>2026-04-15'))],
  ['PEPPOL-EN16931-R120', 'E', inFirstLine(sub('>1318.00<', '>1318.03<'))],
  ['PEPPOL-EN16931-R121', 'E', inFirstLine(sub('<cbc:BaseQuantity unitCode="HUR">1<', '<cbc:BaseQuantity unitCode="HUR">0<'))],
  ['PEPPOL-EN16931-R130', 'E', inFirstLine(sub('<cbc:BaseQuantity unitCode="HUR">', '<cbc:BaseQuantity unitCode="C62">'))],
  ['PEPPOL-EN16931-F001', 'E', sub('<cbc:IssueDate>2026-04-02', '<cbc:IssueDate>2026-4-2')],
  ['PEPPOL-EN16931-P0100', 'E', sub('>380<', '>999<')],
  ['PEPPOL-EN16931-P0101', 'credit', sub('>381<', '>380<')],
  ['PEPPOL-EN16931-CL008', 'E', sub('<cbc:EndpointID schemeID="0007">', '<cbc:EndpointID schemeID="9999">')],
  ['PEPPOL-COMMON-R049', 'E', inSupplier(sub('<cbc:EndpointID schemeID="0007">2021005489', '<cbc:EndpointID schemeID="0007">2021005488'))],
  ['SE-R-001', 'E', sub('SE202100548901', 'SE2021005489011')],
  ['SE-R-002', 'E', sub('SE202100548901', 'SE2021005489AB')],
  ['SE-R-003', 'E', inSupplier(sub('<cbc:CompanyID schemeID="0007">2021005489', '<cbc:CompanyID schemeID="0007">A021005489'))],
  ['SE-R-004', 'E', inSupplier(sub('<cbc:CompanyID schemeID="0007">2021005489', '<cbc:CompanyID schemeID="0007">20210054890'))],
  ['SE-R-013', 'E', inSupplier(sub('<cbc:CompanyID schemeID="0007">2021005489', '<cbc:CompanyID schemeID="0007">2021005488'))],
  [
    'SE-R-005',
    'E',
    inSupplier(
      sub(
        '<cac:PartyLegalEntity>',
        '<cac:PartyTaxScheme><cbc:CompanyID>F-skatt</cbc:CompanyID><cac:TaxScheme><cbc:ID>TAX</cbc:ID></cac:TaxScheme></cac:PartyTaxScheme><cac:PartyLegalEntity>',
      ),
    ),
  ],
  [
    'SE-R-006',
    'E',
    chain(subAll('<cbc:ID>E</cbc:ID>', '<cbc:ID>S</cbc:ID>'), subAll('<cbc:Percent>0</cbc:Percent>', '<cbc:Percent>20</cbc:Percent>')),
  ],
  ['SE-R-007', 'plusgiro', sub('<cbc:ID>1234567</cbc:ID>', '<cbc:ID>12A</cbc:ID>')],
  ['SE-R-010', 'plusgiro', sub('<cbc:ID>1234567</cbc:ID>', '<cbc:ID>123456789</cbc:ID>')],
  ['SE-R-008', 'E', sub('<cbc:ID>1234567</cbc:ID>', '<cbc:ID>123456A</cbc:ID>')],
  ['SE-R-009', 'E', sub('<cbc:ID>1234567</cbc:ID>', '<cbc:ID>123456</cbc:ID>')],
  ['SE-R-011', 'E', sub('<cbc:PaymentMeansCode>30<', '<cbc:PaymentMeansCode>50<')],
  ['SE-R-012', 'E', sub('<cbc:PaymentMeansCode>30<', '<cbc:PaymentMeansCode>31<')],
  ['BR-01', 'E', drop(el('cbc:CustomizationID'))],
  ['BR-02', 'E', drop(/\s*<cbc:ID>RJH-2026-000017<\/cbc:ID>/)],
  ['BR-03', 'E', drop(el('cbc:IssueDate'))],
  ['BR-04', 'E', drop(el('cbc:InvoiceTypeCode'))],
  ['BR-05', 'E', drop(el('cbc:DocumentCurrencyCode'))],
  ['BR-06', 'E', inSupplier(drop(el('cbc:RegistrationName')))],
  ['BR-07', 'E', inCustomer(drop(el('cbc:RegistrationName')))],
  ['BR-08', 'E', inSupplier(drop(block('cac:PostalAddress')))],
  ['BR-09', 'E', inSupplier(drop(block('cac:Country')))],
  ['BR-10', 'E', inCustomer(drop(block('cac:PostalAddress')))],
  ['BR-11', 'E', inCustomer(drop(block('cac:Country')))],
  ['BR-12', 'E', inTotals(drop(el('cbc:LineExtensionAmount')))],
  ['BR-13', 'E', inTotals(drop(el('cbc:TaxExclusiveAmount')))],
  ['BR-14', 'E', inTotals(drop(el('cbc:TaxInclusiveAmount')))],
  ['BR-15', 'E', inTotals(drop(el('cbc:PayableAmount')))],
  ['BR-16', 'E', (x) => x.replace(/\s*<cac:InvoiceLine>[\s\S]*?<\/cac:InvoiceLine>/g, '')],
  ['BR-21', 'E', inFirstLine(drop(/\s*<cbc:ID>1<\/cbc:ID>/))],
  ['BR-22', 'E', inFirstLine(drop(el('cbc:InvoicedQuantity')))],
  ['BR-23', 'E', inFirstLine(sub('<cbc:InvoicedQuantity unitCode="HUR">', '<cbc:InvoicedQuantity>'))],
  ['BR-24', 'E', inFirstLine(drop(el('cbc:LineExtensionAmount')))],
  ['BR-25', 'E', inFirstLine(drop(el('cbc:Name')))],
  ['BR-26', 'E', inFirstLine(drop(el('cbc:PriceAmount')))],
  ['BR-27', 'E', inFirstLine(sub('>659.00<', '>-659.00<'))],
  ['BR-29', 'E', sub('<cbc:EndDate>2026-03-31', '<cbc:EndDate>2025-12-31')],
  ['BR-30', 'E', inFirstLine(sub('<cbc:EndDate>2026-03-04', '<cbc:EndDate>2026-03-01'))],
  [
    'BR-CO-19',
    'E',
    sub(
      /<cac:InvoicePeriod>[\s\S]*?<\/cac:InvoicePeriod>/,
      '<cac:InvoicePeriod><cbc:Description>mars</cbc:Description></cac:InvoicePeriod>',
    ),
  ],
  [
    'BR-CO-20',
    'E',
    inFirstLine(
      sub(
        /<cac:InvoicePeriod>[\s\S]*?<\/cac:InvoicePeriod>/,
        '<cac:InvoicePeriod><cbc:Description>4 mars</cbc:Description></cac:InvoicePeriod>',
      ),
    ),
  ],
  ['BR-45', 'E', inSubtotal(drop(el('cbc:TaxableAmount')))],
  ['BR-46', 'E', inSubtotal(drop(el('cbc:TaxAmount')))],
  ['BR-47', 'E', inSubtotal(sub('<cbc:ID>E</cbc:ID>', ''))],
  ['BR-48', 'E', inSubtotal(sub('<cbc:Percent>0</cbc:Percent>', ''))],
  ['BR-49', 'E', drop(el('cbc:PaymentMeansCode'))],
  ['BR-50', 'E', sub('<cbc:ID>1234567</cbc:ID>', '<cbc:ID> </cbc:ID>')],
  ['BR-61', 'E', sub(/\s*<cbc:ID>1234567<\/cbc:ID>/, '')],
  ['BR-55', 'credit', sub(/(<cac:InvoiceDocumentReference>)\s*<cbc:ID>[^<]*<\/cbc:ID>/, '$1')],
  ['BR-62', 'E', inSupplier(sub('<cbc:EndpointID schemeID="0007">', '<cbc:EndpointID>'))],
  ['BR-63', 'E', inCustomer(sub('<cbc:EndpointID schemeID="0007">', '<cbc:EndpointID>'))],
  ['BR-CO-04', 'E', inFirstLine(drop(block('cac:ClassifiedTaxCategory')))],
  ['BR-CO-09', 'E', sub('SE202100548901', 'XX202100548901')],
  ['BR-CO-10', 'E', inFirstLine(sub('>1318.00<', '>1318.01<'))],
  ['BR-CO-13', 'E', inTotals(sub(/(<cbc:TaxExclusiveAmount currencyID="SEK">)\d+/, '$19'))],
  ['BR-CO-14', 'E', sub('<cbc:TaxAmount currencyID="SEK">0.00<', '<cbc:TaxAmount currencyID="SEK">1.00<')],
  ['BR-CO-15', 'E', inTotals(sub(/(<cbc:TaxInclusiveAmount currencyID="SEK">)\d+/, '$19'))],
  ['BR-CO-16', 'E', inTotals(sub(/(<cbc:PayableAmount currencyID="SEK">)\d+/, '$19'))],
  ['BR-CO-17', 'E', inSubtotal(sub('<cbc:TaxAmount currencyID="SEK">0.00<', '<cbc:TaxAmount currencyID="SEK">5.00<'))],
  ['BR-CO-18', 'E', drop(block('cac:TaxSubtotal'))],
  ['BR-CO-25', 'E', chain(drop(el('cbc:DueDate')), drop(block('cac:PaymentTerms')))],
  [
    'BR-CO-26',
    'O',
    inSupplier(chain(drop(block('cac:PartyIdentification')), drop(/\s*<cbc:CompanyID schemeID="0007">\d+<\/cbc:CompanyID>/))),
  ],
  ['BR-DEC-09', 'E', inTotals(sub(/(<cbc:LineExtensionAmount currencyID="SEK">\d+\.\d\d)/, '$10'))],
  ['BR-DEC-12', 'E', inTotals(sub(/(<cbc:TaxExclusiveAmount currencyID="SEK">\d+\.\d\d)/, '$10'))],
  ['BR-DEC-13', 'E', sub('<cbc:TaxAmount currencyID="SEK">0.00<', '<cbc:TaxAmount currencyID="SEK">0.000<')],
  ['BR-DEC-14', 'E', inTotals(sub(/(<cbc:TaxInclusiveAmount currencyID="SEK">\d+\.\d\d)/, '$10'))],
  ['BR-DEC-18', 'E', inTotals(sub(/(<cbc:PayableAmount currencyID="SEK">\d+\.\d\d)/, '$10'))],
  ['BR-DEC-19', 'E', inSubtotal(sub(/(<cbc:TaxableAmount currencyID="SEK">\d+\.\d\d)/, '$10'))],
  ['BR-DEC-20', 'E', inSubtotal(sub('<cbc:TaxAmount currencyID="SEK">0.00<', '<cbc:TaxAmount currencyID="SEK">0.000<'))],
  ['BR-DEC-23', 'E', inFirstLine(sub('>1318.00<', '>1318.000<'))],
  ['BR-E-01', 'E', sub('</cac:TaxSubtotal>\n  </cac:TaxTotal>', `</cac:TaxSubtotal>${EXTRA_E_SUBTOTAL}`)],
  ['BR-E-02', 'E', inSupplier(drop(block('cac:PartyTaxScheme')))],
  ['BR-E-05', 'E', inFirstLine(sub('<cbc:Percent>0</cbc:Percent>', '<cbc:Percent>5</cbc:Percent>'))],
  ['BR-E-08', 'E', inSubtotal(sub(/(<cbc:TaxableAmount currencyID="SEK">)\d+/, '$19'))],
  ['BR-E-09', 'E', inSubtotal(sub('<cbc:TaxAmount currencyID="SEK">0.00<', '<cbc:TaxAmount currencyID="SEK">0.01<'))],
  ['BR-E-10', 'E', inSubtotal(chain(drop(el('cbc:TaxExemptionReasonCode')), drop(el('cbc:TaxExemptionReason'))))],
  ['BR-O-01', 'O', drop(block('cac:TaxSubtotal'))],
  [
    'BR-O-02',
    'O',
    inSupplier(
      sub(
        '<cac:PartyLegalEntity>',
        '<cac:PartyTaxScheme><cbc:CompanyID>SE202100548901</cbc:CompanyID><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:PartyTaxScheme><cac:PartyLegalEntity>',
      ),
    ),
  ],
  ['BR-O-05', 'O', inFirstLine(sub('<cbc:ID>O</cbc:ID>', '<cbc:ID>O</cbc:ID><cbc:Percent>0</cbc:Percent>'))],
  ['BR-O-08', 'O', inSubtotal(sub(/(<cbc:TaxableAmount currencyID="SEK">)\d+/, '$19'))],
  ['BR-O-09', 'O', inSubtotal(sub('<cbc:TaxAmount currencyID="SEK">0.00<', '<cbc:TaxAmount currencyID="SEK">0.01<'))],
  ['BR-O-10', 'O', inSubtotal(chain(drop(el('cbc:TaxExemptionReasonCode')), drop(el('cbc:TaxExemptionReason'))))],
  ['BR-O-11', 'O', sub('</cac:TaxSubtotal>\n  </cac:TaxTotal>', `</cac:TaxSubtotal>${EXTRA_E_SUBTOTAL}`)],
  ['BR-O-12', 'O', inFirstLine(sub('<cbc:ID>O</cbc:ID>', '<cbc:ID>E</cbc:ID><cbc:Percent>0</cbc:Percent>'))],
  [
    'BR-S-01',
    'E',
    inFirstLine(sub(/<cbc:ID>E<\/cbc:ID>\s*<cbc:Percent>0<\/cbc:Percent>/, '<cbc:ID>S</cbc:ID><cbc:Percent>25</cbc:Percent>')),
  ],
  ['BR-S-05', 'E', inFirstLine(sub('<cbc:ID>E</cbc:ID>', '<cbc:ID>S</cbc:ID>'))],
  [
    'BR-S-10',
    'E',
    chain(subAll('<cbc:ID>E</cbc:ID>', '<cbc:ID>S</cbc:ID>'), subAll('<cbc:Percent>0</cbc:Percent>', '<cbc:Percent>25</cbc:Percent>')),
  ],
  [
    'BR-S-09',
    'E',
    chain(subAll('<cbc:ID>E</cbc:ID>', '<cbc:ID>S</cbc:ID>'), subAll('<cbc:Percent>0</cbc:Percent>', '<cbc:Percent>25</cbc:Percent>')),
  ],
  [
    'BR-CO-11',
    'E',
    inTotals(sub('<cbc:PayableAmount', '<cbc:AllowanceTotalAmount currencyID="SEK">1.00</cbc:AllowanceTotalAmount><cbc:PayableAmount')),
  ],
  [
    'BR-CO-12',
    'E',
    inTotals(sub('<cbc:PayableAmount', '<cbc:ChargeTotalAmount currencyID="SEK">1.00</cbc:ChargeTotalAmount><cbc:PayableAmount')),
  ],
  [
    'BR-DEC-10',
    'E',
    inTotals(sub('<cbc:PayableAmount', '<cbc:AllowanceTotalAmount currencyID="SEK">0.000</cbc:AllowanceTotalAmount><cbc:PayableAmount')),
  ],
  [
    'BR-DEC-11',
    'E',
    inTotals(sub('<cbc:PayableAmount', '<cbc:ChargeTotalAmount currencyID="SEK">0.000</cbc:ChargeTotalAmount><cbc:PayableAmount')),
  ],
  [
    'BR-DEC-16',
    'E',
    inTotals(sub('<cbc:PayableAmount', '<cbc:PrepaidAmount currencyID="SEK">0.000</cbc:PrepaidAmount><cbc:PayableAmount')),
  ],
  [
    'BR-DEC-17',
    'E',
    inTotals(sub('<cbc:PayableAmount', '<cbc:PayableRoundingAmount currencyID="SEK">0.000</cbc:PayableRoundingAmount><cbc:PayableAmount')),
  ],
  [
    'PEPPOL-EN16931-R054',
    'E',
    sub('</cbc:DocumentCurrencyCode>', '</cbc:DocumentCurrencyCode><cbc:TaxCurrencyCode>EUR</cbc:TaxCurrencyCode>'),
  ],
  ['PEPPOL-EN16931-R061', 'E', sub('<cbc:PaymentMeansCode>30<', '<cbc:PaymentMeansCode>49<')],
  ['BR-E-03', 'E', chain(inSupplier(drop(block('cac:PartyTaxScheme'))), sub('<cac:TaxTotal>', docAllowance(false, 'E', '0')))],
  ['BR-E-04', 'E', chain(inSupplier(drop(block('cac:PartyTaxScheme'))), sub('<cac:TaxTotal>', docAllowance(true, 'E', '0')))],
  ['BR-E-06', 'E', sub('<cac:TaxTotal>', docAllowance(false, 'E', '5'))],
  ['BR-E-07', 'E', sub('<cac:TaxTotal>', docAllowance(true, 'E', '5'))],
  [
    'BR-O-03',
    'O',
    chain(
      inSupplier(
        sub(
          '<cac:PartyLegalEntity>',
          '<cac:PartyTaxScheme><cbc:CompanyID>SE202100548901</cbc:CompanyID><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:PartyTaxScheme><cac:PartyLegalEntity>',
        ),
      ),
      sub('<cac:TaxTotal>', docAllowance(false, 'O', null)),
    ),
  ],
  ['BR-O-06', 'O', sub('<cac:TaxTotal>', docAllowance(false, 'O', '0'))],
  ['BR-O-07', 'O', sub('<cac:TaxTotal>', docAllowance(true, 'O', '0'))],
  ['BR-O-13', 'O', sub('<cac:TaxTotal>', docAllowance(false, 'E', '0'))],
  ['BR-O-14', 'O', sub('<cac:TaxTotal>', docAllowance(true, 'E', '0'))],
  [
    'UBL-XSD-ORDER',
    'E',
    sub(/(\s*<cbc:DocumentCurrencyCode>SEK<\/cbc:DocumentCurrencyCode>)(\s*<cbc:BuyerReference>[^<]*<\/cbc:BuyerReference>)/, '$2$1'),
  ],
];

describe('every implemented rule fails on a document broken its way', () => {
  test.each(mutations)('%s', (rule, fixture, mutate) => {
    const before = validatePeppol(base[fixture]);
    expect(before).toEqual([]);
    const broken = validatePeppol(mutate(base[fixture])).map((v) => v.rule);
    expect(broken).toContain(rule);
  });
});

test('the structural check names an element UBL does not know in an aggregate', () => {
  const xml = base.E.replace('<cac:PartyLegalEntity>', '<cac:PartyLegal><cbc:Name>x</cbc:Name></cac:PartyLegal><cac:PartyLegalEntity>');
  expect(
    validatePeppol(xml)
      .filter((v) => v.rule === 'UBL-XSD-ORDER')
      .map((v) => v.message),
  ).toEqual(['cac:PartyLegal hör inte hemma i cac:Party enligt UBL 2.1.']);
});

test('a line order swapped inside a line is named with its path', () => {
  const xml = base.E.replace(
    /(\s*<cbc:InvoicedQuantity[^>]*>[^<]*<\/cbc:InvoicedQuantity>)(\s*<cbc:LineExtensionAmount[^>]*>[^<]*<\/cbc:LineExtensionAmount>)/,
    '$2$1',
  );
  const v = validatePeppol(xml).filter((x) => x.rule === 'UBL-XSD-ORDER');
  expect(v).toEqual([
    {
      rule: 'UBL-XSD-ORDER',
      path: '/Invoice/cac:InvoiceLine[1]/cbc:InvoicedQuantity',
      message: 'cbc:InvoicedQuantity står efter cbc:LineExtensionAmount men ska enligt UBL 2.1 komma före.',
    },
  ]);
});
