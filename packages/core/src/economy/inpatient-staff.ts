/**
 * Flow 4 — municipal staff in inpatient care (ORD/SABO.nar-kommunens-personal-deltar-i-sluten-vard):
 * when a person's ordinary municipal staff must be at the hospital, the unit manager and the
 * municipality's manager agree in writing on the extent; the municipality invoices the region for
 * the staff's salary and for travel and travel-time compensation. Lines carry actual amounts
 * entered or imported by the municipality, each with the written agreement's reference.
 */
import { invalidInput } from '../errors.js';
import { ore, type Ore } from '../money.js';
import { refusePersonnummer } from '../personnummer.js';
import type { Trace } from '../trace.js';
import type { EconomyData } from './economy-data.js';
import { groupIntoBases, regionParty, type InvoiceBasis, type InvoiceLine, type Period } from './invoice-line.js';
import { findMunicipality } from './municipality-lookup.js';
import { dateInPeriod, monthPeriod } from './period.js';
import { TraceBuilder } from './trace-builder.js';

/** What a cost line is for. */
export type InpatientCostKind = 'salary' | 'travel' | 'travel-time';

const kindText: Readonly<Record<InpatientCostKind, string>> = {
  salary: 'Lön för kommunens personal i sluten vård',
  travel: 'Reseersättning',
  'travel-time': 'Färdtidsersättning',
};

/** One actual cost, with the reference to the managers' written agreement. */
export interface InpatientCost {
  readonly municipality: string;
  /** ORD (ordinärt boende) or SABO (särskilt boende): which document's clause applies. */
  readonly document: 'ORD' | 'SABO';
  /** Reference to the written agreement between the unit manager and the municipality's manager. */
  readonly agreementReference: string;
  /** The system's own key of the record (e.g. its import row id): carried to the line to match it, never screened for personnummer (nobody wrote it). */
  readonly key?: string;
  readonly date: string;
  readonly kind: InpatientCostKind;
  readonly amountOre: number;
}

/** Monthly invoice bases for municipal staff in inpatient care, municipality → region. */
export function inpatientStaffInvoiceBasis(
  data: EconomyData,
  req: { readonly month: string; readonly costs: readonly InpatientCost[] },
): { readonly period: Period; readonly bases: readonly InvoiceBasis[]; readonly trace: Trace } {
  const period = monthPeriod(req.month);
  const trace = new TraceBuilder(data).rule('ekonomi.personal-i-sluten-vard');
  const lines: InvoiceLine[] = req.costs.map((c, i) => {
    const field = `kostnad[${String(i)}]`;
    const clause = `${c.document}.nar-kommunens-personal-deltar-i-sluten-vard`;
    if (!(['ORD', 'SABO'] as readonly string[]).includes(c.document))
      throw invalidInput(`${field}.dokument`, `${field}: dokumentet ska vara ORD eller SABO.`, c.document);
    if (!Object.hasOwn(kindText, c.kind))
      throw invalidInput(`${field}.typ`, `${field}: typen ska vara salary (lön), travel (resa) eller travel-time (färdtid).`, c.kind);
    const reference = c.agreementReference.trim();
    if (reference === '')
      throw invalidInput(`${field}.overenskommelse`, `${field}: ange referensen till den skriftliga överenskommelsen mellan cheferna.`);
    refusePersonnummer(reference, { field: `${field}.overenskommelse` });
    dateInPeriod(c.date, period, `${field}.datum`);
    const m = findMunicipality(data.municipalities, c.municipality, { field: `${field}.kommun` });
    const amount: Ore = ore(c.amountOre, `${field}.belopp`);
    if (amount < 0) throw invalidInput(`${field}.belopp`, `${field}: beloppet får inte vara negativt.`, c.amountOre);
    trace.step({
      id: `${field}:belopp`,
      description: kindText[c.kind],
      inputs: { överenskommelse: reference },
      result: amount,
      unit: 'öre',
      clauses: [clause],
    });
    return {
      seller: { id: m.code, name: m.name, kind: 'kommun' },
      buyer: regionParty(data),
      period,
      date: c.date,
      reference,
      ...(c.key === undefined ? {} : { key: c.key }),
      category: `sluten-vard-${c.kind}`,
      description: kindText[c.kind],
      quantity: 1,
      unit: 'lump-sum',
      unitPriceOre: amount,
      baseQuantity: 1,
      amountOre: amount,
      clause,
    } satisfies InvoiceLine;
  });
  return { period, bases: groupIntoBases('personal-i-sluten-vard', period, lines), trace: trace.build() };
}
