/**
 * The CEN EN 16931 (UBL binding) rules that bear on our documents: mandatory elements (BR-01 …
 * BR-63), totals that add up (BR-CO-10 … BR-CO-26) and at most two decimals (BR-DEC-*). Read from
 * OpenPEPPOL/peppol-bis-invoice-3 rules/sch/CEN-EN16931-UBL.sch and written as TypeScript over the
 * parsed document; the VAT category rules are in cen-vat-rules.ts.
 */
import { all, at, deep, kids, textOf, type XmlElement } from './xml-tree.js';
import { add, cmp, decimalsWritten, eq, round2, roundInt, sub, sum, ZERO, type Dec } from './decimal.js';
import { decOf, documentAllowances, expect, isVatCategory, partyOf, vatIds, type RuleContext } from './rule-context.js';

const COUNTRY_PREFIXES = new Set(
  'AD AE AF AG AI AL AM AN AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BL BJ BM BN BO BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CX CY CZ DE DJ DK DM DO DZ EC EE EG EH EL ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR ST SV SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW'.split(
    ' ',
  ),
);

const filled = (el: XmlElement | null): boolean => textOf(el) !== '';

function maxTwo(ctx: RuleContext, rule: string, el: XmlElement | null, what: string): void {
  if (el) expect(ctx, decimalsWritten(textOf(el)) <= 2, rule, el, `${what} får ha högst två decimaler (${textOf(el)}).`);
}

function documentLevel(ctx: RuleContext): void {
  const r = ctx.root;
  const supplier = partyOf(ctx, 'supplier');
  const customer = partyOf(ctx, 'customer');
  expect(ctx, filled(at(r, 'cbc:CustomizationID')), 'BR-01', r, 'Specifikationsidentitet (CustomizationID) saknas.');
  expect(ctx, filled(at(r, 'cbc:ID')), 'BR-02', r, 'Fakturanummer (ID) saknas.');
  expect(ctx, filled(at(r, 'cbc:IssueDate')), 'BR-03', r, 'Fakturadatum (IssueDate) saknas.');
  expect(ctx, filled(at(r, 'cbc:InvoiceTypeCode')) || filled(at(r, 'cbc:CreditNoteTypeCode')), 'BR-04', r, 'Fakturatypkod saknas.');
  expect(ctx, filled(at(r, 'cbc:DocumentCurrencyCode')), 'BR-05', r, 'Valutakod (DocumentCurrencyCode) saknas.');
  expect(
    ctx,
    filled(at(supplier, 'cac:PartyLegalEntity', 'cbc:RegistrationName')),
    'BR-06',
    r,
    'Säljarens namn (PartyLegalEntity/RegistrationName) saknas.',
  );
  expect(
    ctx,
    filled(at(customer, 'cac:PartyLegalEntity', 'cbc:RegistrationName')),
    'BR-07',
    r,
    'Köparens namn (PartyLegalEntity/RegistrationName) saknas.',
  );
  expect(ctx, at(supplier, 'cac:PostalAddress') !== null, 'BR-08', r, 'Säljarens postadress saknas.');
  expect(ctx, at(customer, 'cac:PostalAddress') !== null, 'BR-10', r, 'Köparens postadress saknas.');
  expect(ctx, ctx.lines.length > 0, 'BR-16', r, 'Fakturan har ingen rad.');
  for (const a of all(supplier, 'cac:PostalAddress'))
    expect(ctx, filled(at(a, 'cac:Country', 'cbc:IdentificationCode')), 'BR-09', a, 'Säljarens landskod saknas.');
  for (const a of all(customer, 'cac:PostalAddress'))
    expect(ctx, filled(at(a, 'cac:Country', 'cbc:IdentificationCode')), 'BR-11', a, 'Köparens landskod saknas.');
  for (const e of all(supplier, 'cbc:EndpointID'))
    expect(ctx, e.attrs.schemeID !== undefined, 'BR-62', e, 'Säljarens elektroniska adress saknar schemeID.');
  for (const e of all(customer, 'cbc:EndpointID'))
    expect(ctx, e.attrs.schemeID !== undefined, 'BR-63', e, 'Köparens elektroniska adress saknar schemeID.');
  const supplierParty = at(r, 'cac:AccountingSupplierParty');
  if (supplierParty) {
    expect(
      ctx,
      vatIds(supplier).length > 0 ||
        at(supplier, 'cac:PartyIdentification', 'cbc:ID') !== null ||
        at(supplier, 'cac:PartyLegalEntity', 'cbc:CompanyID') !== null,
      'BR-CO-26',
      supplierParty,
      'Säljaren saknar identifierare (PartyIdentification, organisationsnummer eller momsregistreringsnummer).',
    );
  }
  for (const br of kids(r, 'cac:BillingReference'))
    expect(
      ctx,
      at(br, 'cac:InvoiceDocumentReference', 'cbc:ID') !== null,
      'BR-55',
      br,
      'Referensen till tidigare faktura saknar fakturanummer.',
    );
  for (const pts of deep(r, 'cac:PartyTaxScheme').filter(isVatCategory)) {
    const id = textOf(at(pts, 'cbc:CompanyID'));
    expect(ctx, COUNTRY_PREFIXES.has(id.slice(0, 2)), 'BR-CO-09', pts, `Momsregistreringsnumret ${id} börjar inte med en landskod.`);
  }
  for (const pm of kids(r, 'cac:PaymentMeans')) {
    const code = textOf(at(pm, 'cbc:PaymentMeansCode'));
    expect(ctx, at(pm, 'cbc:PaymentMeansCode') !== null, 'BR-49', pm, 'Betalningssätt saknar kod (PaymentMeansCode).');
    expect(
      ctx,
      !(code === '30' || code === '58') || at(pm, 'cac:PayeeFinancialAccount', 'cbc:ID') !== null,
      'BR-61',
      pm,
      'Kontonummer (PayeeFinancialAccount/ID) saknas för betalning via överföring.',
    );
    for (const acc of kids(pm, 'cac:PayeeFinancialAccount'))
      if (code === '30' || code === '58') expect(ctx, filled(at(acc, 'cbc:ID')), 'BR-50', acc, 'Kontonummer saknas.');
  }
  const periods = kids(r, 'cac:InvoicePeriod');
  for (const p of periods) {
    const s = textOf(at(p, 'cbc:StartDate'));
    const e = textOf(at(p, 'cbc:EndDate'));
    expect(ctx, s === '' || e === '' || e >= s, 'BR-29', p, `Fakturaperiodens slutdatum ${e} ligger före startdatum ${s}.`);
    const dated = s !== '' || e !== '';
    const coded = at(p, 'cbc:DescriptionCode') !== null;
    expect(ctx, (dated && !coded) || (coded && !dated), 'BR-CO-19', p, 'Fakturaperioden måste ha startdatum och/eller slutdatum.');
  }
  expect(ctx, all(r, 'cac:TaxTotal', 'cac:TaxSubtotal').length > 0, 'BR-CO-18', r, 'Momsspecifikation (TaxSubtotal) saknas.');
}

function lineLevel(ctx: RuleContext): void {
  const qName = ctx.isInvoice ? 'cbc:InvoicedQuantity' : 'cbc:CreditedQuantity';
  for (const line of ctx.lines) {
    expect(ctx, filled(at(line, 'cbc:ID')), 'BR-21', line, 'Raden saknar radnummer.');
    expect(ctx, at(line, qName) !== null, 'BR-22', line, 'Raden saknar antal.');
    expect(ctx, at(line, qName)?.attrs.unitCode !== undefined, 'BR-23', line, 'Raden saknar enhetskod (unitCode).');
    expect(ctx, at(line, 'cbc:LineExtensionAmount') !== null, 'BR-24', line, 'Raden saknar radbelopp.');
    expect(ctx, filled(at(line, 'cac:Item', 'cbc:Name')), 'BR-25', line, 'Raden saknar artikelnamn.');
    const price = at(line, 'cac:Price', 'cbc:PriceAmount');
    expect(ctx, price !== null, 'BR-26', line, 'Raden saknar pris.');
    const p = decOf(price);
    expect(ctx, p !== null && p.n >= 0n, 'BR-27', line, `Priset får inte vara negativt (${textOf(price)}).`);
    const gross = decOf(at(line, 'cac:Price', 'cac:AllowanceCharge', 'cbc:BaseAmount'));
    expect(ctx, gross === null || gross.n >= 0n, 'BR-28', line, 'Bruttopriset får inte vara negativt.');
    expect(
      ctx,
      kids(at(line, 'cac:Item'), 'cac:ClassifiedTaxCategory').some((c) => isVatCategory(c) && at(c, 'cbc:ID') !== null),
      'BR-CO-04',
      line,
      'Raden saknar momskategori (ClassifiedTaxCategory).',
    );
    maxTwo(ctx, 'BR-DEC-23', at(line, 'cbc:LineExtensionAmount'), 'Radbeloppet');
    for (const ac of kids(line, 'cac:AllowanceCharge')) {
      const charge = textOf(at(ac, 'cbc:ChargeIndicator')) === 'true';
      maxTwo(ctx, charge ? 'BR-DEC-27' : 'BR-DEC-24', at(ac, 'cbc:Amount'), 'Radens avgift/rabatt');
      maxTwo(ctx, charge ? 'BR-DEC-28' : 'BR-DEC-25', at(ac, 'cbc:BaseAmount'), 'Radens avgifts-/rabattunderlag');
    }
    for (const lp of kids(line, 'cac:InvoicePeriod')) {
      const s = textOf(at(lp, 'cbc:StartDate'));
      const e = textOf(at(lp, 'cbc:EndDate'));
      expect(ctx, s === '' || e === '' || e >= s, 'BR-30', lp, `Radperiodens slutdatum ${e} ligger före startdatum ${s}.`);
      expect(ctx, s !== '' || e !== '', 'BR-CO-20', lp, 'Radperioden måste ha startdatum och/eller slutdatum.');
    }
  }
}

const amountOf = (el: XmlElement | null): Dec | null => decOf(el);

function totals(ctx: RuleContext): void {
  const r = ctx.root;
  for (const ac of kids(r, 'cac:AllowanceCharge')) {
    const charge = textOf(at(ac, 'cbc:ChargeIndicator')) === 'true';
    maxTwo(ctx, charge ? 'BR-DEC-05' : 'BR-DEC-01', at(ac, 'cbc:Amount'), 'Dokumentets avgift/rabatt');
    maxTwo(ctx, charge ? 'BR-DEC-06' : 'BR-DEC-02', at(ac, 'cbc:BaseAmount'), 'Dokumentets avgifts-/rabattunderlag');
  }
  const lmt = at(r, 'cac:LegalMonetaryTotal');
  if (lmt) {
    const f = (n: string): XmlElement | null => at(lmt, n);
    expect(ctx, f('cbc:LineExtensionAmount') !== null, 'BR-12', lmt, 'Summa radbelopp (LineExtensionAmount) saknas.');
    expect(ctx, f('cbc:TaxExclusiveAmount') !== null, 'BR-13', lmt, 'Belopp utan moms (TaxExclusiveAmount) saknas.');
    expect(ctx, f('cbc:TaxInclusiveAmount') !== null, 'BR-14', lmt, 'Belopp med moms (TaxInclusiveAmount) saknas.');
    expect(ctx, f('cbc:PayableAmount') !== null, 'BR-15', lmt, 'Belopp att betala (PayableAmount) saknas.');
    const lineSum = round2(sum(ctx.lines.map((l) => amountOf(at(l, 'cbc:LineExtensionAmount')) ?? ZERO)));
    const lea = amountOf(f('cbc:LineExtensionAmount'));
    expect(
      ctx,
      lea !== null && eq(lea, lineSum),
      'BR-CO-10',
      lmt,
      `Summa radbelopp ${textOf(f('cbc:LineExtensionAmount'))} är inte summan av raderna.`,
    );
    const allowances = round2(sum(documentAllowances(ctx, false).map((a) => amountOf(at(a, 'cbc:Amount')) ?? ZERO)));
    const charges = round2(sum(documentAllowances(ctx, true).map((a) => amountOf(at(a, 'cbc:Amount')) ?? ZERO)));
    const allowanceTotal = amountOf(f('cbc:AllowanceTotalAmount'));
    const chargeTotal = amountOf(f('cbc:ChargeTotalAmount'));
    expect(
      ctx,
      allowanceTotal === null ? documentAllowances(ctx, false).length === 0 : eq(allowanceTotal, allowances),
      'BR-CO-11',
      lmt,
      'Summa rabatter stämmer inte med dokumentets rabatter.',
    );
    expect(
      ctx,
      chargeTotal === null ? documentAllowances(ctx, true).length === 0 : eq(chargeTotal, charges),
      'BR-CO-12',
      lmt,
      'Summa avgifter stämmer inte med dokumentets avgifter.',
    );
    const exclusive = amountOf(f('cbc:TaxExclusiveAmount'));
    if (lea !== null) {
      const expected = round2(sub(add(lea, chargeTotal ?? ZERO), allowanceTotal ?? ZERO));
      expect(
        ctx,
        exclusive !== null && eq(exclusive, expected),
        'BR-CO-13',
        lmt,
        `Belopp utan moms ${textOf(f('cbc:TaxExclusiveAmount'))} ≠ summa rader − rabatter + avgifter.`,
      );
    }
    const taxAmount = amountOf(
      kids(r, 'cac:TaxTotal')
        .flatMap((t) => kids(t, 'cbc:TaxAmount'))
        .find((t) => t.attrs.currencyID === ctx.currency) ?? null,
    );
    const inclusive = amountOf(f('cbc:TaxInclusiveAmount'));
    if (exclusive !== null)
      expect(
        ctx,
        inclusive !== null && eq(inclusive, round2(add(exclusive, taxAmount ?? ZERO))),
        'BR-CO-15',
        r,
        `Belopp med moms ${textOf(f('cbc:TaxInclusiveAmount'))} ≠ belopp utan moms + moms.`,
      );
    const payable = amountOf(f('cbc:PayableAmount'));
    if (inclusive !== null) {
      const expected = round2(
        add(sub(inclusive, amountOf(f('cbc:PrepaidAmount')) ?? ZERO), amountOf(f('cbc:PayableRoundingAmount')) ?? ZERO),
      );
      expect(
        ctx,
        payable !== null && eq(payable, expected),
        'BR-CO-16',
        lmt,
        `Belopp att betala ${textOf(f('cbc:PayableAmount'))} ≠ belopp med moms − förskott + avrundning.`,
      );
    }
    const decRules: readonly [string, string, string][] = [
      ['BR-DEC-09', 'cbc:LineExtensionAmount', 'Summa radbelopp'],
      ['BR-DEC-10', 'cbc:AllowanceTotalAmount', 'Summa rabatter'],
      ['BR-DEC-11', 'cbc:ChargeTotalAmount', 'Summa avgifter'],
      ['BR-DEC-12', 'cbc:TaxExclusiveAmount', 'Belopp utan moms'],
      ['BR-DEC-14', 'cbc:TaxInclusiveAmount', 'Belopp med moms'],
      ['BR-DEC-16', 'cbc:PrepaidAmount', 'Förskott'],
      ['BR-DEC-17', 'cbc:PayableRoundingAmount', 'Avrundning'],
      ['BR-DEC-18', 'cbc:PayableAmount', 'Belopp att betala'],
    ];
    for (const [rule, name, what] of decRules) maxTwo(ctx, rule, f(name), what);
    if (ctx.isInvoice && payable !== null && payable.n > 0n) {
      expect(
        ctx,
        deep(r, 'cbc:DueDate').length > 0 || all(r, 'cac:PaymentTerms', 'cbc:Note').length > 0,
        'BR-CO-25',
        lmt,
        'Ett positivt belopp att betala kräver förfallodag (DueDate) eller betalningsvillkor (PaymentTerms).',
      );
    }
  }
  for (const tt of kids(r, 'cac:TaxTotal')) {
    const subs = kids(tt, 'cac:TaxSubtotal');
    const total = amountOf(at(tt, 'cbc:TaxAmount'));
    if (subs.length > 0)
      expect(
        ctx,
        total !== null && eq(total, round2(sum(subs.map((s) => amountOf(at(s, 'cbc:TaxAmount')) ?? ZERO)))),
        'BR-CO-14',
        tt,
        'Total moms ≠ summan av momsspecifikationens belopp.',
      );
    const ta = at(tt, 'cbc:TaxAmount');
    if (ta && ta.attrs.currencyID === ctx.currency) maxTwo(ctx, 'BR-DEC-13', ta, 'Total moms');
    if (ta && ta.attrs.currencyID !== ctx.currency) maxTwo(ctx, 'BR-DEC-15', ta, 'Total moms i redovisningsvaluta');
    for (const s of subs) subtotal(ctx, s);
  }
}

function subtotal(ctx: RuleContext, s: XmlElement): void {
  const cat = kids(s, 'cac:TaxCategory').find(isVatCategory) ?? null;
  expect(ctx, at(s, 'cbc:TaxableAmount') !== null, 'BR-45', s, 'Momsspecifikationen saknar underlag (TaxableAmount).');
  expect(ctx, at(s, 'cbc:TaxAmount') !== null, 'BR-46', s, 'Momsspecifikationen saknar momsbelopp (TaxAmount).');
  expect(ctx, at(cat, 'cbc:ID') !== null, 'BR-47', s, 'Momsspecifikationen saknar momskategori.');
  expect(
    ctx,
    at(cat, 'cbc:Percent') !== null || textOf(at(cat, 'cbc:ID')) === 'O',
    'BR-48',
    s,
    'Momsspecifikationen saknar momssats (utom för kategori O).',
  );
  maxTwo(ctx, 'BR-DEC-19', at(s, 'cbc:TaxableAmount'), 'Momsunderlaget');
  maxTwo(ctx, 'BR-DEC-20', at(s, 'cbc:TaxAmount'), 'Momsbeloppet');
  const tax = decOf(at(s, 'cbc:TaxAmount'));
  const taxable = decOf(at(s, 'cbc:TaxableAmount'));
  const pct = decOf(at(cat, 'cbc:Percent'));
  let ok: boolean;
  if (tax === null) ok = false;
  else if (pct === null || roundInt(pct) === 0n) ok = roundInt(tax) === 0n;
  else {
    const abs = (d: Dec): Dec => (d.n < 0n ? { n: -d.n, scale: d.scale } : d);
    const expected = round2({ n: abs(taxable ?? ZERO).n * pct.n, scale: (taxable ?? ZERO).scale + pct.scale + 2 });
    const one: Dec = { n: 1n, scale: 0 };
    ok = cmp(sub(abs(tax), one), expected) < 0 && cmp(add(abs(tax), one), expected) > 0;
  }
  expect(ctx, ok, 'BR-CO-17', s, 'Momsbeloppet ≠ underlag × momssats / 100.');
}

/** Run the core CEN rules. */
export function cenCoreRules(ctx: RuleContext): void {
  documentLevel(ctx);
  lineLevel(ctx);
  totals(ctx);
}
