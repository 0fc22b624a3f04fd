/**
 * Invoice bases as structured data. Bases are stored and approved later and exported to Peppol,
 * PDF, Excel and SIE, so lines carry seller, buyer, period, quantity, unit, unit price, amount and
 * clause as values, never pre-formatted text. A line's price applies per `baseQuantity` units
 * (as Peppol's BaseQuantity): 37 minutes at 1 123 kr per 60 minutes is quantity 37, unit
 * `minute`, unitPriceOre 112300, baseQuantity 60.
 */
import { sumOre, type Ore } from '../money.js';
import { findMunicipality } from './municipality-lookup.js';
import type { EconomyData } from './economy-data.js';

/** A party to an invoice: the region, a municipality, or another region (home region). */
export interface Party {
  /** `region`, a municipality code, or `hemregion:<name>`. */
  readonly id: string;
  readonly name: string;
  readonly kind: 'region' | 'kommun' | 'hemregion';
  /** Organisational unit when a clause requires separate invoices (e.g. `syncentralen`). */
  readonly unit?: string;
}

/** Units of invoice quantities (mapped to UN/ECE codes at export). */
export type InvoiceUnit = 'started-hour' | 'hour' | 'minute' | 'piece' | 'lump-sum';

/** A calendar period, ISO dates inclusive. */
export interface Period {
  readonly from: string;
  readonly to: string;
}

/** One invoice line. */
export interface InvoiceLine {
  readonly seller: Party;
  readonly buyer: Party;
  readonly period: Period;
  /** Date of the underlying event, when there is one. */
  readonly date?: string;
  /** Stable category, e.g. `uppdrag-dagtid`, `mt-rorlig-resa`. */
  readonly category: string;
  /** Swedish text for the line. */
  readonly description: string;
  readonly quantity: number;
  readonly unit: InvoiceUnit;
  readonly unitPriceOre: Ore;
  /** The unit price is per this many units. */
  readonly baseQuantity: number;
  readonly amountOre: Ore;
  readonly clause: string;
  /** The user's reference for the underlying record. */
  readonly reference?: string;
  /** The system's key of the underlying record (an import row id): how the service matches a line to its record; never screened, never shown. */
  readonly key?: string;
}

/** All lines from one seller to one buyer for one period. */
export interface InvoiceBasis {
  readonly flow: string;
  readonly seller: Party;
  readonly buyer: Party;
  readonly period: Period;
  readonly lines: readonly InvoiceLine[];
  readonly totalOre: Ore;
}

/** The region as a party. */
export function regionParty(data: EconomyData, unit?: string): Party {
  return { id: 'region', name: data.meta.region.name, kind: 'region', ...(unit === undefined ? {} : { unit }) };
}

/** A party named by `region` or a municipality (code or name); unknown names are errors naming `field`. */
export function partyFor(data: EconomyData, text: string, field: string): Party {
  if (text.trim().toLowerCase() === 'region') return regionParty(data);
  const m = findMunicipality(data.municipalities, text, { field });
  return { id: m.code, name: m.name, kind: 'kommun' };
}

const partyKey = (p: Party): string => `${p.id}|${p.unit ?? ''}`;

/** Group lines into one basis per seller–buyer pair (order: first appearance), totals summed exactly. */
export function groupIntoBases(flow: string, period: Period, lines: readonly InvoiceLine[]): InvoiceBasis[] {
  const groups = new Map<string, InvoiceLine[]>();
  for (const l of lines) {
    const key = `${partyKey(l.seller)}→${partyKey(l.buyer)}`;
    const g = groups.get(key);
    if (g) g.push(l);
    else groups.set(key, [l]);
  }
  return [...groups.values()].flatMap((g) => {
    const first = g[0];
    if (!first) return [];
    return [{ flow, seller: first.seller, buyer: first.buyer, period, lines: g, totalOre: sumOre(g.map((l) => l.amountOre)) }];
  });
}
