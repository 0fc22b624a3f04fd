/** A labelled select whose error message is tied to it with aria-describedby (WCAG 3.3.1). */
import type { ReactNode } from 'react';
import { Field, Label, Select, ValidationMessage } from '@digdir/designsystemet-react';

/** The select; `error` is shown under it and announced with the field. */
export function SelectField({
  id,
  label,
  value,
  error,
  description,
  onChange,
  children,
}: {
  readonly id: string;
  readonly label: string;
  readonly value: string;
  readonly error?: string | undefined;
  readonly description?: string | undefined;
  readonly onChange: (v: string) => void;
  readonly children: ReactNode;
}): ReactNode {
  const describedBy = [description ? `${id}-desc` : '', error ? `${id}-error` : ''].filter((s) => s !== '').join(' ');
  return (
    <Field>
      <Label htmlFor={id}>{label}</Label>
      {description ? <Field.Description id={`${id}-desc`}>{description}</Field.Description> : null}
      <Select
        id={id}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy === '' ? undefined : describedBy}
        onChange={(e) => {
          onChange(e.target.value);
        }}
      >
        {children}
      </Select>
      {error ? <ValidationMessage id={`${id}-error`}>{error}</ValidationMessage> : null}
    </Field>
  );
}
