/**
 * Avtal: the eight documents with parts and colours, the validity timeline with notice deadlines
 * and today marked, the status report PDF, the searchable clauses, the decision history, and
 * recording a termination.
 */
import type { ReactNode } from 'react';
import { Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { API_BASE, query } from '../../api/client.js';
import { useApiQuery } from '../../api/hooks.js';
import { can } from '../../auth/roles.js';
import { useSession } from '../../auth/session.js';
import { PageHeading } from '../../components/page-title.js';
import { QueryView } from '../../components/query-view.js';
import { ScrollTable } from '../../components/scroll-table.js';
import { todayInSweden } from '../../format/dates.js';
import { ClauseSearch } from './clause-search.js';
import { DocumentsSection } from './documents-section.js';
import { partColour } from './part-colours.js';
import { TerminationForm } from './termination-form.js';
import { nextPeriod } from './periods.js';
import { Timeline, type TimelineRow } from './timeline.js';
import type { AgreementsResponse, Decision, DocumentLifecycle, DocumentsResponse } from './types.js';
import './agreements.css';

function timelineRows(status: AgreementsResponse, docs: DocumentsResponse): TimelineRow[] {
  return status.agreements.map((s) => {
    const doc = docs.documents.find((d) => d.id === s.id);
    const part = docs.parts.find((p) => p.part === s.part);
    const periods: TimelineRow['periods'][number][] = [{ start: s.periodStart, end: s.periodEnd, kind: s.status === 'terminated' ? 'final' : 'current' }];
    if (s.autoRenews && s.status === 'active') periods.push({ ...nextPeriod(s.periodEnd, doc?.renewal.extensionYears ?? 2), kind: 'next' });
    return { id: s.id, label: s.id, colour: partColour(part?.colour), periods, noticeDeadline: s.noticeDeadline };
  });
}

/** The years the timeline spans: from the earliest start (or today) to the latest end. */
function yearRange(rows: readonly TimelineRow[], today: string): { fromYear: number; toYear: number } {
  const starts = rows.flatMap((r) => r.periods.map((p) => Number(p.start.slice(0, 4))));
  const ends = rows.flatMap((r) => r.periods.map((p) => Number(p.end.slice(0, 4))));
  const year = Number(today.slice(0, 4));
  return { fromYear: Math.min(year, ...starts), toYear: Math.max(year, ...ends) };
}

function statusText(s: DocumentLifecycle, docs: DocumentsResponse): string {
  switch (s.status) {
    case 'active': {
      if (!s.autoRenews) return `Gäller till ${s.periodEnd}; förlängs inte automatiskt.`;
      const next = nextPeriod(s.periodEnd, docs.documents.find((d) => d.id === s.id)?.renewal.extensionYears ?? 2);
      return `Gäller. Förlängs till ${next.end} om den inte sägs upp senast ${s.noticeDeadline ?? ''}.`;
    }
    case 'terminated':
      return `Uppsagd. Upphör ${s.periodEnd}.`;
    case 'expired':
      return `Har upphört (${s.periodEnd}).`;
    case 'not_started':
      return `Börjar gälla ${s.periodStart}.`;
  }
}

/** The Avtal page. */
export default function AgreementsPage(): ReactNode {
  const { user } = useSession();
  const today = todayInSweden();
  const docs = useApiQuery<DocumentsResponse>('/documents', { staleTime: Infinity });
  const status = useApiQuery<AgreementsResponse>(`/agreements${query({ on: today })}`);
  const decisions = useApiQuery<{ decisions: readonly Decision[] }>('/decisions');
  return (
    <div className="stack">
      <PageHeading title="Avtal">Avtal</PageHeading>
      <Paragraph>
        Samverkansavtalet består av fem delar. Del 1–3 är beslutade överenskommelser; del 4–5 är underlag och stödjande dokument.
      </Paragraph>

      <section aria-labelledby="docs-heading" className="section">
        <Heading level={2} data-size="md" id="docs-heading">
          Dokument och delar
        </Heading>
        <QueryView query={docs} label="avtalsdokumenten">
          {(d) => <DocumentsSection data={d} />}
        </QueryView>
      </section>

      <section aria-labelledby="timeline-heading" className="section">
        <Heading level={2} data-size="md" id="timeline-heading">
          Giltighet och uppsägning
        </Heading>
        {user ? (
          <Paragraph>
            <Link href={`${API_BASE}/agreements/status-report.pdf${query({ on: today })}`} download data-testid="status-report">
              Ladda ned avtalsläget {today} som PDF
            </Link>{' '}
            – perioder, sista dag för uppsägning, åtaganden de närmaste 90 dagarna och öppna tvister.
          </Paragraph>
        ) : null}
        <QueryView query={status} label="giltighetsperioderna">
          {(s) =>
            docs.data ? (
              <>
                <Timeline rows={timelineRows(s, docs.data)} today={today} {...yearRange(timelineRows(s, docs.data), today)} />
                <ScrollTable caption="Giltighetsperioder och sista dag för uppsägning">
                  <thead>
                    <tr>
                      <th scope="col">Överenskommelse</th>
                      <th scope="col">Period</th>
                      <th scope="col">Sista dag för uppsägning</th>
                      <th scope="col">Status</th>
                    </tr>
                  </thead>
                  <tbody>
                    {s.agreements.map((d) => (
                      <tr key={d.id}>
                        <th scope="row">
                          {docs.data.documents.find((x) => x.id === d.id)?.shortTitle ?? d.title} ({d.id})
                        </th>
                        <td>
                          {d.periodStart} – {d.periodEnd}
                        </td>
                        <td>{d.noticeDeadline ?? '–'}</td>
                        <td data-testid={`status-${d.id}`}>{statusText(d, docs.data)}</td>
                      </tr>
                    ))}
                  </tbody>
                </ScrollTable>
              </>
            ) : null
          }
        </QueryView>
      </section>

      <section aria-labelledby="clauses-heading" className="section">
        <Heading level={2} data-size="md" id="clauses-heading">
          Klausuler
        </Heading>
        <ClauseSearch />
      </section>

      <section aria-labelledby="decisions-heading" className="section">
        <Heading level={2} data-size="md" id="decisions-heading">
          Beslutshistorik
        </Heading>
        <QueryView query={decisions} label="beslutshistoriken">
          {({ decisions: list }) => {
            return (
              <ScrollTable caption="Beslut om samverkansavtalet och dess föregångare" captionHidden>
                <thead>
                  <tr>
                    <th scope="col">Datum</th>
                    <th scope="col">Organ och referens</th>
                    <th scope="col">Beslut</th>
                    <th scope="col">Berör</th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((d) => (
                    <tr key={d.id}>
                      <td>{d.date}</td>
                      <td>
                        {d.body}
                        {d.reference ? `, ${d.reference}` : ''}
                      </td>
                      <td>{d.decision}</td>
                      <td>{d.documents.length > 0 ? d.documents.map((id) => docs.data?.documents.find((x) => x.id === id)?.shortTitle ?? id).join(', ') : '–'}</td>
                    </tr>
                  ))}
                </tbody>
              </ScrollTable>
            );
          }}
        </QueryView>
      </section>

      {can(user ?? undefined, 'agreements.terminate') && docs.data ? (
        <section aria-labelledby="termination-heading" className="section">
          <Heading level={2} data-size="md" id="termination-heading">
            Registrera uppsägning
          </Heading>
          <TerminationForm documents={docs.data.documents} />
        </section>
      ) : null}
    </div>
  );
}
