/**
 * A person (or the command line, or the system) as the service names them: the display name,
 * with the stored actor id (`user:ekonom.region`) on hover, so the audit log can be matched.
 */
import type { ReactNode } from 'react';

/** The name, falling back to the id when the service sent no name. */
export function PersonName({ id, name }: { readonly id: string; readonly name?: string | null | undefined }): ReactNode {
  return (
    <span className="person-name" title={`Användar-id: ${id}`} data-actor={id}>
      {name ?? id}
    </span>
  );
}
