/**
 * Building blocks the PDFs share: styles, the party block, a two-column fact table, a
 * right-aligned amount cell and the page footer, so the invoice, the settlement and the status
 * report look like one family.
 */
import type { Content, ContentTable, ContentText, StyleDictionary } from 'pdfmake/interfaces.js';
import type { DocumentParty } from '../invoice-document.js';

/** The styles every PDF uses. */
export const styles: StyleDictionary = {
  title: { fontSize: 18, bold: true, margin: [0, 0, 0, 2] },
  subtitle: { fontSize: 11, color: '#333333', margin: [0, 0, 0, 10] },
  h2: { fontSize: 12.5, bold: true, margin: [0, 14, 0, 6] },
  h3: { fontSize: 10.5, bold: true, margin: [0, 8, 0, 3] },
  label: { color: '#555555', fontSize: 8.5 },
  th: { bold: true, fontSize: 8.5, color: '#333333' },
  small: { fontSize: 8, color: '#444444' },
  warning: { color: '#8a3b00' },
  demo: { color: '#a00000', bold: true },
};

/** `2021005489` → `202100-5489`, how Swedish documents write an organisationsnummer. */
export function orgnrText(digits: string): string {
  return /^\d{10}$/.test(digits) ? `${digits.slice(0, 6)}-${digits.slice(6)}` : digits;
}

/** A party's name, unit, organisationsnummer, address and VAT number, under a heading. */
export function partyBlock(heading: string, p: DocumentParty): Content {
  const lines: string[] = [p.unit === null ? p.legalName : `${p.legalName}, ${p.unit}`, `Org.nr ${orgnrText(p.organisationNumber)}`];
  if (p.address.street !== null) lines.push(p.address.street);
  lines.push(`${p.address.postalCode} ${p.address.city}`);
  if (p.vatNumber !== null) lines.push(`Momsreg.nr ${p.vatNumber}`);
  const block: Content[] = [
    { text: heading, style: 'label' },
    { text: lines[0] ?? '', bold: true },
    ...lines.slice(1).map((t) => ({ text: t })),
  ];
  if (p.placeholder)
    block.push({ text: `EXEMPEL – platshållare i partsregistret (${p.placeholderFields.join(', ')})`, style: ['small', 'warning'] });
  return { stack: block };
}

/** Label/value rows without borders. */
export function factTable(rows: readonly (readonly [string, string])[]): ContentTable {
  return {
    table: { widths: [110, '*'], body: rows.map(([k, v]) => [{ text: k, style: 'label' }, { text: v }]) },
    layout: 'noBorders',
  };
}

/** A right-aligned cell (amounts, quantities). */
export function right(text: string, bold = false): ContentText {
  return { text, alignment: 'right', bold, noWrap: true };
}

/** Thin horizontal rules between rows, a rule under the header row. */
export const lineLayout = {
  hLineWidth: (i: number, node: { table: { body: unknown[] } }): number =>
    i === 0 || i === node.table.body.length ? 0 : i === 1 ? 0.8 : 0.3,
  vLineWidth: (): number => 0,
  hLineColor: (): string => '#999999',
  paddingTop: (): number => 3,
  paddingBottom: (): number => 3,
};

/** `Faktura RJH-2026-000017 · sida 1 av 3`. */
export function footer(label: string): (page: number, pages: number) => Content {
  return (page, pages) => ({
    text: `${label} · sida ${String(page)} av ${String(pages)}`,
    alignment: 'center',
    style: 'small',
    margin: [0, 20, 0, 0],
  });
}
