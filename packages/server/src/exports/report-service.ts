/**
 * The two PDFs that are not one invoice: a tilläggsbelopp run's settlement (TILL.avstamning) read
 * back from its approved bases, and the agreement status report of a day (periods, notice
 * deadlines, the next 90 days, open disputes). Audited like every export — who, what, file name
 * and SHA-256 — so every file that left the system is in the audit trail.
 */
import { createHash } from 'node:crypto';
import { parseDate, SamverkanError, type Agreement } from '@samverkan/core';
import type { Store } from '../store/db.js';
import type { SessionUser } from '../auth/session-user.js';
import { actorOf } from '../auth/session-user.js';
import { can } from '../auth/roles.js';
import { appendAudit } from '../audit/append-audit.js';
import { listBases } from '../billing/basis-store.js';
import { listDisputes } from '../disputes/dispute-store.js';
import { storedTerminations } from '../terminations/termination-store.js';
import { documentOf } from './export-document.js';
import type { ExportedFile } from './export-service.js';
import type { InvoiceDocument } from './invoice-document.js';

const PDF = 'application/pdf';

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * The approved (or sent) tilläggsbelopp invoices of run `runId` the user may see. Credited
 * invoices and credit notes are left out: the settlement shows what stands billed.
 */
async function settlementDocuments(store: Store, agreement: Agreement, user: SessionUser, runId: string): Promise<InvoiceDocument[]> {
  const run = await store.db.selectFrom('billing_runs').select(['id', 'flow', 'period']).where('id', '=', runId).executeTakeFirst();
  if (!run) throw new SamverkanError('SAMV_ERR_NOT_FOUND', `Faktureringskörningen ${runId} finns inte.`, { field: 'id', value: runId });
  if (run.flow !== 'tillaggsbelopp') {
    throw new SamverkanError(
      'SAMV_ERR_CONFLICT',
      `Körningen ${runId} gäller flödet ${run.flow}; avstämningen av tilläggsbeloppet finns bara för körningar av flödet tillaggsbelopp.`,
      { field: 'flow', value: run.flow },
    );
  }
  const rows = (await listBases(store.db, user, { billingRunId: runId }))
    .filter((r) => (r.status === 'approved' || r.status === 'sent') && r.credit_of === null)
    .sort((a, b) => (a.invoice_number ?? '').localeCompare(b.invoice_number ?? '') || a.id.localeCompare(b.id));
  if (rows.length === 0) {
    throw new SamverkanError(
      'SAMV_ERR_CONFLICT',
      `Körningen ${runId} (tilläggsbelopp ${run.period}) har inga godkända underlag som du får se; avstämningen visar godkända underlag, så godkänn utkasten först.`,
      { field: 'status', value: 'draft' },
    );
  }
  const docs: InvoiceDocument[] = [];
  for (const r of rows) docs.push(await documentOf(store.db, agreement, user, r));
  return docs;
}

/** The tilläggsbelopp settlement of run `runId` as a PDF (409 for another flow or no approved basis), audited. */
export async function exportSettlement(store: Store, agreement: Agreement, user: SessionUser, runId: string): Promise<ExportedFile> {
  const docs = await settlementDocuments(store, agreement, user, runId);
  const [{ settlementFromDocuments }, { renderSettlementPdf }] = await Promise.all([
    import('./pdf/tillaggsbelopp-settlement.js'),
    import('./pdf/settlement-pdf.js'),
  ]);
  const settlement = settlementFromDocuments(docs);
  const bytes = await renderSettlementPdf(settlement);
  const file: ExportedFile = {
    fileName: `avstamning-tillaggsbelopp-${String(settlement.year)}-${runId.slice(0, 8)}.pdf`,
    contentType: PDF,
    bytes,
    sha256: sha256(bytes),
  };
  await store.transaction((trx) =>
    appendAudit(trx, {
      actor: actorOf(user),
      action: 'export',
      entity: 'billing_runs',
      entityId: runId,
      before: null,
      after: {
        format: 'pdf',
        report: 'tillaggsbelopp-settlement',
        fileName: file.fileName,
        sha256: file.sha256,
        invoiceNumbers: docs.map((d) => d.invoiceNumber),
      },
    }),
  );
  return file;
}

/**
 * The agreement status report of day `on` (ISO date) as a PDF: terminations from the database,
 * the open disputes the user may see (none for a role without `disputes:read`), audited.
 */
export async function exportStatusReport(store: Store, agreement: Agreement, user: SessionUser, on: string): Promise<ExportedFile> {
  const day = parseDate(on, 'on').toString();
  const [terminations, disputes] = await Promise.all([
    storedTerminations(store.db),
    can(user.role, 'disputes:read') ? listDisputes(store, agreement, user) : Promise.resolve([]),
  ]);
  const [{ statusReportOf }, { renderStatusReportPdf }] = await Promise.all([
    import('./pdf/status-report.js'),
    import('./pdf/status-report-pdf.js'),
  ]);
  const report = statusReportOf(agreement, day, terminations, disputes);
  const bytes = await renderStatusReportPdf(report);
  const file: ExportedFile = { fileName: `avtalslage-${day}.pdf`, contentType: PDF, bytes, sha256: sha256(bytes) };
  await store.transaction((trx) =>
    appendAudit(trx, {
      actor: actorOf(user),
      action: 'export',
      entity: 'agreement',
      entityId: agreement.meta.id,
      before: null,
      after: {
        format: 'pdf',
        report: 'status-report',
        on: day,
        fileName: file.fileName,
        sha256: file.sha256,
        openDisputes: report.openDisputes.length,
      },
    }),
  );
  return file;
}
