/**
 * An invoice or credit note as a PDF a reader outside the system can check by hand: both parties,
 * the invoice identity and dates, "Er referens", the period, every line (quantity and unit in
 * Swedish, unit price, amount), the total, the VAT treatment, how to pay, any provenance warning,
 * and an appendix with the calculation steps in plain Swedish. Amounts are formatted from öre.
 */
import type { CalculationStep } from '@samverkan/core';
import type { Content, TableCell } from 'pdfmake/interfaces.js';
import type { DocumentLine, InvoiceDocument } from '../invoice-document.js';
import { dateText, kronorText, pricePerText, quantityText, unitText } from '../swedish-text.js';
import { readAgreement } from '../../agreement/read-agreement-dir.js';
import { stepTexts, traceSourceTexts } from './calculation-text.js';
import { renderPdf } from './pdf-engine.js';
import { factTable, footer, lineLayout, partyBlock, right, styles } from './pdf-parts.js';

function kindText(doc: InvoiceDocument): string {
  return doc.isCredit ? 'Kreditfaktura' : 'Faktura';
}

/** The VAT sentence the invoice must carry (decided per flow, decision 0141). */
export function vatText(doc: InvoiceDocument): string {
  if (doc.vat.category === 'E')
    return `Moms 0,00 kr – undantaget från skatteplikt${doc.vat.exemptionReason === null ? '' : `: ${doc.vat.exemptionReason}`}${doc.vat.exemptionCode === null ? '' : ` (${doc.vat.exemptionCode})`}.`;
  return `Moms 0,00 kr – kostnadsfördelning mellan offentliga parter utanför mervärdesskattens tillämpningsområde${doc.vat.exemptionReason === null ? '' : `: ${doc.vat.exemptionReason}`}.`;
}

/** How to pay (or that nothing is to be paid). */
export function paymentText(doc: InvoiceDocument): string {
  const pay = doc.seller.payment;
  const to = pay === null ? 'enligt överenskommelse (betalkonto saknas i partsregistret)' : `till ${pay.kind} ${pay.account}`;
  if (doc.isCredit) {
    const credited = doc.credits === null ? '' : ` faktura ${doc.credits.invoiceNumber}`;
    return doc.totalOre === 0
      ? 'Inget att betala.'
      : `Kreditbeloppet ${kronorText(Math.abs(doc.totalOre))} avräknas mot${credited === '' ? ' krediterad faktura' : credited} eller återbetalas ${pay === null ? 'enligt överenskommelse' : `från ${pay.kind} ${pay.account}`}.`;
  }
  if (doc.totalOre <= 0) return 'Inget att betala.';
  return `Betala ${kronorText(doc.totalOre)} ${to} senast ${dateText(doc.dueDate)} (${String(doc.paymentTermsDays)} dagar netto). Ange fakturanummer ${doc.invoiceNumber} som referens.`;
}

function lineDetail(l: DocumentLine): string {
  const parts: string[] = [];
  if (l.date !== null) parts.push(`Datum ${l.date}`);
  // Imported text may carry tabs or line breaks; shown as spaces so a line stays one line.
  if (l.reference !== null) parts.push(`Referens ${l.reference.replace(/[\t\r\n]+/g, ' ').trim()}`);
  if (l.clause !== null) parts.push(`Avtalspunkt ${l.clause}`);
  return parts.join(' · ');
}

function lineRow(l: DocumentLine): TableCell[] {
  const detail = lineDetail(l);
  return [
    { text: String(l.lineNo) },
    { stack: [{ text: l.description }, ...(detail === '' ? [] : [{ text: detail, style: 'small' }])] },
    right(`${quantityText(l.quantity)} ${unitText(l.unit, l.quantity)}`),
    { stack: [right(kronorText(l.unitPriceOre)), { text: pricePerText(l.unit, l.baseQuantity), style: 'small', alignment: 'right' }] },
    right(kronorText(l.amountOre)),
  ];
}

function linesTable(doc: InvoiceDocument): Content {
  const header: TableCell[] = [
    { text: 'Rad', style: 'th' },
    { text: 'Beskrivning', style: 'th' },
    { text: 'Antal', style: 'th', alignment: 'right' },
    { text: 'À-pris', style: 'th', alignment: 'right' },
    { text: 'Belopp', style: 'th', alignment: 'right' },
  ];
  const totalLabel = doc.isCredit ? 'Summa kreditfaktura' : 'Summa att betala';
  const body: TableCell[][] = [
    header,
    ...doc.lines.map(lineRow),
    [{ text: 'Summa exkl. moms', colSpan: 4 }, {}, {}, {}, right(kronorText(doc.totalOre))],
    [{ text: 'Moms', colSpan: 4 }, {}, {}, {}, right(kronorText(0))],
    [{ text: totalLabel, colSpan: 4, bold: true }, {}, {}, {}, right(kronorText(doc.totalOre), true)],
  ];
  return { table: { headerRows: 1, widths: [22, '*', 78, 80, 78], body }, layout: lineLayout };
}

/** Lines that share exactly the same steps are explained once, naming the lines. */
function stepGroups(doc: InvoiceDocument): { readonly lines: readonly number[]; readonly steps: readonly CalculationStep[] }[] {
  const groups = new Map<string, { lines: number[]; steps: readonly CalculationStep[] }>();
  for (const l of doc.lines) {
    if (l.steps.length === 0) continue;
    const key = JSON.stringify(l.steps);
    const g = groups.get(key);
    if (g) g.lines.push(l.lineNo);
    else groups.set(key, { lines: [l.lineNo], steps: l.steps });
  }
  if (groups.size === 0 && doc.trace.steps.length > 0) return [{ lines: doc.lines.map((l) => l.lineNo), steps: doc.trace.steps }];
  return [...groups.values()];
}

function stepList(steps: readonly CalculationStep[]): Content {
  return {
    ol: steps.map((s) => {
      const t = stepTexts(s);
      return { stack: [{ text: t.heading, bold: true }, ...t.details.map((d) => ({ text: d, style: 'small' }))], margin: [0, 0, 0, 4] };
    }),
  };
}

function appendix(doc: InvoiceDocument): Content[] {
  // Parameter titles and interpretation labels come from the shipped agreement (read once, cached).
  const src = traceSourceTexts(doc.trace, readAgreement());
  const out: Content[] = [
    { text: `Bilaga: så har beloppen räknats fram`, style: 'h2', pageBreak: 'before' },
    {
      text: `Beräknat enligt samverkansavtalet ${doc.trace.agreement.id}, version ${doc.trace.agreement.version}. Belopp räknas i hela öre och avrundas bara där steget säger det.`,
    },
  ];
  for (const g of stepGroups(doc)) {
    out.push({ text: g.lines.length === doc.lines.length ? 'Alla rader' : `Rad ${g.lines.join(', ')}`, style: 'h3' }, stepList(g.steps));
  }
  if (src.parameters.length > 0) out.push({ text: 'Parametrar', style: 'h3' }, { ul: src.parameters });
  if (src.indexValues.length > 0) out.push({ text: 'Indexvärden', style: 'h3' }, { ul: src.indexValues });
  if (src.interpretations.length > 0) out.push({ text: 'Tolkningar av avtalstexten', style: 'h3' }, { ul: src.interpretations });
  if (doc.trace.clauses.length > 0) out.push({ text: 'Avtalspunkter', style: 'h3' }, { text: doc.trace.clauses.join(', ') });
  return out;
}

function facts(doc: InvoiceDocument): (readonly [string, string])[] {
  const rows: (readonly [string, string])[] = [
    [doc.isCredit ? 'Kreditfakturanummer' : 'Fakturanummer', doc.invoiceNumber],
    ['Fakturadatum', doc.issueDate],
  ];
  if (!doc.isCredit) rows.push(['Förfallodag', dateText(doc.dueDate)], ['Betalningsvillkor', `${String(doc.paymentTermsDays)} dagar`]);
  if (doc.credits !== null) rows.push(['Krediterar faktura', `${doc.credits.invoiceNumber} av ${doc.credits.issueDate}`]);
  if (doc.creditReason !== null) rows.push(['Orsak till kreditering', doc.creditReason]);
  rows.push(
    ['Er referens', doc.buyerReference],
    ['Period', `${doc.period.text} (${doc.period.from} – ${doc.period.to})`],
    ['Avser', doc.flowTitle],
  );
  if (doc.runLabel !== null) rows.push(['Faktureringskörning', doc.runLabel]);
  return rows;
}

/** The invoice or credit note `doc` as PDF bytes (same document, same bytes). */
export async function renderInvoicePdf(doc: InvoiceDocument): Promise<Buffer> {
  const content: Content[] = [
    { text: `${kindText(doc)} ${doc.invoiceNumber}`, style: 'title' },
    { text: `${doc.flowTitle}, period ${doc.period.text}`, style: 'subtitle' },
  ];
  if (doc.demo) content.push({ text: 'EXEMPEL – demodata, inte en verklig faktura', style: 'demo', margin: [0, 0, 0, 8] });
  content.push(
    {
      columns: [partyBlock('Säljare (fakturerar)', doc.seller), partyBlock('Köpare (betalar)', doc.buyer)],
      columnGap: 24,
      margin: [0, 0, 0, 10],
    },
    factTable(facts(doc)),
    { text: 'Fakturarader', style: 'h2' },
    linesTable(doc),
    { text: vatText(doc), margin: [0, 8, 0, 0] },
    { stack: [{ text: doc.isCredit ? 'Återbetalning' : 'Betalning', style: 'h2' }, { text: paymentText(doc) }], unbreakable: true },
  );
  if (doc.note !== null) content.push({ text: 'Meddelande', style: 'h2' }, { text: doc.note });
  if (doc.provenance.warnings.length > 0) {
    content.push(
      { text: 'Observera: underlaget vilar på värden som inte är slutliga', style: ['h2', 'warning'] },
      { ul: doc.provenance.warnings.map((w) => w.text), style: 'warning' },
    );
  }
  content.push(...appendix(doc));
  return renderPdf(
    { content, styles, footer: footer(`${kindText(doc)} ${doc.invoiceNumber}`) },
    {
      title: `${kindText(doc)} ${doc.invoiceNumber}`,
      subject: `${doc.flowTitle} ${doc.period.text}: ${doc.seller.legalName} till ${doc.buyer.legalName}`,
      created: doc.issueDate,
    },
  );
}
