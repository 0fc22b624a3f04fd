/** Tvister: the list of disputes, opening a new one, and each dispute's detail (`#/tvister/<id>`). */
import type { ReactNode } from 'react';
import { Details, Heading, Link, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useApiQuery } from '../../api/hooks.js';
import { partyName, useMunicipalities } from '../../api/municipalities.js';
import { useDocumentNames } from '../../api/documents.js';
import { can } from '../../auth/roles.js';
import { useSession } from '../../auth/session.js';
import { PageHeading } from '../../components/page-title.js';
import { QueryView } from '../../components/query-view.js';
import { ScrollTable } from '../../components/scroll-table.js';
import { href } from '../../router.js';
import type { PageProps } from '../../routes.js';
import { DisputeDetail } from './dispute-detail.js';
import { NewDisputeForm } from './new-dispute-form.js';
import { levelName, statusName, type Dispute } from './types.js';
import './disputes.css';

/** The Tvister page. */
export default function DisputesPage({ location }: PageProps): ReactNode {
  const id = location.segments[1];
  if (id !== undefined) return <DisputeDetail id={id} />;
  return <DisputeList />;
}

function DisputeList(): ReactNode {
  const { user } = useSession();
  const municipalities = useMunicipalities();
  const documentName = useDocumentNames();
  const list = useApiQuery<{ disputes: readonly Dispute[] }>('/disputes');
  return (
    <div className="stack">
      <PageHeading title="Tvister">Tvister</PageHeading>
      <Paragraph>
        Tvister på individnivå löses direkt mellan ansvariga ledningsfunktioner utan att personens vård fördröjs; kostnader regleras i
        efterhand. Organisatoriska tvister eskaleras ett steg i taget enligt överenskommelsens tvistklausul.
      </Paragraph>
      <QueryView query={list} label="tvisterna">
        {({ disputes }) => {
          return disputes.length === 0 ? (
            <Paragraph>Det finns inga registrerade tvister.</Paragraph>
          ) : (
            <ScrollTable caption="Registrerade tvister">
              <thead>
                <tr>
                  <th scope="col">Ärende</th>
                  <th scope="col">Överenskommelse</th>
                  <th scope="col">Parter</th>
                  <th scope="col">Öppnad</th>
                  <th scope="col">Steg</th>
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                {disputes.map((d) => (
                  <tr key={d.id}>
                    <td>
                      <Link href={href(`/tvister/${d.id}`)}>{d.subject}</Link>
                    </td>
                    <td>
                      {documentName(d.document)}, {levelName(d.level).toLowerCase()}
                    </td>
                    <td>
                      {partyName(d.parties[0], municipalities)} – {partyName(d.parties[1], municipalities)}
                    </td>
                    <td>{d.openedOn}</td>
                    <td>{d.currentStep.forumName}</td>
                    <td>
                      <Tag data-color={d.status === 'open' ? 'warning' : d.status === 'decided' ? 'info' : 'success'}>
                        {statusName(d.status)}
                      </Tag>
                    </td>
                  </tr>
                ))}
              </tbody>
            </ScrollTable>
          );
        }}
      </QueryView>
      {can(user ?? undefined, 'disputes.change') ? (
        <Details>
          <Details.Summary>Öppna en ny tvist</Details.Summary>
          <Details.Content>
            <Heading level={2} data-size="xs" className="visually-hidden">
              Ny tvist
            </Heading>
            <NewDisputeForm municipalities={municipalities} />
          </Details.Content>
        </Details>
      ) : null}
    </div>
  );
}
