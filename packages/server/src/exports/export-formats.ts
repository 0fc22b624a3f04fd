/**
 * The four export formats and how each is delivered: content type, file extension and the
 * renderer (a pure function of InvoiceDocuments; peppol/, pdf/, xlsx/, sie/). A format whose
 * renderer has not landed yet is listed with `render: null` and answers 501, so the routes, the
 * CLI and the web app never offer a file that cannot be produced.
 */
import type { InvoiceDocument } from './invoice-document.js';

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
  /** Render several documents into one file (a run's workbook or SIE file), when the format can. */
  readonly renderMany: ((docs: readonly InvoiceDocument[]) => Promise<Buffer>) | null;
}

/** The formats, in the order they are offered. */
export const exportFormats: Readonly<Record<ExportFormatId, ExportFormat>> = {
  peppol: { id: 'peppol', title: 'Peppol BIS Billing 3.0 (e-faktura)', contentType: 'application/xml; charset=utf-8', extension: 'xml', render: null, renderMany: null },
  pdf: { id: 'pdf', title: 'PDF', contentType: 'application/pdf', extension: 'pdf', render: null, renderMany: null },
  xlsx: { id: 'xlsx', title: 'Excel', contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extension: 'xlsx', render: null, renderMany: null },
  sie: { id: 'sie', title: 'SIE 4I (bokföring)', contentType: 'text/plain; charset=IBM437', extension: 'se', render: null, renderMany: null },
};

/** True when `text` names a format. */
export function isExportFormat(text: string): text is ExportFormatId {
  return (exportFormatIds as readonly string[]).includes(text);
}

/** `faktura-RJH-2026-000017.xml` / `kreditnota-RJH-2026-000018.pdf`. */
export function exportFileName(doc: Pick<InvoiceDocument, 'isCredit' | 'invoiceNumber'>, format: ExportFormatId): string {
  return `${doc.isCredit ? 'kreditnota' : 'faktura'}-${doc.invoiceNumber.replace(/[^A-Za-z0-9-]/g, '_')}.${exportFormats[format].extension}`;
}
