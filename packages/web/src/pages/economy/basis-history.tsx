/**
 * A basis's own history (`GET /invoice-bases/:id/history`): created in which run, approved, sent,
 * exported, credited with the reason and corrected by a new draft, oldest first, each with who
 * acted (display name, the stored id on hover) and when, and a link to the other basis an event
 * concerns (the credit note, the corrected draft, the basis replaced).
 */
import type { ReactNode } from 'react';
import { Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { useApiQuery } from '../../api/hooks.js';
import { PersonName } from '../../components/person-name.js';
import { QueryView } from '../../components/query-view.js';
import { formatTimestamp } from '../../format/dates.js';
import { href } from '../../router.js';

interface BasisEvent {
  readonly at: string;
  readonly kind: string;
  readonly actor: string | null;
  readonly actorName: string | null;
  readonly text: string;
  readonly relatedBasisId?: string;
}

/** The history section of basis `id`. */
export function BasisHistory({ id }: { readonly id: string }): ReactNode {
  const history = useApiQuery<{ events: readonly BasisEvent[] }>(`/invoice-bases/${encodeURIComponent(id)}/history`);
  return (
    <section aria-labelledby="basis-history-heading" data-testid="basis-history">
      <Heading level={2} data-size="sm" id="basis-history-heading">
        Historik
      </Heading>
      <QueryView query={history} label="historiken">
        {({ events }) =>
          events.length === 0 ? (
            <Paragraph>Inga händelser är registrerade.</Paragraph>
          ) : (
            <ol className="basis-history">
              {events.map((e, i) => (
                <li key={`${e.kind}-${String(i)}`} data-kind={e.kind}>
                  <time dateTime={e.at}>{formatTimestamp(e.at)}</time>
                  <span>
                    {e.text}
                    {e.actor === null ? null : (
                      <>
                        {' '}
                        Av <PersonName id={e.actor} name={e.actorName} />.
                      </>
                    )}
                    {e.relatedBasisId === undefined ? null : (
                      <>
                        {' '}
                        <Link href={href(`/ekonomi/fakturering/${e.relatedBasisId}`)}>
                          {e.kind === 'credited'
                            ? 'Öppna kreditnotan'
                            : e.kind === 'corrected'
                              ? 'Öppna det nya utkastet'
                              : 'Öppna underlaget'}
                        </Link>
                      </>
                    )}
                  </span>
                </li>
              ))}
            </ol>
          )
        }
      </QueryView>
    </section>
  );
}
