/**
 * The CEN EN 16931 VAT category rules for the categories we use (E exempt, O not subject to VAT)
 * and for S (standard rated, which the official examples use): BR-E-01 … 10, BR-O-01 … 14,
 * BR-S-01 … 10. Read from rules/sch/CEN-EN16931-UBL.sch (OpenPEPPOL/peppol-bis-invoice-3).
 */
import { all, at, deep, kids, textOf, type XmlElement } from './xml-tree.js';
import { add, cmp, eq, round2, sub, sum, ZERO, type Dec } from './decimal.js';
import { decOf, documentAllowances, expect, isVatCategory, partyOf, vatIds, type RuleContext } from './rule-context.js';

const catId = (c: XmlElement): string => textOf(at(c, 'cbc:ID'));
const ONE: Dec = { n: 1n, scale: 0 };

/** Every VAT tax category of the document (breakdown, allowances, charges) and every line category. */
function categories(ctx: RuleContext): { readonly tax: XmlElement[]; readonly classified: XmlElement[] } {
  return {
    tax: deep(ctx.root, 'cac:TaxCategory').filter(isVatCategory),
    classified: deep(ctx.root, 'cac:ClassifiedTaxCategory').filter(isVatCategory),
  };
}

function breakdown(ctx: RuleContext): XmlElement[] {
  return all(ctx.root, 'cac:TaxTotal', 'cac:TaxSubtotal', 'cac:TaxCategory').filter(isVatCategory);
}

const lineCategory = (line: XmlElement): string => textOf(at(line, 'cac:Item', 'cac:ClassifiedTaxCategory', 'cbc:ID'));

/** Σ line net (category `code`, optionally rate `rate`) + charges − allowances of that category. */
function categoryBase(ctx: RuleContext, code: string, rate: Dec | null): Dec {
  const rateOk = (c: XmlElement | null): boolean =>
    rate === null || (decOf(at(c, 'cbc:Percent')) !== null && eq(decOf(at(c, 'cbc:Percent')) ?? ZERO, rate));
  const lines = ctx.lines.filter((l) => lineCategory(l) === code && rateOk(at(l, 'cac:Item', 'cac:ClassifiedTaxCategory')));
  const ac = (charge: boolean): Dec =>
    sum(
      documentAllowances(ctx, charge)
        .filter((a) => textOf(at(a, 'cac:TaxCategory', 'cbc:ID')) === code && rateOk(at(a, 'cac:TaxCategory')))
        .map((a) => decOf(at(a, 'cbc:Amount')) ?? ZERO),
    );
  return sub(add(sum(lines.map((l) => decOf(at(l, 'cbc:LineExtensionAmount')) ?? ZERO)), ac(true)), ac(false));
}

function sellerHasTaxId(ctx: RuleContext): boolean {
  const supplier = partyOf(ctx, 'supplier');
  const rep = at(ctx.root, 'cac:TaxRepresentativeParty');
  return all(supplier, 'cac:PartyTaxScheme', 'cbc:CompanyID').length > 0 || vatIds(rep).length > 0;
}

function noVatIds(ctx: RuleContext): boolean {
  return (
    vatIds(partyOf(ctx, 'supplier')).length === 0 &&
    vatIds(at(ctx.root, 'cac:TaxRepresentativeParty')).length === 0 &&
    vatIds(partyOf(ctx, 'customer')).length === 0
  );
}

function exempt(ctx: RuleContext): void {
  const { tax, classified } = categories(ctx);
  const r = ctx.root;
  const used = [...tax, ...classified].some((c) => catId(c) === 'E');
  const inBreakdown = breakdown(ctx).filter((c) => catId(c) === 'E');
  expect(ctx, !used || inBreakdown.length === 1, 'BR-E-01', r, 'Momskategori E (undantagen) ska förekomma i exakt en momsspecifikation.');
  const lineE = classified.filter((c) => catId(c) === 'E');
  expect(
    ctx,
    lineE.length === 0 || sellerHasTaxId(ctx),
    'BR-E-02',
    r,
    'Rader med momskategori E kräver säljarens momsregistreringsnummer (eller skatteregistrering).',
  );
  expect(
    ctx,
    !documentAllowances(ctx, false).some((a) => textOf(at(a, 'cac:TaxCategory', 'cbc:ID')) === 'E') || sellerHasTaxId(ctx),
    'BR-E-03',
    r,
    'Rabatt med momskategori E kräver säljarens momsregistreringsnummer.',
  );
  expect(
    ctx,
    !documentAllowances(ctx, true).some((a) => textOf(at(a, 'cac:TaxCategory', 'cbc:ID')) === 'E') || sellerHasTaxId(ctx),
    'BR-E-04',
    r,
    'Avgift med momskategori E kräver säljarens momsregistreringsnummer.',
  );
  for (const c of lineE)
    expect(ctx, eq(decOf(at(c, 'cbc:Percent')) ?? ONE, ZERO), 'BR-E-05', c, 'Rad med momskategori E ska ha momssats 0.');
  for (const [charge, rule] of [
    [false, 'BR-E-06'],
    [true, 'BR-E-07'],
  ] as const) {
    for (const a of documentAllowances(ctx, charge)) {
      const c = at(a, 'cac:TaxCategory');
      if (c && catId(c) === 'E' && isVatCategory(c))
        expect(ctx, eq(decOf(at(c, 'cbc:Percent')) ?? ONE, ZERO), rule, c, 'Momskategori E ska ha momssats 0.');
    }
  }
  for (const c of inBreakdown) {
    const s = c.parent;
    if (!s) continue;
    const taxable = decOf(at(s, 'cbc:TaxableAmount'));
    expect(
      ctx,
      taxable !== null && eq(taxable, categoryBase(ctx, 'E', null)),
      'BR-E-08',
      s,
      'Underlaget för kategori E ≠ summan av radbeloppen med kategori E.',
    );
    expect(ctx, eq(decOf(at(s, 'cbc:TaxAmount')) ?? ONE, ZERO), 'BR-E-09', s, 'Momsbeloppet för kategori E ska vara 0.');
    expect(
      ctx,
      at(c, 'cbc:TaxExemptionReason') !== null || at(c, 'cbc:TaxExemptionReasonCode') !== null,
      'BR-E-10',
      c,
      'Kategori E kräver skäl för undantag (TaxExemptionReason eller TaxExemptionReasonCode).',
    );
  }
}

function outside(ctx: RuleContext): void {
  const { tax, classified } = categories(ctx);
  const r = ctx.root;
  const used = [...tax, ...classified].some((c) => catId(c) === 'O');
  const inBreakdown = breakdown(ctx).filter((c) => catId(c) === 'O');
  expect(
    ctx,
    !used || inBreakdown.length === 1,
    'BR-O-01',
    r,
    'Momskategori O (utanför momsens tillämpningsområde) ska förekomma i exakt en momsspecifikation.',
  );
  const lineO = classified.filter((c) => catId(c) === 'O');
  expect(
    ctx,
    lineO.length === 0 || noVatIds(ctx),
    'BR-O-02',
    r,
    'Rader med momskategori O får inte ha säljarens eller köparens momsregistreringsnummer.',
  );
  expect(
    ctx,
    !kids(r, 'cac:AllowanceCharge').some(
      (a) => textOf(at(a, 'cbc:ChargeIndicator')) === 'false' && textOf(at(a, 'cac:TaxCategory', 'cbc:ID')) === 'O',
    ) || noVatIds(ctx),
    'BR-O-03',
    r,
    'Rabatt med kategori O får inte ha momsregistreringsnummer.',
  );
  expect(
    ctx,
    !kids(r, 'cac:AllowanceCharge').some(
      (a) => textOf(at(a, 'cbc:ChargeIndicator')) === 'true' && textOf(at(a, 'cac:TaxCategory', 'cbc:ID')) === 'O',
    ) || noVatIds(ctx),
    'BR-O-04',
    r,
    'Avgift med kategori O får inte ha momsregistreringsnummer.',
  );
  for (const c of lineO) expect(ctx, at(c, 'cbc:Percent') === null, 'BR-O-05', c, 'Rad med momskategori O får inte ha momssats.');
  for (const [charge, rule] of [
    [false, 'BR-O-06'],
    [true, 'BR-O-07'],
  ] as const) {
    for (const a of documentAllowances(ctx, charge)) {
      const c = at(a, 'cac:TaxCategory');
      if (c && catId(c) === 'O' && isVatCategory(c))
        expect(ctx, at(c, 'cbc:Percent') === null, rule, c, 'Kategori O får inte ha momssats.');
    }
  }
  for (const c of inBreakdown) {
    const s = c.parent;
    if (!s) continue;
    const taxable = decOf(at(s, 'cbc:TaxableAmount'));
    expect(
      ctx,
      taxable !== null && eq(taxable, categoryBase(ctx, 'O', null)),
      'BR-O-08',
      s,
      'Underlaget för kategori O ≠ summan av radbeloppen med kategori O.',
    );
    expect(ctx, eq(decOf(at(s, 'cbc:TaxAmount')) ?? ONE, ZERO), 'BR-O-09', s, 'Momsbeloppet för kategori O ska vara 0.');
    expect(
      ctx,
      at(c, 'cbc:TaxExemptionReason') !== null || at(c, 'cbc:TaxExemptionReasonCode') !== null,
      'BR-O-10',
      c,
      'Kategori O kräver en förklaring (TaxExemptionReason eller TaxExemptionReasonCode).',
    );
  }
  if (inBreakdown.length > 0) {
    expect(
      ctx,
      breakdown(ctx).every((c) => catId(c) === 'O'),
      'BR-O-11',
      r,
      'En faktura med kategori O får inte ha andra momsspecifikationer.',
    );
    expect(
      ctx,
      classified.every((c) => catId(c) === 'O'),
      'BR-O-12',
      r,
      'En faktura med kategori O får inte ha rader med annan momskategori.',
    );
    const other = (charge: boolean): boolean =>
      documentAllowances(ctx, charge).some((a) => {
        const c = at(a, 'cac:TaxCategory');
        return c !== null && isVatCategory(c) && catId(c) !== 'O';
      });
    expect(ctx, !other(false), 'BR-O-13', r, 'En faktura med kategori O får inte ha rabatter med annan momskategori.');
    expect(ctx, !other(true), 'BR-O-14', r, 'En faktura med kategori O får inte ha avgifter med annan momskategori.');
  }
}

function standard(ctx: RuleContext): void {
  const r = ctx.root;
  const { classified } = categories(ctx);
  const acS = deep(r, 'cac:AllowanceCharge')
    .flatMap((a) => kids(a, 'cac:TaxCategory'))
    .filter((c) => catId(c) === 'S');
  const used = acS.length + classified.filter((c) => catId(c) === 'S').length > 0;
  const inBreakdown = all(r, 'cac:TaxTotal', 'cac:TaxSubtotal', 'cac:TaxCategory').filter((c) => catId(c) === 'S');
  expect(
    ctx,
    used === inBreakdown.length > 0,
    'BR-S-01',
    r,
    'Momskategori S ska finnas i momsspecifikationen när rader, rabatter eller avgifter har den.',
  );
  expect(
    ctx,
    !classified.some((c) => catId(c) === 'S') || sellerHasTaxId(ctx),
    'BR-S-02',
    r,
    'Rader med momskategori S kräver säljarens momsregistreringsnummer.',
  );
  expect(
    ctx,
    !documentAllowances(ctx, false).some((a) => textOf(at(a, 'cac:TaxCategory', 'cbc:ID')) === 'S') || sellerHasTaxId(ctx),
    'BR-S-03',
    r,
    'Rabatt med kategori S kräver säljarens momsregistreringsnummer.',
  );
  expect(
    ctx,
    !documentAllowances(ctx, true).some((a) => textOf(at(a, 'cac:TaxCategory', 'cbc:ID')) === 'S') || sellerHasTaxId(ctx),
    'BR-S-04',
    r,
    'Avgift med kategori S kräver säljarens momsregistreringsnummer.',
  );
  for (const c of classified.filter((x) => catId(x) === 'S'))
    expect(ctx, (decOf(at(c, 'cbc:Percent'))?.n ?? 0n) > 0n, 'BR-S-05', c, 'Rad med momskategori S ska ha en momssats över 0.');
  for (const [charge, rule] of [
    [false, 'BR-S-06'],
    [true, 'BR-S-07'],
  ] as const) {
    for (const a of documentAllowances(ctx, charge)) {
      const c = at(a, 'cac:TaxCategory');
      if (c && catId(c) === 'S' && isVatCategory(c))
        expect(ctx, (decOf(at(c, 'cbc:Percent'))?.n ?? 0n) > 0n, rule, c, 'Kategori S ska ha en momssats över 0.');
    }
  }
  for (const c of inBreakdown.filter(isVatCategory)) {
    const s = c.parent;
    if (!s) continue;
    const rate = decOf(at(c, 'cbc:Percent'));
    const taxable = decOf(at(s, 'cbc:TaxableAmount')) ?? ZERO;
    const base = categoryBase(ctx, 'S', rate);
    // The schematron allows ±1 here (rounding per line in some systems), strictly.
    expect(
      ctx,
      cmp(sub(taxable, ONE), base) < 0 && cmp(add(taxable, ONE), base) > 0,
      'BR-S-08',
      s,
      'Underlaget för kategori S och momssatsen ≠ summan av motsvarande radbelopp.',
    );
    const tax = decOf(at(s, 'cbc:TaxAmount')) ?? ZERO;
    const abs = (d: Dec): Dec => (d.n < 0n ? { n: -d.n, scale: d.scale } : d);
    const expected = round2({ n: abs(taxable).n * (rate ?? ZERO).n, scale: taxable.scale + (rate ?? ZERO).scale + 2 });
    expect(
      ctx,
      cmp(sub(abs(tax), ONE), expected) < 0 && cmp(add(abs(tax), ONE), expected) > 0,
      'BR-S-09',
      s,
      'Momsbeloppet för kategori S ≠ underlag × momssats.',
    );
    expect(
      ctx,
      at(c, 'cbc:TaxExemptionReason') === null && at(c, 'cbc:TaxExemptionReasonCode') === null,
      'BR-S-10',
      c,
      'Kategori S får inte ha skäl för undantag.',
    );
  }
}

/** Run the VAT category rules. */
export function cenVatRules(ctx: RuleContext): void {
  exempt(ctx);
  outside(ctx);
  standard(ctx);
}
