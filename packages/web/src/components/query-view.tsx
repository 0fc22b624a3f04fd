/** Render a TanStack query: a labelled spinner while loading, an error alert, or the data. */
import type { ReactNode } from 'react';
import { Spinner } from '@digdir/designsystemet-react';
import type { UseQueryResult } from '@tanstack/react-query';
import { ErrorAlert } from './error-alert.js';

/** Shows `render(data)` once the query has data. */
export function QueryView<T>({
  query,
  label,
  children,
}: {
  readonly query: UseQueryResult<T>;
  /** What is loading, in Swedish ("avtalsdokumenten"). */
  readonly label: string;
  readonly children: (data: T) => ReactNode;
}): ReactNode {
  if (query.isPending) return <Spinner aria-label={`Hämtar ${label}…`} data-size="md" />;
  if (query.isError) return <ErrorAlert error={query.error} />;
  return children(query.data);
}
