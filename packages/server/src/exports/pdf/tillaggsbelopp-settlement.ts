/**
 * The tilläggsbelopp settlement of a year (TILL.avstamning, TILL.bakgrund.fordelning) as the PDF
 * shows it, read back from what the stored bases carry: every municipality's basis holds the
 * reconciliation's general steps (comparison with the normal variation, revision per I3, the
 * LPIK chain of both amounts, the split) and its own share step (`andel:<code>`). Nothing is
 * recomputed, so the settlement shows exactly the numbers that were billed.
 */
import { SamverkanError, type CalculationStep, type IndexUse, type Trace } from '@samverkan/core';
import type { InvoiceDocument } from '../invoice-document.js';

/** One year of the LPIK chain: the index and both amounts after it. */
export interface SettlementIndexStep {
  readonly year: number;
  readonly series: string;
  readonly percent: string;
  readonly kind: IndexUse['kind'] | null;
  readonly example: boolean;
  readonly tillaggsbeloppOre: number;
  readonly justeringsbeloppOre: number;
}

/** One municipality's part. */
export interface SettlementAllocation {
  readonly name: string;
  /** Exact key share as a decimal string. */
  readonly share: string;
  /** The amount billed; 0 when the part gave no basis. */
  readonly amountOre: number;
  /** The basis and invoice number that billed it, when there is one. */
  readonly invoiceNumber: string | null;
}

/** What the settlement PDF renders. */
export interface TillaggsbeloppSettlement {
  readonly year: number;
  readonly agreement: Trace['agreement'];
  /** Date the settlement is printed for (the latest issue date of its invoices). */
  readonly issued: string;
  readonly connected: number;
  readonly lower: number;
  readonly upper: number;
  readonly referenceCount: number | null;
  readonly inside: boolean;
  /** I3 option (`beyond-bound` or `from-reference`). */
  readonly policy: string;
  readonly personsAdjusted: number;
  /** Base year level of both amounts, and their values there. */
  readonly baseYear: number | null;
  readonly baseTillaggsbeloppOre: number | null;
  readonly baseJusteringsbeloppOre: number | null;
  readonly indexChain: readonly SettlementIndexStep[];
  readonly tillaggsbeloppOre: number;
  readonly adjustmentPerPersonOre: number;
  readonly adjustmentOre: number;
  readonly totalOre: number;
  readonly key: { readonly title: string; readonly example: boolean };
  readonly allocations: readonly SettlementAllocation[];
  readonly interpretations: Trace['interpretations'];
  readonly warnings: readonly string[];
  readonly demo: boolean;
}

function missing(what: string): SamverkanError {
  return new SamverkanError(
    'SAMV_ERR_INVALID_INPUT',
    `tilläggsbelopp: underlaget saknar steget "${what}" i sin beräkning och kan inte visas som avstämning.`,
    { field: 'trace', value: what },
  );
}

function step(steps: readonly CalculationStep[], id: string): CalculationStep {
  const s = steps.find((x) => x.id === id);
  if (s === undefined) throw missing(id);
  return s;
}

function int(v: unknown, what: string): number {
  if (typeof v !== 'number' || !Number.isSafeInteger(v)) throw missing(what);
  return v;
}

function chain(steps: readonly CalculationStep[], trace: Trace): SettlementIndexStep[] {
  const years = steps.filter((s) => /^till\.tillaggsbelopp:\d{4}$/.test(s.id)).map((s) => Number(s.id.slice(-4)));
  return years.map((year) => {
    const t = step(steps, `till.tillaggsbelopp:${String(year)}`);
    const j = step(steps, `till.justeringsbelopp:${String(year)}`);
    const series = typeof t.inputs?.['serie'] === 'string' ? t.inputs['serie'] : 'LPIK';
    const use = trace.indexValues.find((u) => u.series === series && u.year === year);
    return {
      year,
      series,
      percent: String(t.inputs?.['procent'] ?? use?.percent ?? ''),
      kind: use?.kind ?? null,
      example: use?.example === true,
      tillaggsbeloppOre: int(t.result, t.id),
      justeringsbeloppOre: int(j.result, j.id),
    };
  });
}

/** The settlement of one year from its tilläggsbelopp invoices (not credit notes), refusing anything else. */
export function settlementFromDocuments(docs: readonly InvoiceDocument[]): TillaggsbeloppSettlement {
  const bases = docs.filter((d) => d.flow === 'tillaggsbelopp' && !d.isCredit);
  const first = bases[0];
  if (first === undefined)
    throw new SamverkanError(
      'SAMV_ERR_INVALID_INPUT',
      'flow: avstämningen av tilläggsbeloppet behöver minst ett godkänt underlag av flödet tillaggsbelopp.',
      { field: 'flow', value: docs.map((d) => d.flow).join(',') },
    );
  const other = bases.find((d) => d.period.text !== first.period.text);
  if (other !== undefined)
    throw new SamverkanError(
      'SAMV_ERR_INVALID_INPUT',
      `period: underlagen gäller olika år (${first.period.text} och ${other.period.text}); en avstämning gäller ett år.`,
      { field: 'period', value: other.period.text },
    );
  const steps = first.trace.steps.length > 0 ? first.trace.steps : (first.lines[0]?.steps ?? []);
  const cmp = step(steps, 'jamforelse');
  const persons = step(steps, 'personer-att-justera');
  const adj = step(steps, 'justering');
  const after = step(steps, 'tillaggsbelopp-efter-avstamning');
  const split = step(steps, 'fordelning');
  const title = /"([^"]+)"/.exec(split.description)?.[1] ?? 'fördelningsnyckeln';
  const own = bases.flatMap((d) =>
    d.lines
      .flatMap((l) => l.steps)
      .concat(d.trace.steps)
      .filter((s) => s.id.startsWith('andel:'))
      .map((s) => ({ s, d })),
  );
  const allocations = Object.entries(split.inputs ?? {}).map(([name, share]) => {
    const hit = own.find((o) => o.s.description.startsWith(`${name}:`));
    return {
      name,
      share: String(share),
      amountOre: hit === undefined ? 0 : int(hit.s.result, hit.s.id),
      invoiceNumber: hit?.d.invoiceNumber ?? null,
    };
  });
  const totalOre = int(after.result, after.id);
  const billed = allocations.reduce((s, a) => s + a.amountOre, 0);
  const warnings = [...new Set(bases.flatMap((d) => d.provenance.warnings.map((w) => w.text)))];
  if (billed !== totalOre)
    warnings.push(
      `Underlagen som visas fördelar ${String(billed)} öre av tilläggsbeloppets ${String(totalOre)} öre; någon kommuns underlag saknas i urvalet.`,
    );
  const base = steps.find((s) => s.id === 'till.tillaggsbelopp:bas');
  const baseAdj = steps.find((s) => s.id === 'till.justeringsbelopp:bas');
  const ref = persons.inputs?.['referensantal'];
  return {
    year: Number(first.period.text.slice(0, 4)),
    agreement: first.trace.agreement,
    issued:
      bases
        .map((d) => d.issueDate)
        .sort()
        .at(-1) ?? first.issueDate,
    connected: int(cmp.inputs?.['antal'], 'jamforelse.antal'),
    lower: int(cmp.inputs?.['nedre'], 'jamforelse.nedre'),
    upper: int(cmp.inputs?.['övre'], 'jamforelse.övre'),
    referenceCount: typeof ref === 'number' ? ref : null,
    inside: cmp.result === true,
    policy: first.trace.interpretations.find((i) => i.id === 'I3')?.option ?? 'okänd',
    personsAdjusted: int(persons.result, persons.id),
    baseYear: typeof base?.inputs?.['basår'] === 'number' ? base.inputs['basår'] : null,
    baseTillaggsbeloppOre: base === undefined ? null : int(base.result, base.id),
    baseJusteringsbeloppOre: baseAdj === undefined ? null : int(baseAdj.result, baseAdj.id),
    indexChain: chain(steps, first.trace),
    tillaggsbeloppOre: int(after.inputs?.['tilläggsbeloppÖre'], 'tillaggsbelopp-efter-avstamning.tilläggsbeloppÖre'),
    adjustmentPerPersonOre: int(adj.inputs?.['justeringsbeloppÖre'], 'justering.justeringsbeloppÖre'),
    adjustmentOre: int(adj.result, adj.id),
    totalOre,
    key: { title, example: /EXEMPEL/.test(split.description) },
    allocations,
    interpretations: first.trace.interpretations,
    warnings,
    demo: bases.some((d) => d.demo),
  };
}
