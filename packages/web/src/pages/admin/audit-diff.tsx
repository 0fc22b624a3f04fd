/**
 * An audit entry's before and after, side by side for the fields that changed (top-level keys of
 * the stored JSON): the whole record is in the CSV export, the change is what a reviewer reads.
 * The service sends `changes` with each field's Swedish label and both values as read (the
 * glossary, decision 0190: money in kronor, times in Swedish time, Ja/Nej, people and parties by
 * name); the stored key is on hover.
 */
import type { ReactNode } from 'react';
import { Details, Paragraph } from '@digdir/designsystemet-react';

/** One changed field as the service describes it. */
export interface FieldChange {
  readonly field: string;
  readonly label: string;
  readonly before: string;
  readonly after: string;
}

/** The changed fields of one entry, or a sentence when nothing is recorded. */
export function AuditDiff({ seq, changes }: { readonly seq: number; readonly changes: readonly FieldChange[] }): ReactNode {
  return (
    <Details>
      <Details.Summary>Visa ändringar ({changes.length === 1 ? '1 fält' : `${String(changes.length)} fält`})</Details.Summary>
      <Details.Content>
        {changes.length === 0 ? (
          <Paragraph data-size="sm">Inga fält ändrades.</Paragraph>
        ) : (
          <dl className="audit-diff" aria-label={`Ändringar i post ${String(seq)}`}>
            {changes.map((c) => (
              <div key={c.field}>
                <dt title={`Fält i granskningsloggen: ${c.field}`} data-field={c.field}>
                  {c.label}
                </dt>
                <dd className="audit-value">
                  Före: {c.before}
                  <br />
                  Efter: {c.after}
                </dd>
              </div>
            ))}
          </dl>
        )}
      </Details.Content>
    </Details>
  );
}
