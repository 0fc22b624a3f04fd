/**
 * What every export renders (Peppol BIS 3, PDF, Excel, SIE): one approved invoice basis or credit
 * note with its invoice identity and both parties as the party register describes them. Built in
 * one place from the stored basis (export-document.ts); the renderers are pure functions of it, so
 * the four formats can never disagree about a number, a party or a date.
 */
import type { CalculationStep, Trace } from '@samverkan/core';
import type { Provenance } from '../billing/basis-provenance.js';

/** A party as the register holds it on the day the document was issued. */
export interface DocumentParty {
  /** `region`, a municipality code (`2380`), or `hemregion:<name>`. */
  readonly code: string;
  /** Invoicing unit when a clause requires separate invoices (MT, syncentralen, …). */
  readonly unit: string | null;
  /** Legal name (e.g. "Region Jämtland Härjedalen", "Östersunds kommun"). */
  readonly legalName: string;
  /** 10 digits, Luhn-valid. */
  readonly organisationNumber: string;
  /** Peppol endpoint: scheme (0007 by default) and identifier. */
  readonly endpoint: { readonly scheme: string; readonly id: string };
  readonly address: { readonly street: string | null; readonly postalCode: string; readonly city: string; readonly country: 'SE' };
  /** VAT registration (SE + orgnr + 01) when the party is VAT-registered, else null. */
  readonly vatNumber: string | null;
  /** Bankgiro or plusgiro for payments to this party (as seller). */
  readonly payment: { readonly kind: 'bankgiro' | 'plusgiro'; readonly account: string } | null;
  /** The register's values are placeholders (marked EXEMPEL in the demo data). */
  readonly placeholder: boolean;
  /** Fields still carrying placeholder values (Swedish field names), for refusal messages. */
  readonly placeholderFields: readonly string[];
}

/** One line of the document, exactly as stored on the basis. */
export interface DocumentLine {
  readonly lineNo: number;
  readonly description: string;
  /** Exact quantity as text (may be negative on a credit note's source line; see `isCredit`). */
  readonly quantity: string;
  /** Our unit (`started-hour`, `minute`, `piece`, `device`, `lump-sum`, …). */
  readonly unit: string;
  readonly unitPriceOre: number;
  readonly baseQuantity: number;
  readonly amountOre: number;
  readonly category: string | null;
  readonly clause: string | null;
  readonly date: string | null;
  /** The user's own reference (text from an import; may begin with =, +, -, @). */
  readonly reference: string | null;
  readonly steps: readonly CalculationStep[];
}

/** VAT treatment of the document (decided per flow; see the decision record). */
export interface DocumentVat {
  /** UNCL5305: E = exempt, O = outside the scope of VAT. */
  readonly category: 'E' | 'O';
  /** Exemption reason text (required for E), e.g. "Undantag från skatteplikt, 3 kap. 4 § mervärdesskattelagen". */
  readonly exemptionReason: string | null;
  /** VATEX code when one applies, e.g. "VATEX-EU-132-1B". */
  readonly exemptionCode: string | null;
}

/** One invoice or credit note ready to render. */
export interface InvoiceDocument {
  readonly basisId: string;
  /** 380 invoice, 381 credit note. */
  readonly typeCode: '380' | '381';
  readonly isCredit: boolean;
  /** The seller's series number, e.g. "RJH-2026-000017". */
  readonly invoiceNumber: string;
  readonly issueDate: string;
  /** Null on a credit note with nothing to pay. */
  readonly dueDate: string | null;
  readonly paymentTermsDays: number;
  /** On a credit note: the invoice it credits, and the required reason. */
  readonly credits: { readonly invoiceNumber: string; readonly issueDate: string; readonly basisId: string } | null;
  readonly creditReason: string | null;
  /** "Er referens": the buyer's reference code (per flow when the register says so). */
  readonly buyerReference: string;
  readonly note: string | null;
  readonly flow: string;
  /** Swedish title of the flow. */
  readonly flowTitle: string;
  /** The billed period as text (`2026-03`, `2026-H1`, `2026`) and as inclusive dates. */
  readonly period: { readonly text: string; readonly from: string; readonly to: string };
  readonly seller: DocumentParty;
  readonly buyer: DocumentParty;
  readonly currency: 'SEK';
  readonly vat: DocumentVat;
  /** As stored; on a credit note the stored lines are negative and `totalOre` is negative. */
  readonly lines: readonly DocumentLine[];
  readonly totalOre: number;
  readonly trace: Trace;
  readonly provenance: Provenance;
  readonly runLabel: string | null;
  readonly demo: boolean;
}
