/**
 * What every rule file needs about one parsed document: the root, its kind, its lines, and small
 * helpers that read values the way the schematron does (normalize-space, xs:decimal, number()).
 */
import { all, at, deep, kids, pathOf, textOf, type XmlElement } from './xml-tree.js';
import { parseDec, type Dec } from './decimal.js';
import type { RuleViolation } from './rule-violation.js';

export interface RuleContext {
  readonly root: XmlElement;
  readonly isInvoice: boolean;
  readonly lines: readonly XmlElement[];
  readonly currency: string;
  readonly out: RuleViolation[];
}

/** Build the context of `root` (an `Invoice` or a `CreditNote`). */
export function contextOf(root: XmlElement): RuleContext {
  const isInvoice = root.name === 'Invoice';
  return {
    root,
    isInvoice,
    lines: deep(root, isInvoice ? 'cac:InvoiceLine' : 'cac:CreditNoteLine'),
    currency: textOf(at(root, 'cbc:DocumentCurrencyCode')),
    out: [],
  };
}

/** Record a broken rule at `el`. */
export function report(ctx: RuleContext, rule: string, el: XmlElement, message: string, flag: 'fatal' | 'warning' = 'fatal'): void {
  ctx.out.push({ rule, flag, path: pathOf(el), message });
}

/** Record `rule` at `el` unless `ok`. */
export function expect(
  ctx: RuleContext,
  ok: boolean,
  rule: string,
  el: XmlElement,
  message: string,
  flag: 'fatal' | 'warning' = 'fatal',
): void {
  if (!ok) report(ctx, rule, el, message, flag);
}

/** xs:decimal of an element's text; null when absent or not a decimal. */
export function decOf(el: XmlElement | null | undefined): Dec | null {
  return el ? parseDec(textOf(el)) : null;
}

/** XPath `string(number(x)) != 'NaN'`. */
export function isNumber(text: string): boolean {
  return /^\s*-?(\d+(\.\d*)?|\.\d+)\s*$/.test(text);
}

/** The Swedish organisation number check (Luhn over the first nine digits, the tenth the check digit). */
export function isSwedishOrgnr(value: string): boolean {
  if (!/^\d+$/.test(value)) return false;
  const main = value.slice(0, 9);
  let sum = 0;
  for (let pos = 1; pos <= main.length; pos++) {
    const d = Number(main[main.length - pos]);
    sum += pos % 2 === 1 ? ((d * 2) % 10) + Math.floor((d * 2) / 10) : d;
  }
  return (10 - (sum % 10)) % 10 === Number(value[9]);
}

/** Tax categories under the VAT scheme: `(cac:TaxCategory | cac:ClassifiedTaxCategory)[cac:TaxScheme/cbc:ID = 'VAT']`. */
export function isVatCategory(el: XmlElement): boolean {
  return textOf(at(el, 'cac:TaxScheme', 'cbc:ID')).toUpperCase() === 'VAT';
}

/** Document-level allowances (`false`) or charges (`true`). */
export function documentAllowances(ctx: RuleContext, charge: boolean): XmlElement[] {
  return kids(ctx.root, 'cac:AllowanceCharge').filter((a) => textOf(at(a, 'cbc:ChargeIndicator')) === String(charge));
}

/** The supplier's and customer's `cac:Party`. */
export function partyOf(ctx: RuleContext, role: 'supplier' | 'customer'): XmlElement | null {
  return at(ctx.root, role === 'supplier' ? 'cac:AccountingSupplierParty' : 'cac:AccountingCustomerParty', 'cac:Party');
}

/** VAT identifiers (`PartyTaxScheme[TaxScheme/ID = 'VAT']/CompanyID`) of a party. */
export function vatIds(party: XmlElement | null): XmlElement[] {
  return all(party, 'cac:PartyTaxScheme')
    .filter((p) => textOf(at(p, 'cac:TaxScheme', 'cbc:ID')).toUpperCase() === 'VAT')
    .flatMap((p) => kids(p, 'cbc:CompanyID'));
}
