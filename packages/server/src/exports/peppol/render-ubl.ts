/**
 * Peppol BIS Billing 3.0 (UBL 2.1 `Invoice` 380 / `CreditNote` 381) from an InvoiceDocument.
 * Elements are written in the UBL 2.1 XSD sequence (see rules/ubl-sequence.ts). Party VAT
 * identifiers follow the document's VAT category (docs/decisions/0150-vat-treatment-per-flow.md):
 * with E (exempt) the seller's VAT number is required (BR-E-02) and the buyer's is given when the
 * buyer has one; with O (not subject to VAT) no party carries one (BR-O-02). A credit note carries
 * positive amounts and quantities (the stored credit lines are negative). Every document is checked
 * against the project's own rules before it is returned, so a document that would fail them never
 * leaves the system.
 */
import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js';
import { SamverkanError } from '@samverkan/core';
import type { DocumentLine, DocumentParty, InvoiceDocument } from '../invoice-document.js';
import { amountText, cut, quantityText, unitCode, xmlText } from './ubl-values.js';
import { NS } from './rules/xml-tree.js';
import { lineMatches, parseDec, type Dec } from './rules/decimal.js';
import { validatePeppol } from './rules/validate-peppol.js';

export const CUSTOMIZATION_ID = 'urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0';
export const PROFILE_ID = 'urn:fdc:peppol.eu:2017:poacc:billing:01:1.0';
/**
 * Item name length. EN 16931 sets no limit, but receiving ERP systems in Swedish public bodies cut
 * long names; the whole text is kept in the item description when the name is cut.
 */
export const ITEM_NAME_MAX = 100;

function refuse(message: string, field: string, value: unknown): SamverkanError {
  return new SamverkanError('SAMV_ERR_CONFLICT', message, { field, value });
}

const cbc = (parent: XMLBuilder, name: string, text: string, attrs: Record<string, string> = {}): void => {
  const t = xmlText(text);
  if (t === '') return; // PEPPOL-EN16931-R008: no empty elements.
  parent.ele(NS.cbc, `cbc:${name}`, attrs).txt(t);
};
const cac = (parent: XMLBuilder, name: string): XMLBuilder => parent.ele(NS.cac, `cac:${name}`);
const money = (parent: XMLBuilder, name: string, ore: number): void => {
  cbc(parent, name, amountText(ore), { currencyID: 'SEK' });
};

function partyName(p: DocumentParty): string {
  return p.unit === null ? p.legalName : `${p.legalName}, ${p.unit}`;
}

function writeParty(parent: XMLBuilder, wrapper: string, p: DocumentParty, withVat: boolean): void {
  const party = cac(cac(parent, wrapper), 'Party');
  cbc(party, 'EndpointID', p.endpoint.id, { schemeID: p.endpoint.scheme });
  cbc(cac(party, 'PartyIdentification'), 'ID', p.organisationNumber, { schemeID: '0007' });
  cbc(cac(party, 'PartyName'), 'Name', partyName(p));
  const addr = cac(party, 'PostalAddress');
  if (p.address.street !== null) cbc(addr, 'StreetName', p.address.street);
  cbc(addr, 'CityName', p.address.city);
  cbc(addr, 'PostalZone', p.address.postalCode);
  cbc(cac(addr, 'Country'), 'IdentificationCode', p.address.country);
  if (withVat && p.vatNumber !== null) {
    const pts = cac(party, 'PartyTaxScheme');
    cbc(pts, 'CompanyID', p.vatNumber);
    cbc(cac(pts, 'TaxScheme'), 'ID', 'VAT');
  }
  const le = cac(party, 'PartyLegalEntity');
  cbc(le, 'RegistrationName', p.legalName);
  cbc(le, 'CompanyID', p.organisationNumber, { schemeID: '0007' });
}

/** Refuse party data that cannot make a valid document, naming the party and field. */
function checkParties(doc: InvoiceDocument): void {
  for (const [role, p] of [
    ['Säljaren', doc.seller],
    ['Köparen', doc.buyer],
  ] as const) {
    if (p.vatNumber !== null && !/^SE\d{10}01$/.test(p.vatNumber)) {
      throw refuse(
        `${role} ${p.legalName}: momsregistreringsnumret "${p.vatNumber}" ska skrivas SE + organisationsnummer + 01 (14 tecken).`,
        'vatNumber',
        p.vatNumber,
      );
    }
  }
  if (doc.vat.category === 'E' && doc.seller.vatNumber === null) {
    throw refuse(
      `Säljaren ${doc.seller.legalName} saknar momsregistreringsnummer i partsregistret; en faktura undantagen från moms (kategori E) ska ange det (BR-E-02).`,
      'vatNumber',
      doc.seller.code,
    );
  }
  if (doc.buyerReference.trim() === '') {
    throw refuse(
      `Köparen ${doc.buyer.legalName} har ingen fakturareferens ("Er referens") i partsregistret; Peppol kräver den (PEPPOL-EN16931-R003).`,
      'buyerReference',
      doc.buyer.code,
    );
  }
  const pay = doc.seller.payment;
  if (!doc.isCredit && pay !== null) {
    const digits = pay.account.replace(/[\s-]/g, '');
    const ok =
      /^\d+$/.test(digits) &&
      (pay.kind === 'bankgiro' ? digits.length === 7 || digits.length === 8 : digits.length >= 2 && digits.length <= 8);
    if (!ok)
      throw refuse(
        `Säljaren ${doc.seller.legalName}: ${pay.kind} "${pay.account}" ska vara ${pay.kind === 'bankgiro' ? '7–8' : '2–8'} siffror.`,
        'payment',
        pay.account,
      );
  }
}

/** How one stored line is written: positive price, the sign carried by the quantity. */
interface UblLine {
  readonly quantity: string;
  readonly unitCode: string;
  readonly priceOre: number;
  readonly baseQuantity: number;
  readonly amountOre: number;
  /** Set when the stored quantity × price does not give the amount within Peppol's 0.02: the line is written as one lump sum and the original quantity is described. */
  readonly lumpSumNote: string | null;
}

function ublLine(l: DocumentLine, negate: boolean): UblLine {
  const amountOre = negate ? -l.amountOre : l.amountOre;
  let quantity = quantityText(l.quantity, negate, l.lineNo);
  let priceOre = l.unitPriceOre;
  if (priceOre < 0) {
    priceOre = -priceOre;
    quantity = quantityText(quantity, true, l.lineNo);
  }
  const code = unitCode(l.unit, l.lineNo);
  const toDec = (t: string): Dec => parseDec(t) ?? { n: 0n, scale: 0 };
  const fits =
    l.baseQuantity > 0 &&
    lineMatches(
      toDec(amountText(amountOre)),
      toDec(quantity),
      toDec(amountText(priceOre)),
      { n: BigInt(l.baseQuantity), scale: 0 },
      { n: 0n, scale: 0 },
      { n: 2n, scale: 2 },
    );
  if (fits) return { quantity, unitCode: code, priceOre, baseQuantity: l.baseQuantity, amountOre, lumpSumNote: null };
  return {
    quantity: amountOre < 0 ? '-1' : '1',
    unitCode: 'C62',
    priceOre: Math.abs(amountOre),
    baseQuantity: 1,
    amountOre,
    lumpSumNote: `Underlag: ${quantity} ${l.unit} à ${amountText(priceOre)} kr per ${String(l.baseQuantity)}`,
  };
}

function documentNote(doc: InvoiceDocument): string {
  const head =
    doc.isCredit && doc.credits !== null
      ? `Kreditnota för faktura ${doc.credits.invoiceNumber} (${doc.credits.issueDate}). Skäl: ${doc.creditReason ?? 'anges inte'}.`
      : `${doc.flowTitle}, period ${doc.period.text}.`;
  const withNote = doc.note === null || doc.note.trim() === '' ? head : `${head} ${doc.note}`;
  // Issue 1/5: a basis on example or forecast values says so in every export, here in the note.
  return doc.provenance.final
    ? withNote
    : `${withNote} Observera – beräknat på värden som inte är slutliga: ${doc.provenance.warnings.map((w) => w.text).join(' ')}`;
}

function writeLine(root: XMLBuilder, doc: InvoiceDocument, l: DocumentLine): void {
  const u = ublLine(l, doc.isCredit);
  const line = cac(root, doc.isCredit ? 'CreditNoteLine' : 'InvoiceLine');
  cbc(line, 'ID', String(l.lineNo));
  const notes = [
    l.clause === null ? null : `Avtalspunkt ${l.clause}`,
    l.reference === null ? null : `Referens ${l.reference}`,
    u.lumpSumNote,
  ].filter((x): x is string => x !== null);
  if (notes.length > 0) cbc(line, 'Note', notes.join('; '));
  cbc(line, doc.isCredit ? 'CreditedQuantity' : 'InvoicedQuantity', u.quantity, { unitCode: u.unitCode });
  money(line, 'LineExtensionAmount', u.amountOre);
  // A line date outside the invoice period would break PEPPOL-EN16931-R110/R111; it stays in the note then.
  if (l.date !== null && l.date >= doc.period.from && l.date <= doc.period.to) {
    const p = cac(line, 'InvoicePeriod');
    cbc(p, 'StartDate', l.date);
    cbc(p, 'EndDate', l.date);
  }
  const item = cac(line, 'Item');
  const name = cut(xmlText(l.description), ITEM_NAME_MAX);
  if (name !== xmlText(l.description)) cbc(item, 'Description', l.description);
  cbc(item, 'Name', name === '' ? doc.flowTitle : name);
  if (l.category !== null) cbc(cac(item, 'SellersItemIdentification'), 'ID', l.category);
  const tc = cac(item, 'ClassifiedTaxCategory');
  cbc(tc, 'ID', doc.vat.category);
  if (doc.vat.category === 'E') cbc(tc, 'Percent', '0');
  cbc(cac(tc, 'TaxScheme'), 'ID', 'VAT');
  const price = cac(line, 'Price');
  money(price, 'PriceAmount', u.priceOre);
  cbc(price, 'BaseQuantity', String(u.baseQuantity), { unitCode: u.unitCode });
}

/** The UBL XML of `doc`, without the final rule check (tests mutate this). */
export function buildUbl(doc: InvoiceDocument): string {
  checkParties(doc);
  const sum = doc.lines.reduce((s, l) => s + l.amountOre, 0);
  if (sum !== doc.totalOre)
    throw refuse(
      `Fakturaunderlaget ${doc.basisId}: raderna summerar till ${amountText(sum)} kr men totalen är ${amountText(doc.totalOre)} kr.`,
      'totalOre',
      doc.totalOre,
    );
  if (doc.lines.length === 0) throw refuse(`Fakturaunderlaget ${doc.basisId} har inga rader.`, 'lines', doc.basisId);
  const total = doc.isCredit ? -doc.totalOre : doc.totalOre;
  const credit = doc.isCredit;
  const xml = create({ version: '1.0', encoding: 'UTF-8' });
  const root = xml.ele(credit ? NS.creditNote : NS.invoice, credit ? 'CreditNote' : 'Invoice');
  root.att('http://www.w3.org/2000/xmlns/', 'xmlns:cac', NS.cac);
  root.att('http://www.w3.org/2000/xmlns/', 'xmlns:cbc', NS.cbc);
  cbc(root, 'CustomizationID', CUSTOMIZATION_ID);
  cbc(root, 'ProfileID', PROFILE_ID);
  cbc(root, 'ID', doc.invoiceNumber);
  cbc(root, 'IssueDate', doc.issueDate);
  // UBL's CreditNote has no DueDate; a credit note asks for no payment, so none is written there.
  if (!credit && doc.dueDate !== null) cbc(root, 'DueDate', doc.dueDate);
  cbc(root, credit ? 'CreditNoteTypeCode' : 'InvoiceTypeCode', doc.typeCode);
  cbc(root, 'Note', documentNote(doc));
  cbc(root, 'DocumentCurrencyCode', doc.currency);
  cbc(root, 'BuyerReference', doc.buyerReference);
  const period = cac(root, 'InvoicePeriod');
  cbc(period, 'StartDate', doc.period.from);
  cbc(period, 'EndDate', doc.period.to);
  if (credit && doc.credits !== null) {
    const ref = cac(cac(root, 'BillingReference'), 'InvoiceDocumentReference');
    cbc(ref, 'ID', doc.credits.invoiceNumber);
    cbc(ref, 'IssueDate', doc.credits.issueDate);
  }
  const withVat = doc.vat.category === 'E';
  writeParty(root, 'AccountingSupplierParty', doc.seller, withVat);
  writeParty(root, 'AccountingCustomerParty', doc.buyer, withVat);
  const pay = doc.seller.payment;
  if (!credit && pay !== null) {
    const pm = cac(root, 'PaymentMeans');
    cbc(pm, 'PaymentMeansCode', '30');
    cbc(pm, 'PaymentID', doc.invoiceNumber);
    const acc = cac(pm, 'PayeeFinancialAccount');
    cbc(acc, 'ID', pay.account.replace(/[\s-]/g, ''));
    cbc(cac(acc, 'FinancialInstitutionBranch'), 'ID', pay.kind === 'bankgiro' ? 'SE:BANKGIRO' : 'SE:PLUSGIRO');
  }
  const terms = credit
    ? `Kreditnota: ingen betalning. Beloppet ${amountText(total)} kr krediteras mot faktura ${doc.credits?.invoiceNumber ?? ''}.`
    : `Betalning ${String(doc.paymentTermsDays)} dagar netto${doc.dueDate === null ? '' : `, förfallodag ${doc.dueDate}`}. Ange fakturanummer ${doc.invoiceNumber} vid betalning.`;
  cbc(cac(root, 'PaymentTerms'), 'Note', terms);
  const tt = cac(root, 'TaxTotal');
  money(tt, 'TaxAmount', 0);
  const st = cac(tt, 'TaxSubtotal');
  money(st, 'TaxableAmount', total);
  money(st, 'TaxAmount', 0);
  const cat = cac(st, 'TaxCategory');
  cbc(cat, 'ID', doc.vat.category);
  if (doc.vat.category === 'E') cbc(cat, 'Percent', '0');
  if (doc.vat.exemptionCode !== null) cbc(cat, 'TaxExemptionReasonCode', doc.vat.exemptionCode);
  if (doc.vat.exemptionReason !== null) cbc(cat, 'TaxExemptionReason', doc.vat.exemptionReason);
  cbc(cac(cat, 'TaxScheme'), 'ID', 'VAT');
  const lmt = cac(root, 'LegalMonetaryTotal');
  money(lmt, 'LineExtensionAmount', total);
  money(lmt, 'TaxExclusiveAmount', total);
  money(lmt, 'TaxInclusiveAmount', total);
  money(lmt, 'PayableAmount', total);
  for (const l of doc.lines) writeLine(root, doc, l);
  return xml.end({ prettyPrint: true });
}

/** Peppol BIS Billing 3.0 XML of `doc`; refused (naming the rules) if it breaks any of the project's rules. */
export function renderUbl(doc: InvoiceDocument): string {
  const xml = buildUbl(doc);
  const broken = validatePeppol(xml);
  if (broken.length > 0) {
    const rules = [...new Set(broken.map((b) => b.rule))].join(', ');
    throw new SamverkanError(
      'SAMV_ERR_CONFLICT',
      `Peppol-fakturan för ${doc.invoiceNumber} klarar inte reglerna ${rules}: ${broken[0]?.message ?? ''}`,
      { field: 'peppol', value: doc.basisId },
      broken,
    );
  }
  return xml;
}
