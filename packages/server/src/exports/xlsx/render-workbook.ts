/**
 * A run's bases as one Excel workbook for checking by hand: a summary sheet and one sheet per
 * basis (header with parties, number, dates and reference; every line; a live SUM for the total
 * with the computed total as its cached result, so a reader without recalculation sees the same
 * number). Amounts are kronor as numbers made from öre by exact decimal text (1234.56), formatted
 * `#,##0.00 "kr"` — Excel stores number formats in its invariant notation and shows them with the
 * reader's separators, so a Swedish Excel shows `1 234,56 kr`. Imported text is written so it can
 * never become a formula (safe-cell.ts).
 */
import ExcelJS from 'exceljs';
import type { InvoiceDocument } from '../invoice-document.js';
import { oreDecimal, pricePerText, unitText } from '../swedish-text.js';
import { safeText } from './safe-cell.js';
import { sheetNames } from './sheet-names.js';

/** Number format of amounts in kronor. */
export const KRONOR_FORMAT = '#,##0.00 "kr"';
/** Number format of quantities (up to three decimals, as stored). */
export const QUANTITY_FORMAT = '#,##0.###';

/** Kronor as the exact two-decimal number the öre amount is. */
export function kronorNumber(amountOre: number): number {
  return Number(oreDecimal(amountOre));
}

const lineColumns = ['Rad', 'Beskrivning', 'Datum', 'Referens', 'Antal', 'Enhet', 'À-pris', 'Pris avser', 'Belopp', 'Avtalspunkt'] as const;
/** Column letter of the amount column. */
const AMOUNT_COL = 'I';

function title(doc: InvoiceDocument): string {
  return `${doc.isCredit ? 'Kreditfaktura' : 'Faktura'} ${doc.invoiceNumber}`;
}

/** Writes one basis's sheet; returns the address of its total cell. */
function basisSheet(ws: ExcelJS.Worksheet, doc: InvoiceDocument): string {
  ws.columns = [
    { width: 6 },
    { width: 48 },
    { width: 12 },
    { width: 26 },
    { width: 10 },
    { width: 18 },
    { width: 14 },
    { width: 20 },
    { width: 16 },
    { width: 24 },
  ];
  ws.addRow([title(doc)]).font = { bold: true, size: 14 };
  if (doc.demo) ws.addRow(['EXEMPEL – demodata']).font = { color: { argb: 'FFA00000' }, bold: true };
  const header: [string, string | ReturnType<typeof safeText>][] = [
    [
      'Säljare',
      `${doc.seller.legalName}${doc.seller.unit === null ? '' : `, ${doc.seller.unit}`} (org.nr ${doc.seller.organisationNumber})`,
    ],
    ['Köpare', `${doc.buyer.legalName}${doc.buyer.unit === null ? '' : `, ${doc.buyer.unit}`} (org.nr ${doc.buyer.organisationNumber})`],
    [doc.isCredit ? 'Kreditfakturanummer' : 'Fakturanummer', doc.invoiceNumber],
    ['Fakturadatum', doc.issueDate],
    ['Förfallodag', doc.dueDate ?? '–'],
    ['Er referens', safeText(doc.buyerReference)],
    ['Period', `${doc.period.text} (${doc.period.from} – ${doc.period.to})`],
    ['Avser', doc.flowTitle],
  ];
  if (doc.credits !== null) header.push(['Krediterar faktura', `${doc.credits.invoiceNumber} av ${doc.credits.issueDate}`]);
  if (doc.creditReason !== null) header.push(['Orsak till kreditering', safeText(doc.creditReason)]);
  for (const w of doc.provenance.warnings) header.push(['Observera', w.text]);
  for (const [k, v] of header) {
    const row = ws.addRow([k, v]);
    row.getCell(1).font = { bold: true };
  }
  ws.addRow([]);
  const head = ws.addRow([...lineColumns]);
  head.font = { bold: true };
  head.eachCell((c) => (c.border = { bottom: { style: 'thin' } }));
  const first = head.number + 1;
  for (const l of doc.lines) {
    const row = ws.addRow([
      l.lineNo,
      safeText(l.description),
      l.date,
      safeText(l.reference),
      Number(l.quantity),
      unitText(l.unit, l.quantity),
      kronorNumber(l.unitPriceOre),
      pricePerText(l.unit, l.baseQuantity),
      kronorNumber(l.amountOre),
      l.clause,
    ]);
    row.getCell(5).numFmt = QUANTITY_FORMAT;
    row.getCell(7).numFmt = KRONOR_FORMAT;
    row.getCell(9).numFmt = KRONOR_FORMAT;
  }
  const last = first + doc.lines.length - 1;
  const total = ws.addRow(['', doc.isCredit ? 'Summa kreditfaktura' : 'Summa att betala']);
  total.font = { bold: true };
  const cell = total.getCell(9);
  // An empty basis has no lines; its SUM is over no cells and its result 0.
  cell.value = {
    formula: doc.lines.length === 0 ? '0' : `SUM(${AMOUNT_COL}${String(first)}:${AMOUNT_COL}${String(last)})`,
    result: kronorNumber(doc.totalOre),
  };
  cell.numFmt = KRONOR_FORMAT;
  cell.border = { top: { style: 'thin' } };
  ws.views = [{ state: 'frozen', ySplit: head.number }];
  return `$${AMOUNT_COL}$${String(total.number)}`;
}

/** The workbook for `docs` (one sheet each, plus a summary) as .xlsx bytes. */
export async function renderWorkbook(docs: readonly InvoiceDocument[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  // Fixed metadata from the documents, never the clock.
  const when = new Date(
    `${
      docs
        .map((d) => d.issueDate)
        .sort()
        .at(-1) ?? '2026-01-01'
    }T00:00:00Z`,
  );
  wb.creator = 'Samverkan';
  wb.lastModifiedBy = 'Samverkan';
  wb.created = when;
  wb.modified = when;
  const summary = wb.addWorksheet('Sammanställning');
  const names = sheetNames(docs.map((d) => d.invoiceNumber));
  summary.columns = [{ width: 22 }, { width: 14 }, { width: 34 }, { width: 34 }, { width: 14 }, { width: 12 }, { width: 18 }];
  summary.addRow(['Faktura', 'Typ', 'Säljare', 'Köpare', 'Period', 'Fakturadatum', 'Belopp']).font = { bold: true };
  const rows: number[] = [];
  docs.forEach((doc, i) => {
    const name = names[i] ?? doc.invoiceNumber;
    const totalAt = basisSheet(wb.addWorksheet(name), doc);
    const row = summary.addRow([
      doc.invoiceNumber,
      doc.isCredit ? 'Kreditfaktura' : 'Faktura',
      doc.seller.legalName,
      doc.buyer.legalName,
      doc.period.text,
      doc.issueDate,
    ]);
    const c = row.getCell(7);
    c.value = { formula: `'${name.replace(/'/g, "''")}'!${totalAt}`, result: kronorNumber(doc.totalOre) };
    c.numFmt = KRONOR_FORMAT;
    rows.push(row.number);
  });
  const sum = summary.addRow(['Summa']);
  sum.font = { bold: true };
  const total = docs.reduce((t, d) => t + BigInt(d.totalOre), 0n);
  const sc = sum.getCell(7);
  sc.value = { formula: rows.length === 0 ? '0' : `SUM(G2:G${String(rows.at(-1) ?? 2)})`, result: kronorNumber(Number(total)) };
  sc.numFmt = KRONOR_FORMAT;
  return Buffer.from(await wb.xlsx.writeBuffer());
}
