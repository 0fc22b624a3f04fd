/**
 * The Peppol BIS Billing 3.0 rules that bear on our documents (PEPPOL-EN16931-R0xx/R1xx,
 * PEPPOL-COMMON-R049, the code lists we touch) and the Swedish SE-R-001 … SE-R-013. Read from
 * rules/sch/PEPPOL-EN16931-UBL.sch (OpenPEPPOL/peppol-bis-invoice-3).
 */
import { at, deep, descendants, kids, textOf, type XmlElement } from './xml-tree.js';
import { lineMatches, parseDec, round2, sum, ZERO, type Dec } from './decimal.js';
import { decOf, expect, isNumber, isSwedishOrgnr, partyOf, report, vatIds, type RuleContext } from './rule-context.js';

const CUSTOMIZATION = 'urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0';
const AMOUNTS = new Set([
  'cbc:Amount',
  'cbc:BaseAmount',
  'cbc:PriceAmount',
  'cbc:TaxableAmount',
  'cbc:LineExtensionAmount',
  'cbc:TaxExclusiveAmount',
  'cbc:TaxInclusiveAmount',
  'cbc:AllowanceTotalAmount',
  'cbc:ChargeTotalAmount',
  'cbc:PrepaidAmount',
  'cbc:PayableRoundingAmount',
  'cbc:PayableAmount',
]);
const INVOICE_TYPES = new Set('71 80 82 84 102 218 219 331 380 382 383 386 388 393 395 553 575 623 780 817 870 875 876 877'.split(' '));
const CREDIT_TYPES = new Set('381 396 81 83 532'.split(' '));
const EAID = new Set(
  '0002 0007 0009 0037 0060 0088 0096 0097 0106 0130 0135 0142 0151 0183 0184 0188 0190 0191 0192 0193 0195 0196 0198 0199 0200 0201 0202 0204 0208 0209 0210 0211 0212 0213 0215 0216 0218 0221 0230 9901 9910 9913 9914 9915 9918 9919 9920 9922 9923 9924 9925 9926 9927 9928 9929 9930 9931 9932 9933 9934 9935 9936 9937 9938 9939 9940 9941 9942 9943 9944 9945 9946 9947 9948 9949 9950 9951 9952 9953 9957 9959'.split(
    ' ',
  ),
);
const DATES = new Set(['cbc:IssueDate', 'cbc:DueDate', 'cbc:TaxPointDate', 'cbc:StartDate', 'cbc:EndDate', 'cbc:ActualDeliveryDate']);

function isDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

function documentRules(ctx: RuleContext): void {
  const r = ctx.root;
  const profile = textOf(at(r, 'cbc:ProfileID'));
  expect(ctx, at(r, 'cbc:ProfileID') !== null, 'PEPPOL-EN16931-R001', r, 'Affärsprocess (ProfileID) saknas.');
  expect(
    ctx,
    /urn:fdc:peppol\.eu:2017:poacc:billing:[0-9]{2}:1\.0/.test(profile),
    'PEPPOL-EN16931-R007',
    r,
    'ProfileID ska ha formen urn:fdc:peppol.eu:2017:poacc:billing:NN:1.0.',
  );
  expect(ctx, kids(r, 'cbc:Note').length <= 1, 'PEPPOL-EN16931-R002', r, 'Högst en anteckning (Note) på dokumentnivå.');
  expect(
    ctx,
    at(r, 'cbc:BuyerReference') !== null || at(r, 'cac:OrderReference', 'cbc:ID') !== null,
    'PEPPOL-EN16931-R003',
    r,
    'Köparens referens (BuyerReference, "Er referens") eller ordernummer saknas.',
  );
  expect(
    ctx,
    textOf(at(r, 'cbc:CustomizationID')).startsWith(CUSTOMIZATION),
    'PEPPOL-EN16931-R004',
    r,
    `CustomizationID ska vara ${CUSTOMIZATION}.`,
  );
  const taxTotals = kids(r, 'cac:TaxTotal');
  expect(
    ctx,
    taxTotals.filter((t) => kids(t, 'cac:TaxSubtotal').length > 0).length === 1,
    'PEPPOL-EN16931-R053',
    r,
    'Exakt en TaxTotal med momsspecifikation.',
  );
  expect(
    ctx,
    taxTotals.filter((t) => kids(t, 'cac:TaxSubtotal').length === 0).length === (at(r, 'cbc:TaxCurrencyCode') ? 1 : 0),
    'PEPPOL-EN16931-R054',
    r,
    'En TaxTotal utan specifikation endast när redovisningsvaluta anges.',
  );
  expect(
    ctx,
    at(partyOf(ctx, 'customer'), 'cbc:EndpointID') !== null,
    'PEPPOL-EN16931-R010',
    r,
    'Köparens elektroniska adress (EndpointID) saknas.',
  );
  expect(
    ctx,
    at(partyOf(ctx, 'supplier'), 'cbc:EndpointID') !== null,
    'PEPPOL-EN16931-R020',
    r,
    'Säljarens elektroniska adress (EndpointID) saknas.',
  );
  for (const pm of kids(r, 'cac:PaymentMeans')) {
    const code = textOf(at(pm, 'cbc:PaymentMeansCode'));
    if (code === '49' || code === '59')
      expect(ctx, at(pm, 'cac:PaymentMandate', 'cbc:ID') !== null, 'PEPPOL-EN16931-R061', pm, 'Autogiro kräver medgivandereferens.');
  }
  const typeCode = at(r, 'cbc:InvoiceTypeCode');
  if (typeCode)
    expect(
      ctx,
      profile !== 'urn:fdc:peppol.eu:2017:poacc:billing:01:1.0' || INVOICE_TYPES.has(textOf(typeCode)),
      'PEPPOL-EN16931-P0100',
      typeCode,
      `Fakturatypkoden ${textOf(typeCode)} är inte tillåten.`,
    );
  const creditCode = at(r, 'cbc:CreditNoteTypeCode');
  if (creditCode)
    expect(
      ctx,
      profile !== 'urn:fdc:peppol.eu:2017:poacc:billing:01:1.0' || CREDIT_TYPES.has(textOf(creditCode)),
      'PEPPOL-EN16931-P0101',
      creditCode,
      `Kreditnotans typkod ${textOf(creditCode)} är inte tillåten.`,
    );
}

function elementRules(ctx: RuleContext): void {
  const all_ = [ctx.root, ...descendants(ctx.root)];
  for (const el of all_) {
    if (el.children.length === 0 && textOf(el) === '') report(ctx, 'PEPPOL-EN16931-R008', el, `Tomt element ${el.name}.`);
    const isTaxTotalAmount = el.name === 'cbc:TaxAmount' && el.parent?.name === 'cac:TaxTotal';
    const withSubtotals = isTaxTotalAmount && kids(el.parent, 'cac:TaxSubtotal').length > 0;
    if (AMOUNTS.has(el.name) || withSubtotals || (el.name === 'cbc:TaxAmount' && el.parent?.name === 'cac:TaxSubtotal')) {
      expect(
        ctx,
        el.attrs.currencyID === ctx.currency,
        'PEPPOL-EN16931-R051',
        el,
        `Beloppet ${el.name} har valutan ${el.attrs.currencyID ?? '(ingen)'}, dokumentets är ${ctx.currency}.`,
      );
    }
    if (DATES.has(el.name)) expect(ctx, isDate(textOf(el)), 'PEPPOL-EN16931-F001', el, `Datumet ${textOf(el)} ska skrivas ÅÅÅÅ-MM-DD.`);
    if (el.name === 'cbc:EndpointID' && el.attrs.schemeID !== undefined)
      expect(
        ctx,
        EAID.has(el.attrs.schemeID),
        'PEPPOL-EN16931-CL008',
        el,
        `Adresschemat ${el.attrs.schemeID} finns inte i Peppols kodlista.`,
      );
    const is0007 =
      el.attrs.schemeID === '0007' &&
      (el.name === 'cbc:EndpointID' ||
        el.name === 'cbc:CompanyID' ||
        (el.name === 'cbc:ID' && el.parent?.name === 'cac:PartyIdentification'));
    if (is0007) {
      const v = textOf(el);
      expect(
        ctx,
        v.length === 10 && isNumber(v) && isSwedishOrgnr(v),
        'PEPPOL-COMMON-R049',
        el,
        `Organisationsnumret ${v} (schema 0007) ska vara tio siffror med giltig kontrollsiffra (Luhn).`,
      );
    }
  }
}

function lineRules(ctx: RuleContext): void {
  const r = ctx.root;
  const qName = ctx.isInvoice ? 'cbc:InvoicedQuantity' : 'cbc:CreditedQuantity';
  const docStart = textOf(at(r, 'cac:InvoicePeriod', 'cbc:StartDate'));
  const docEnd = textOf(at(r, 'cac:InvoicePeriod', 'cbc:EndDate'));
  const slack = parseDec('0.02') ?? ZERO;
  for (const line of ctx.lines) {
    const amount = decOf(at(line, 'cbc:LineExtensionAmount')) ?? ZERO;
    const quantity = at(line, qName) ? (decOf(at(line, qName)) ?? ZERO) : { n: 1n, scale: 0 };
    const price = decOf(at(line, 'cac:Price', 'cbc:PriceAmount')) ?? ZERO;
    const baseEl = at(line, 'cac:Price', 'cbc:BaseQuantity');
    const baseDec = decOf(baseEl);
    const base: Dec = baseDec && baseDec.n !== 0n ? baseDec : { n: 1n, scale: 0 };
    const acSum = (charge: boolean): Dec =>
      round2(
        sum(
          kids(line, 'cac:AllowanceCharge')
            .filter((a) => textOf(at(a, 'cbc:ChargeIndicator')) === String(charge))
            .map((a) => decOf(at(a, 'cbc:Amount')) ?? ZERO),
        ),
      );
    const charges = acSum(true);
    const allowances = acSum(false);
    const extra: Dec = {
      n:
        charges.n * 10n ** BigInt(Math.max(0, allowances.scale - charges.scale)) -
        allowances.n * 10n ** BigInt(Math.max(0, charges.scale - allowances.scale)),
      scale: Math.max(charges.scale, allowances.scale),
    };
    expect(
      ctx,
      lineMatches(amount, quantity, price, base, extra, slack),
      'PEPPOL-EN16931-R120',
      line,
      `Radbeloppet ${textOf(at(line, 'cbc:LineExtensionAmount'))} ≠ antal × pris / baskvantitet (± 0,02).`,
    );
    expect(
      ctx,
      baseEl === null || (baseDec !== null && baseDec.n > 0n),
      'PEPPOL-EN16931-R121',
      line,
      'Baskvantiteten ska vara större än noll.',
    );
    if (baseEl && baseEl.attrs.unitCode !== undefined && at(line, qName)) {
      expect(
        ctx,
        baseEl.attrs.unitCode === at(line, qName)?.attrs.unitCode,
        'PEPPOL-EN16931-R130',
        baseEl,
        'Baskvantitetens enhet ska vara densamma som antalets.',
      );
    }
    expect(ctx, kids(line, 'cac:DocumentReference').length <= 1, 'PEPPOL-EN16931-R100', line, 'Högst ett fakturerat objekt per rad.');
    for (const lp of kids(line, 'cac:InvoicePeriod')) {
      const s = at(lp, 'cbc:StartDate');
      const e = at(lp, 'cbc:EndDate');
      if (s && docStart !== '')
        expect(ctx, textOf(s) >= docStart, 'PEPPOL-EN16931-R110', s, 'Radperiodens start ligger före fakturaperioden.');
      if (e && docEnd !== '') expect(ctx, textOf(e) <= docEnd, 'PEPPOL-EN16931-R111', e, 'Radperiodens slut ligger efter fakturaperioden.');
    }
  }
}

function swedishRules(ctx: RuleContext): void {
  const r = ctx.root;
  const supplier = partyOf(ctx, 'supplier');
  const customer = partyOf(ctx, 'customer');
  const country = (p: XmlElement | null): string => textOf(at(p, 'cac:PostalAddress', 'cac:Country', 'cbc:IdentificationCode'));
  if (!supplier || country(supplier) !== 'SE') return;
  const vat = vatIds(supplier);
  if (vat.some((v) => textOf(v).slice(0, 2) === 'SE')) {
    const id = textOf(vat[0] ?? null);
    expect(ctx, id.length === 14, 'SE-R-001', supplier, `Svenskt momsregistreringsnummer ska ha 14 tecken (${id}).`);
    expect(ctx, isNumber(id.slice(2, 14)), 'SE-R-002', supplier, `Svenskt momsregistreringsnummer ska sluta med tolv siffror (${id}).`);
    for (const c of deep(r, 'cac:TaxCategory')
      .concat(deep(r, 'cac:ClassifiedTaxCategory'))
      .filter((c) => textOf(at(c, 'cbc:ID')) === 'S')) {
      const p = decOf(at(c, 'cbc:Percent'));
      const ok = p !== null && [25n, 12n, 6n].some((x) => p.n === x * 10n ** BigInt(p.scale));
      expect(ctx, ok, 'SE-R-006', c, 'Svenska säljare använder momssatserna 25, 12 eller 6 %.');
    }
  }
  for (const le of kids(supplier, 'cac:PartyLegalEntity')) {
    const id = at(le, 'cbc:CompanyID');
    if (!id) continue;
    const v = textOf(id);
    expect(ctx, isNumber(v), 'SE-R-003', le, `Organisationsnumret ${v} ska vara numeriskt.`, 'warning');
    expect(ctx, v.length === 10, 'SE-R-004', le, `Organisationsnumret ${v} ska ha tio tecken.`, 'warning');
    expect(ctx, isSwedishOrgnr(v), 'SE-R-013', le, `Organisationsnumrets kontrollsiffra (Luhn) stämmer inte: ${v}.`, 'warning');
  }
  if (at(supplier, 'cac:PartyLegalEntity', 'cbc:CompanyID')) {
    for (const pts of kids(supplier, 'cac:PartyTaxScheme').filter(
      (p) => textOf(at(p, 'cac:TaxScheme', 'cbc:ID')).toUpperCase() !== 'VAT',
    )) {
      for (const id of kids(pts, 'cbc:CompanyID'))
        expect(
          ctx,
          textOf(id).toUpperCase() === 'GODKÄND FÖR F-SKATT',
          'SE-R-005',
          id,
          'Skatteregistrering för svensk säljare ska vara "Godkänd för F-skatt".',
        );
    }
  }
  for (const pm of kids(r, 'cac:PaymentMeans')) {
    const code = textOf(at(pm, 'cbc:PaymentMeansCode'));
    const branch = textOf(at(pm, 'cac:PayeeFinancialAccount', 'cac:FinancialInstitutionBranch', 'cbc:ID'));
    const account = at(pm, 'cac:PayeeFinancialAccount', 'cbc:ID');
    const v = textOf(account);
    if (code === '30' && branch === 'SE:PLUSGIRO' && account) {
      expect(ctx, isNumber(v), 'SE-R-007', account, `Plusgironumret ${v} ska vara numeriskt.`, 'warning');
      expect(ctx, v.length >= 2 && v.length <= 8, 'SE-R-010', account, `Plusgironumret ${v} ska ha 2–8 tecken.`, 'warning');
    }
    if (code === '30' && branch === 'SE:BANKGIRO' && account) {
      expect(ctx, isNumber(v), 'SE-R-008', account, `Bankgironumret ${v} ska vara numeriskt.`, 'warning');
      expect(ctx, v.length === 7 || v.length === 8, 'SE-R-009', account, `Bankgironumret ${v} ska ha 7–8 tecken.`, 'warning');
    }
    expect(
      ctx,
      code !== '50' && code !== '56',
      'SE-R-011',
      pm,
      'Bankgiro och plusgiro anges med betalningssätt 30 och SE:BANKGIRO/SE:PLUSGIRO.',
      'warning',
    );
    if (country(customer) === 'SE')
      expect(ctx, code !== '31', 'SE-R-012', pm, 'Inrikes överföring mellan svenska parter anges med betalningssätt 30.', 'warning');
  }
}

/** Run the Peppol and Swedish rules. */
export function peppolRules(ctx: RuleContext): void {
  documentRules(ctx);
  elementRules(ctx);
  lineRules(ctx);
  swedishRules(ctx);
}
