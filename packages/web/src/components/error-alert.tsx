/** Shows an API error: what happened and what to do (from `userMessage`). */
import type { ReactNode } from 'react';
import { Alert, Paragraph } from '@digdir/designsystemet-react';
import { userMessage } from '../api/errors.js';

/** An error alert, announced to screen readers (role="alert"). */
export function ErrorAlert({ error, id }: { readonly error: unknown; readonly id?: string }): ReactNode {
  return (
    <Alert data-color="danger" role="alert" id={id}>
      <Paragraph>{userMessage(error)}</Paragraph>
    </Alert>
  );
}
