/**
 * The deadline banner of the start page and Avtal: each notice deadline within 90 days and each
 * document that ends without renewal, with a countdown and a link to Avtal. A live region would
 * announce itself on every page load, so a notice is role="status" (polite), and role="alert"
 * only in the last week, when it must not be missed.
 */
import type { ReactNode } from 'react';
import { Alert, Link, Paragraph } from '@digdir/designsystemet-react';
import { query } from '../../api/client.js';
import { useApiQuery } from '../../api/hooks.js';
import { can } from '../../auth/roles.js';
import { useSession } from '../../auth/session.js';
import { formatDateLong, todayInSweden } from '../../format/dates.js';
import { href } from '../../router.js';
import { countdown, deadlineNotices, type DeadlineNotice } from './deadlines.js';
import type { AgreementsResponse } from './types.js';

function list(docs: DeadlineNotice['documents']): string {
  const names = docs.map((d) => `${d.title} (${d.id})`);
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} och ${names[names.length - 1] ?? ''}`;
}

function text(n: DeadlineNotice): { title: string; body: string } {
  const when = `${countdown(n.days)}, ${formatDateLong(n.date)}`;
  if (n.kind === 'notice') {
    const one = n.documents.length === 1;
    return {
      title: `Sista dag för uppsägning ${when}`,
      body: `Gäller ${list(n.documents)}. Utan uppsägning senast den dagen förlängs ${one ? 'dokumentet' : 'dokumenten'} automatiskt.`,
    };
  }
  const ids = n.documents.map((d) => d.id).join(' och ');
  return { title: `${ids} upphör ${when}`, body: `${list(n.documents)} förlängs inte automatiskt; sista giltighetsdag är ${formatDateLong(n.date)}.` };
}

/** One line of the compact banner: what is due, when, and how many documents. */
function compactLine(n: DeadlineNotice): ReactNode {
  const count = n.documents.length === 1 ? '1 dokument' : `${String(n.documents.length)} dokument`;
  if (n.kind === 'notice')
    return (
      <>
        <strong>Sista dag för uppsägning {countdown(n.days)}</strong> ({count})
      </>
    );
  return <strong>{`${n.documents.map((d) => d.id).join(' och ')} upphör ${countdown(n.days)}`}</strong>;
}

const colour = (n: DeadlineNotice): 'danger' | 'warning' | 'info' =>
  n.days <= 7 ? 'danger' : n.kind === 'notice' && n.days <= 30 ? 'warning' : 'info';

/**
 * The banner (nothing for a role that may not read the agreement, or when nothing is due).
 * `compact`: one line per notice with a disclosure for the documents and dates, for a person who
 * came for something else (the nurse on the guide, who must see the first question on a phone's
 * first screen); the full text is for the roles that manage the agreement and for Avtal.
 */
export function DeadlineBanner({ compact = false }: { readonly compact?: boolean }): ReactNode {
  const { user } = useSession();
  const allowed = can(user ?? undefined, 'agreements.read');
  const today = todayInSweden();
  const status = useApiQuery<AgreementsResponse>(allowed ? `/agreements${query({ on: today })}` : undefined);
  if (!allowed || !status.data) return null;
  const notices = deadlineNotices(status.data.agreements, today);
  if (notices.length === 0) return null;
  if (compact) {
    return (
      <section aria-label="Tidsfrister i avtalet" className="deadline-banner deadline-banner--compact" data-testid="deadline-banner">
        {notices.map((n) => {
          const t = text(n);
          return (
            <div
              key={`${n.kind}-${n.date}`}
              className="deadline-line"
              data-color={colour(n)}
              data-kind={n.kind}
              role={n.days <= 7 ? 'alert' : 'status'}
            >
              <details>
                <summary>{compactLine(n)}</summary>
                <Paragraph data-size="sm">
                  <strong>{t.title}.</strong> {t.body} <Link href={href('/avtal')}>Se giltighet och uppsägning under Avtal</Link>.
                </Paragraph>
              </details>
            </div>
          );
        })}
      </section>
    );
  }
  return (
    // No heading: the banner comes before the page's h1, and a heading here would break the outline.
    <section aria-label="Tidsfrister i avtalet" className="deadline-banner stack" data-testid="deadline-banner">
      {notices.map((n) => {
        const t = text(n);
        const urgent = n.days <= 7;
        return (
          <Alert key={`${n.kind}-${n.date}`} data-color={colour(n)} role={urgent ? 'alert' : 'status'}>
            <Paragraph>
              <strong>{t.title}.</strong> {t.body} <Link href={href('/avtal')}>Se giltighet och uppsägning under Avtal</Link>.
            </Paragraph>
          </Alert>
        );
      })}
    </section>
  );
}
