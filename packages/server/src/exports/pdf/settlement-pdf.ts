/**
 * The tilläggsbelopp settlement as a PDF (TILL.avstamning): the count of connected persons against
 * the normal variation, the revision policy (I3), the LPIK chain from the base year, the amount
 * after reconciliation, the allocation key and each municipality's part, with a bar chart of the
 * split. Everything comes from the settlement input (read from the stored bases).
 */
import type { Content, TableCell } from 'pdfmake/interfaces.js';
import { describeInterpretation } from '@samverkan/core';
import { readAgreement } from '../../agreement/read-agreement-dir.js';
import { kronorText } from '../swedish-text.js';
import { renderPdf } from './pdf-engine.js';
import { factTable, footer, lineLayout, right, styles } from './pdf-parts.js';
import { splitChart } from './split-chart.js';
import type { TillaggsbeloppSettlement } from './tillaggsbelopp-settlement.js';

/** The I3 policy in Swedish. */
export function policyText(policy: string): string {
  if (policy === 'beyond-bound') return 'justering för varje person utanför närmaste gräns i normalvariationen (tolkning I3)';
  if (policy === 'from-reference') return 'justering för skillnaden mot referensantalet (tolkning I3)';
  return describeInterpretation({ id: 'I3', option: policy }, readAgreement().interpretations.get('I3'));
}

function percentText(p: string): string {
  return `${p.replace('.', ',')} %`;
}

function chainTable(s: TillaggsbeloppSettlement): Content {
  const body: TableCell[][] = [
    [
      { text: 'År', style: 'th' },
      { text: 'Index', style: 'th' },
      { text: 'Tilläggsbelopp', style: 'th', alignment: 'right' },
      { text: 'Justeringsbelopp per person', style: 'th', alignment: 'right' },
    ],
  ];
  if (s.baseYear !== null && s.baseTillaggsbeloppOre !== null)
    body.push([
      String(s.baseYear),
      `basår (${String(s.baseYear)} års nivå)`,
      right(kronorText(s.baseTillaggsbeloppOre)),
      right(s.baseJusteringsbeloppOre === null ? '–' : kronorText(s.baseJusteringsbeloppOre)),
    ]);
  for (const c of s.indexChain) {
    const kind = c.kind === 'forecast' ? ', prognos' : c.kind === 'outcome' ? ', utfall' : '';
    body.push([
      String(c.year),
      `${c.series} ${String(c.year)} ${percentText(c.percent)}${kind}${c.example ? ' (EXEMPEL)' : ''}`,
      right(kronorText(c.tillaggsbeloppOre)),
      right(kronorText(c.justeringsbeloppOre)),
    ]);
  }
  return { table: { headerRows: 1, widths: [40, '*', 110, 130], body }, layout: lineLayout };
}

function allocationTable(s: TillaggsbeloppSettlement): Content {
  const body: TableCell[][] = [
    [
      { text: 'Kommun', style: 'th' },
      { text: 'Andel', style: 'th', alignment: 'right' },
      { text: 'Belopp', style: 'th', alignment: 'right' },
      { text: 'Faktura', style: 'th' },
    ],
    ...s.allocations.map((a): TableCell[] => [
      a.name,
      right(a.share.replace('.', ',')),
      right(kronorText(a.amountOre)),
      a.invoiceNumber ?? '–',
    ]),
    [{ text: 'Summa', bold: true }, right(''), right(kronorText(s.allocations.reduce((t, a) => t + a.amountOre, 0)), true), ''],
  ];
  return { table: { headerRows: 1, widths: ['*', 70, 100, 110], body }, layout: lineLayout };
}

/** The settlement `s` as PDF bytes (same settlement, same bytes). */
export async function renderSettlementPdf(s: TillaggsbeloppSettlement): Promise<Buffer> {
  const revision = s.inside
    ? `${String(s.connected)} anslutna ligger inom normalvariationen ${String(s.lower)}–${String(s.upper)}: tilläggsbeloppet fördelas utan justering.`
    : `${String(s.connected)} anslutna ligger utanför normalvariationen ${String(s.lower)}–${String(s.upper)}: ${String(s.personsAdjusted)} personer × ${kronorText(s.adjustmentPerPersonOre)} = ${kronorText(s.adjustmentOre)}.`;
  const content: Content[] = [
    { text: `Avstämning av tilläggsbeloppet ${String(s.year)}`, style: 'title' },
    {
      text: `Samverkansavtalet ${s.agreement.id}, version ${s.agreement.version} · avtalspunkt TILL.avstamning och TILL.bakgrund.fordelning`,
      style: 'subtitle',
    },
  ];
  if (s.demo) content.push({ text: 'EXEMPEL – demodata', style: 'demo', margin: [0, 0, 0, 8] });
  content.push(
    factTable([
      ['Anslutna personer', `${String(s.connected)} under ${String(s.year)}`],
      ['Normalvariation', `${String(s.lower)}–${String(s.upper)} personer`],
      ['Referensantal', s.referenceCount === null ? '–' : `${String(s.referenceCount)} personer`],
      ['Revidering', policyText(s.policy)],
      ['Utfall', revision],
      ['Tilläggsbelopp', kronorText(s.tillaggsbeloppOre)],
      ['Justering', kronorText(s.adjustmentOre)],
      ['Efter avstämning', kronorText(s.totalOre)],
    ]),
    { text: `Fördelning enligt ${s.key.title}${s.key.example ? ' (EXEMPEL)' : ''}`, style: 'h2' },
    allocationTable(s),
    {
      stack: [
        { text: 'Fördelningen i diagram', style: 'h2' },
        splitChart(s.allocations.map((a) => ({ label: a.name, amountOre: a.amountOre }))),
      ],
      unbreakable: true,
    },
    { stack: [{ text: 'Uppräkning med index', style: 'h2' }, chainTable(s)], unbreakable: true },
    { text: 'Tolkningar', style: 'h3' },
    { ul: s.interpretations.map((i) => describeInterpretation(i, readAgreement().interpretations.get(i.id))) },
  );
  if (s.warnings.length > 0) content.push({ text: 'Observera', style: ['h2', 'warning'] }, { ul: [...s.warnings], style: 'warning' });
  return renderPdf(
    { content, styles, footer: footer(`Avstämning tilläggsbelopp ${String(s.year)}`) },
    {
      title: `Avstämning av tilläggsbeloppet ${String(s.year)}`,
      subject: `Tilläggsbelopp ${String(s.year)}: ${String(s.connected)} anslutna, ${kronorText(s.totalOre)}`,
      created: s.issued,
    },
  );
}
