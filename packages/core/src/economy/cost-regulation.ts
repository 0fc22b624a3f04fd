/**
 * Cost regulation after a dispute (ORD.tvist, SABO.tvist, SYNHOR.tvist, PALL.tvist: "Eventuella
 * kostnadsregleringar görs i efterhand"; MT.tvist and TILL.tvist likewise when a decision says
 * so): a decided dispute's amount becomes one invoice line from the party that receives it
 * (seller) to the party that pays it (buyer), in the month of the decision, citing the Tvist
 * clause of the dispute's document. One basis per seller–buyer pair.
 */
import { invalidInput } from '../errors.js';
import { ore } from '../money.js';
import type { Trace } from '../trace.js';
import type { EconomyData } from './economy-data.js';
import { groupIntoBases, partyFor, type InvoiceBasis, type InvoiceLine, type Period } from './invoice-line.js';
import { dateInPeriod, monthPeriod } from './period.js';
import { TraceBuilder } from './trace-builder.js';

/** One decided dispute's cost regulation. */
export interface CostRegulation {
  /** The dispute's id (the line's reference). */
  readonly dispute: string;
  readonly document: string;
  readonly subject: string;
  /** The Tvist clause of the dispute's escalation path, e.g. `ORD.tvist`. */
  readonly clause: string;
  readonly decidedOn: string;
  /** `region` or a municipality code. */
  readonly payer: string;
  readonly payee: string;
  readonly amountOre: number;
}

const SUBJECT_MAX = 120;

function shortSubject(subject: string): string {
  const s = subject.trim().replace(/\s+/g, ' ');
  return s.length <= SUBJECT_MAX ? s : `${s.slice(0, SUBJECT_MAX - 1)}…`;
}

/** The month's cost regulations as invoice bases, payee → payer, one line per dispute. */
export function costRegulationInvoiceBasis(
  data: EconomyData,
  req: { readonly month: string; readonly regulations: readonly CostRegulation[] },
): { readonly period: Period; readonly bases: readonly InvoiceBasis[]; readonly trace: Trace } {
  const period = monthPeriod(req.month);
  const trace = new TraceBuilder(data).rule('tvist.kostnadsreglering');
  const lines: InvoiceLine[] = req.regulations.map((r, i) => {
    const field = `tvist[${String(i)}]`;
    const amount = ore(r.amountOre, `${field}.belopp`);
    if (amount <= 0) throw invalidInput(`${field}.belopp`, `${field}: kostnadsregleringen ska vara större än 0 öre.`, r.amountOre);
    if (!/^[A-Z]+\.tvist$/.test(r.clause))
      throw invalidInput(
        `${field}.klausul`,
        `${field}: kostnadsreglering ska hänvisa till dokumentets Tvist-klausul (t.ex. ORD.tvist), inte "${r.clause}".`,
        r.clause,
      );
    const date = dateInPeriod(r.decidedOn, period, `${field}.beslutsdag`).toString();
    const seller = partyFor(data, r.payee, `${field}.mottagare`);
    const buyer = partyFor(data, r.payer, `${field}.betalare`);
    if (seller.id === buyer.id)
      throw invalidInput(`${field}.betalare`, `${field}: betalare och mottagare är samma part (${buyer.name}).`, r.payer);
    const description = `Kostnadsreglering efter tvist ${r.document} (${shortSubject(r.subject)}), beslut ${date}, tvist-id ${r.dispute}`;
    trace.step({
      id: `${field}:kostnadsreglering`,
      description: `Kostnadsreglering enligt beslut i tvist ${r.dispute} (${r.document}): ${buyer.name} betalar ${seller.name}`,
      inputs: { tvist: r.dispute, dokument: r.document, beslutsdag: date, betalare: buyer.id, mottagare: seller.id },
      result: amount,
      unit: 'öre',
      clauses: [r.clause],
    });
    return {
      seller,
      buyer,
      period,
      date,
      reference: r.dispute,
      category: 'kostnadsreglering-tvist',
      description,
      quantity: 1,
      unit: 'lump-sum',
      unitPriceOre: amount,
      baseQuantity: 1,
      amountOre: amount,
      clause: r.clause,
    } satisfies InvoiceLine;
  });
  return { period, bases: groupIntoBases('kostnadsreglering-tvist', period, lines), trace: trace.build() };
}
