/**
 * An audit entry's before and after, side by side for the fields that changed (top-level keys of
 * the stored JSON): the whole record is in the CSV export, the change is what a reviewer reads.
 */
import type { ReactNode } from 'react';
import { Details, Paragraph } from '@digdir/designsystemet-react';

function fields(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : value === null || value === undefined
      ? {}
      : { värde: value };
}

function shown(value: unknown): string {
  if (value === undefined) return '–';
  if (typeof value === 'string') return value === '' ? '(tomt)' : value;
  return JSON.stringify(value);
}

/** The changed fields of one entry, or a sentence when nothing is recorded. */
export function AuditDiff({ seq, before, after }: { readonly seq: number; readonly before: unknown; readonly after: unknown }): ReactNode {
  const b = fields(before);
  const a = fields(after);
  const changed = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => JSON.stringify(b[k]) !== JSON.stringify(a[k]));
  return (
    <Details>
      <Details.Summary>Visa ändringar ({changed.length === 1 ? '1 fält' : `${String(changed.length)} fält`})</Details.Summary>
      <Details.Content>
        {changed.length === 0 ? (
          <Paragraph data-size="sm">Inga fält ändrades.</Paragraph>
        ) : (
          <dl className="audit-diff" aria-label={`Ändringar i post ${String(seq)}`}>
            {changed.map((k) => (
              <div key={k}>
                <dt>{k}</dt>
                <dd className="audit-value">
                  Före: {shown(b[k])}
                  <br />
                  Efter: {shown(a[k])}
                </dd>
              </div>
            ))}
          </dl>
        )}
      </Details.Content>
    </Details>
  );
}
