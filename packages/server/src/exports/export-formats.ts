/**
 * The four export formats and how each is delivered: content type, file extension and the
 * renderer (a pure function of InvoiceDocuments; peppol/, pdf/, xlsx/, sie/). A format whose
 * renderer is missing is listed with `render: null` and answers 501, so the routes, the CLI and
 * the web app never offer a file that cannot be produced. One basis's SIE file is the seller's
 * books; a run's ZIP also holds one SIE file per party on each side (decision 0170).
 */
import type { InvoiceDocument } from './invoice-document.js';

// Renderers are loaded on first use: pdfmake and exceljs are large, and neither the server's
// start nor a CLI command that exports nothing should pay for them.
const peppol = () => import('./peppol/render-ubl.js');
const pdf = () => import('./pdf/invoice-pdf.js');
const xlsx = () => import('./xlsx/render-workbook.js');
const sie = () => import('./sie/render-sie.js');
const sieConfig = async () => (await import('./sie/sie-config-file.js')).configuredSieAccounts();

export const exportFormatIds = ['peppol', 'pdf', 'xlsx', 'sie'] as const;
export type ExportFormatId = (typeof exportFormatIds)[number];

/** One format. */
export interface ExportFormat {
  readonly id: ExportFormatId;
  /** Swedish name for messages and buttons. */
  readonly title: string;
  readonly contentType: string;
  readonly extension: string;
  /** Render one document (one invoice or credit note). */
  readonly render: ((doc: InvoiceDocument) => Promise<Buffer>) | null;
  /** Render several documents into combined files (a run's workbook, its SIE files per party), when the format can. */
  readonly renderMany: ((docs: readonly InvoiceDocument[]) => Promise<readonly CombinedFile[]>) | null;
}

/** One combined file of a run; named `korning-<run><suffix>.<extension>` in the ZIP. */
export interface CombinedFile {
  readonly suffix: string;
  readonly bytes: Buffer;
}

/** A party code and unit as a file-name part (`region-MT`, `2380`). */
function partyPart(code: string, unit: string | null): string {
  return `${code}${unit === null ? '' : `-${unit}`}`.replace(/[^A-Za-z0-9-]/g, '_');
}

/** One SIE file per company on each side of `docs`: `-saljare-region`, `-kopare-2380`. */
async function sieFilesOfRun(docs: readonly InvoiceDocument[]): Promise<CombinedFile[]> {
  const { renderSieFiles } = await sie();
  const sides = [
    ['seller', 'saljare'],
    ['buyer', 'kopare'],
  ] as const;
  const config = await sieConfig();
  return sides.flatMap(([side, name]) =>
    renderSieFiles(docs, { side, config }).map((f) => ({ suffix: `-${name}-${partyPart(f.party.code, f.party.unit)}`, bytes: f.bytes })),
  );
}

/** The formats, in the order they are offered. */
export const exportFormats: Readonly<Record<ExportFormatId, ExportFormat>> = {
  peppol: {
    id: 'peppol',
    title: 'Peppol BIS Billing 3.0 (e-faktura)',
    contentType: 'application/xml; charset=utf-8',
    extension: 'xml',
    render: async (doc) => Buffer.from((await peppol()).renderUbl(doc), 'utf8'),
    renderMany: null,
  },
  pdf: {
    id: 'pdf',
    title: 'PDF',
    contentType: 'application/pdf',
    extension: 'pdf',
    render: async (doc) => (await pdf()).renderInvoicePdf(doc),
    renderMany: null,
  },
  xlsx: {
    id: 'xlsx',
    title: 'Excel',
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extension: 'xlsx',
    render: async (doc) => (await xlsx()).renderWorkbook([doc]),
    renderMany: async (docs) => [{ suffix: '', bytes: await (await xlsx()).renderWorkbook(docs) }],
  },
  sie: {
    id: 'sie',
    title: 'SIE 4I (bokföring)',
    contentType: 'text/plain; charset=IBM437',
    extension: 'se',
    render: async (doc) => (await sie()).renderSie([doc], { side: 'seller', config: await sieConfig() }),
    renderMany: sieFilesOfRun,
  },
};

/** True when `text` names a format. */
export function isExportFormat(text: string): text is ExportFormatId {
  return (exportFormatIds as readonly string[]).includes(text);
}

/** `faktura-RJH-2026-000017.xml` / `kreditnota-RJH-2026-000018.pdf`. */
export function exportFileName(doc: Pick<InvoiceDocument, 'isCredit' | 'invoiceNumber'>, format: ExportFormatId): string {
  return `${doc.isCredit ? 'kreditnota' : 'faktura'}-${doc.invoiceNumber.replace(/[^A-Za-z0-9-]/g, '_')}.${exportFormats[format].extension}`;
}
