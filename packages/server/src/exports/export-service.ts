/**
 * Exporting: render an approved basis (or a whole run) in a format and audit it — who, which
 * basis, which format, the file name and the SHA-256 of the bytes handed out — in the same
 * transaction that reads the basis, so every file that left the system is in the audit trail.
 */
import { createHash } from 'node:crypto';
import JSZip from 'jszip';
import { SamverkanError, type Agreement } from '@samverkan/core';
import type { Store } from '../store/db.js';
import type { SessionUser } from '../auth/session-user.js';
import { actorOf } from '../auth/session-user.js';
import { appendAudit } from '../audit/append-audit.js';
import { listBases } from '../billing/basis-store.js';
import { buildInvoiceDocument, documentOf } from './export-document.js';
import { exportFileName, exportFormatIds, exportFormats, type ExportFormat, type ExportFormatId } from './export-formats.js';
import type { InvoiceDocument } from './invoice-document.js';

/** One exported file. */
export interface ExportedFile {
  readonly fileName: string;
  readonly contentType: string;
  readonly bytes: Buffer;
  readonly sha256: string;
}

function renderer(format: ExportFormatId): NonNullable<ExportFormat['render']> {
  const f = exportFormats[format];
  if (f.render === null)
    throw new SamverkanError('SAMV_ERR_NOT_CONFIGURED', `format: ${f.title} (${format}) kan inte exporteras ännu i den här versionen.`, {
      field: 'format',
      value: format,
    });
  return f.render;
}

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Export basis `id` as `format` (drafts and placeholder parties refused), audited. */
export async function exportBasis(
  store: Store,
  agreement: Agreement,
  user: SessionUser,
  id: string,
  format: ExportFormatId,
): Promise<ExportedFile> {
  // The document first: a draft or a placeholder party is refused whatever the format.
  const doc = await buildInvoiceDocument(store.db, agreement, user, id);
  const bytes = await renderer(format)(doc);
  const file: ExportedFile = {
    fileName: exportFileName(doc, format),
    contentType: exportFormats[format].contentType,
    bytes,
    sha256: sha256(bytes),
  };
  await store.transaction((trx) =>
    appendAudit(trx, {
      actor: actorOf(user),
      action: 'export',
      entity: 'invoice_bases',
      entityId: id,
      before: null,
      after: { format, fileName: file.fileName, sha256: file.sha256, invoiceNumber: doc.invoiceNumber },
    }),
  );
  return file;
}

/** The formats that can be rendered now. */
export function availableFormats(): ExportFormatId[] {
  return exportFormatIds.filter((f) => exportFormats[f].render !== null);
}

/** Every approved, sent or credited basis and credit note of run `runId` the user may see, as documents. */
export async function runDocuments(store: Store, agreement: Agreement, user: SessionUser, runId: string): Promise<InvoiceDocument[]> {
  const run = await store.db.selectFrom('billing_runs').select(['id']).where('id', '=', runId).executeTakeFirst();
  if (!run) throw new SamverkanError('SAMV_ERR_NOT_FOUND', `Faktureringskörningen ${runId} finns inte.`, { field: 'id', value: runId });
  const rows = (await listBases(store.db, user, { billingRunId: runId }))
    .filter((r) => r.status !== 'draft')
    .sort((a, b) => (a.invoice_number ?? '').localeCompare(b.invoice_number ?? '') || a.id.localeCompare(b.id));
  const docs: InvoiceDocument[] = [];
  for (const r of rows) docs.push(await documentOf(store.db, agreement, user, r));
  return docs;
}

/** A fixed entry date, so the same run exports to the same bytes. */
const ZIP_DATE = new Date(Date.UTC(2026, 0, 1));

/** Run `runId` as one ZIP: each document in every available format, plus the run's combined files; each document's export audited. */
export async function exportRun(
  store: Store,
  agreement: Agreement,
  user: SessionUser,
  runId: string,
): Promise<ExportedFile & { readonly documents: number }> {
  const docs = await runDocuments(store, agreement, user, runId);
  if (docs.length === 0) {
    throw new SamverkanError(
      'SAMV_ERR_CONFLICT',
      `Körningen ${runId} har inga godkända eller krediterade underlag som du får se; utkast exporteras inte, godkänn underlagen först.`,
      { field: 'status', value: 'draft' },
    );
  }
  const formats = availableFormats();
  if (formats.length === 0) renderer('peppol');
  const zip = new JSZip();
  const audits: { basisId: string; format: string; fileName: string; sha256: string; invoiceNumber: string }[] = [];
  for (const doc of docs) {
    for (const format of formats) {
      const bytes = await renderer(format)(doc);
      const fileName = exportFileName(doc, format);
      zip.file(fileName, bytes, { date: ZIP_DATE });
      audits.push({ basisId: doc.basisId, format, fileName, sha256: sha256(bytes), invoiceNumber: doc.invoiceNumber });
    }
  }
  for (const format of formats) {
    const many = exportFormats[format].renderMany;
    if (many === null) continue;
    for (const f of await many(docs))
      zip.file(`korning-${runId.slice(0, 8)}${f.suffix}.${exportFormats[format].extension}`, f.bytes, { date: ZIP_DATE });
  }
  const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  const file = {
    fileName: `fakturor-korning-${runId.slice(0, 8)}.zip`,
    contentType: 'application/zip',
    bytes,
    sha256: sha256(bytes),
    documents: docs.length,
  };
  await store.transaction(async (trx) => {
    for (const a of audits)
      await appendAudit(trx, {
        actor: actorOf(user),
        action: 'export',
        entity: 'invoice_bases',
        entityId: a.basisId,
        before: null,
        after: {
          format: a.format,
          fileName: a.fileName,
          sha256: a.sha256,
          invoiceNumber: a.invoiceNumber,
          zip: file.fileName,
          billingRunId: runId,
        },
      });
  });
  return file;
}
