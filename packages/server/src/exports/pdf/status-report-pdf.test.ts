import { describe, expect, it } from 'vitest';
import { agreementLifecycle, calendarForYear, Temporal } from '@samverkan/core';
import { readAgreement } from '../../agreement/read-agreement-dir.js';
import type { DisputeView } from '../../disputes/dispute-view.js';
import { hasPoppler, maybeScreenshot, pdfText } from './pdf-text.testkit.js';
import { renderStatusReportPdf } from './status-report-pdf.js';
import { statusReportOf } from './status-report.js';

const agreement = readAgreement();

function dispute(over: Partial<DisputeView>): DisputeView {
  const step = { index: 0, forum: 'ledningsfunktioner', forumName: 'Ansvariga ledningsfunktioner', description: 'Första steget' };
  return {
    id: 'd1',
    document: 'ORD',
    level: 'organisation',
    subject: 'Ersättning för uppdrag i Åre',
    parties: ['region', '2321'],
    openedOn: '2026-02-03',
    status: 'open',
    currentStep: step,
    path: [step],
    clause: 'ORD.tvist',
    note: null,
    outcome: null,
    costRegulationOre: null,
    costRegulationPayer: null,
    costRegulationPayee: null,
    decidedOn: null,
    decision: null,
    pendingDecision: null,
    proposals: [],
    createdBy: 'u1',
    demo: true,
    history: [],
    ...over,
  };
}

describe('agreement status report', () => {
  const on = '2026-11-15';
  const disputes = [
    dispute({}),
    dispute({ id: 'd2', subject: 'Stängd tvist', status: 'closed' }),
    dispute({ id: 'd3', subject: 'Beslutad tvist', status: 'decided', openedOn: '2026-01-05' }),
  ];
  const report = statusReportOf(agreement, on, [], disputes);

  it('lists every document with its period and notice deadline, the next 90 days across the year end, and only open disputes', () => {
    expect(report.documents).toEqual(agreementLifecycle(agreement, Temporal.PlainDate.from(on)));
    const expected = [...calendarForYear(agreement, 2026), ...calendarForYear(agreement, 2027)].filter(
      (e) => e.date >= '2026-11-15' && e.date <= '2027-02-13',
    );
    expect(report.upcoming.map((e) => e.id).sort()).toEqual(expected.map((e) => e.id).sort());
    expect(report.upcoming.some((e) => e.date.startsWith('2027'))).toBe(true);
    expect(report.openDisputes.map((d) => d.id)).toEqual(['d1']);
    expect(report.openDisputes[0]?.parties).toEqual([agreement.meta.region.name, 'Åre']);
    expect(() => statusReportOf(agreement, '2026-13-01', [], [])).toThrow(/datum: "2026-13-01" är inte ett datum/);
  });

  it.runIf(hasPoppler)('PDF (pdftotext present): periods, notice deadlines, obligations with dates, the open dispute', async () => {
    const pdf = await renderStatusReportPdf(report);
    maybeScreenshot(pdf, 'pdf-avtalslage');
    const text = pdfText(pdf).replace(/[ ]+/g, ' ');
    expect(text).toContain(`Avtalsläge ${on}`);
    for (const d of report.documents) {
      expect(text).toContain(d.id);
      expect(text).toContain(`${d.periodStart} – ${d.periodEnd}`);
      if (d.noticeDeadline !== null) expect(text).toContain(d.noticeDeadline);
    }
    expect(report.upcoming.length).toBeGreaterThan(0);
    for (const e of report.upcoming) expect(text).toContain(e.date);
    expect(text).toContain('Ersättning för uppdrag i Åre');
    expect(text).toContain('Ansvariga ledningsfunktioner');
    expect(text).not.toContain('Stängd tvist');
    expect(text).not.toContain('Beslutad tvist');
  });
});
