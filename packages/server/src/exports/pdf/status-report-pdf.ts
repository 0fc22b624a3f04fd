/**
 * The agreement status report as a PDF: every document's status, current period and last day to
 * give notice; the obligations of the coming days with owner and clause; the open disputes with
 * the forum handling them. Created on the report's day, so the same data gives the same bytes.
 */
import type { DocumentStatus } from '@samverkan/core';
import type { Content, TableCell } from 'pdfmake/interfaces.js';
import { renderPdf } from './pdf-engine.js';
import { footer, lineLayout, styles } from './pdf-parts.js';
import type { AgreementStatusReport } from './status-report.js';

const statusText: Readonly<Record<DocumentStatus, string>> = {
  not_started: 'ej påbörjat',
  active: 'gäller',
  terminated: 'uppsagt',
  expired: 'upphört',
};

function documentsTable(r: AgreementStatusReport): Content {
  const body: TableCell[][] = [
    [
      { text: 'Dokument', style: 'th' },
      { text: 'Status', style: 'th' },
      { text: 'Period', style: 'th' },
      { text: 'Sista dag för uppsägning', style: 'th' },
    ],
    ...r.documents.map((d): TableCell[] => [
      { stack: [{ text: d.title }, { text: `${d.id} · del ${String(d.part)} · ${d.clause}`, style: 'small' }] },
      d.termination === null
        ? statusText[d.status]
        : `${statusText[d.status]} (${d.termination.noticeDate}, upphör ${d.termination.finalEnd})`,
      `${d.periodStart} – ${d.periodEnd}${d.autoRenews ? ', förlängs' : ''}`,
      d.noticeDeadline ?? '–',
    ]),
  ];
  return { table: { headerRows: 1, widths: ['*', 90, 120, 80], body }, layout: lineLayout };
}

function upcomingTable(r: AgreementStatusReport): Content {
  if (r.upcoming.length === 0) return { text: `Inga åtaganden de närmaste ${String(r.horizonDays)} dagarna.` };
  const body: TableCell[][] = [
    [
      { text: 'Datum', style: 'th' },
      { text: 'Åtagande', style: 'th' },
      { text: 'Ansvarig', style: 'th' },
      { text: 'Avtalspunkt', style: 'th' },
    ],
    ...r.upcoming.map((e): TableCell[] => [
      e.date,
      { stack: [{ text: e.title }, ...(e.description === null ? [] : [{ text: e.description, style: 'small' }])] },
      e.owner ?? '–',
      { text: e.clauses.join(', '), style: 'small' },
    ]),
  ];
  return { table: { headerRows: 1, widths: [58, '*', 110, 90], body }, layout: lineLayout };
}

function disputesTable(r: AgreementStatusReport): Content {
  if (r.openDisputes.length === 0) return { text: 'Inga öppna tvister.' };
  const body: TableCell[][] = [
    [
      { text: 'Öppnad', style: 'th' },
      { text: 'Tvist', style: 'th' },
      { text: 'Parter', style: 'th' },
      { text: 'Hanteras av', style: 'th' },
    ],
    ...r.openDisputes.map((d): TableCell[] => [
      d.openedOn,
      {
        stack: [
          { text: d.subject },
          { text: `${d.document} · ${d.level} · ${d.clause}`, style: 'small' },
          ...(d.pending === null ? [] : [{ text: d.pending, style: 'small' }]),
        ],
      },
      `${d.parties[0]} – ${d.parties[1]}`,
      d.forumName,
    ]),
  ];
  return { table: { headerRows: 1, widths: [58, '*', 110, 135], body }, layout: lineLayout };
}

/** The report `r` as PDF bytes (same report, same bytes). */
export async function renderStatusReportPdf(r: AgreementStatusReport): Promise<Buffer> {
  const content: Content[] = [
    { text: `Avtalsläge ${r.on}`, style: 'title' },
    { text: `${r.agreement.title} (${r.agreement.id}, version ${r.agreement.version})`, style: 'subtitle' },
  ];
  if (r.demo) content.push({ text: 'EXEMPEL – demodata', style: 'demo', margin: [0, 0, 0, 8] });
  content.push(
    { text: 'Dokument, perioder och uppsägning', style: 'h2' },
    documentsTable(r),
    { text: `Åtaganden de närmaste ${String(r.horizonDays)} dagarna`, style: 'h2' },
    upcomingTable(r),
    { text: 'Öppna tvister', style: 'h2' },
    disputesTable(r),
  );
  return renderPdf(
    { content, styles, footer: footer(`Avtalsläge ${r.on}`) },
    {
      title: `Avtalsläge ${r.on}`,
      subject: `${r.agreement.title}: perioder, uppsägningstider, åtaganden och öppna tvister`,
      created: r.on,
    },
  );
}
