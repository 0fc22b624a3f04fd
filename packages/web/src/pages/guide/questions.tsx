/**
 * The guide's questions as accessible form controls: each is a fieldset with a legend (or a
 * labelled field), plain-Swedish help text, and radio buttons that work with the keyboard.
 */
import { useState, type ReactNode } from 'react';
import { Field, Fieldset, Label, Radio, Select, Textfield } from '@digdir/designsystemet-react';
import type { Tri } from './guide-state.js';

/** A yes/no question; with `unknown`, also "Vet inte / inte bedömt". */
export function YesNo({
  name,
  legend,
  description,
  value,
  onChange,
  allowUnknown = false,
}: {
  readonly name: string;
  readonly legend: ReactNode;
  readonly description?: ReactNode;
  readonly value: Tri | undefined;
  readonly onChange: (v: Tri) => void;
  readonly allowUnknown?: boolean;
}): ReactNode {
  const options: readonly { v: Tri; label: string }[] = [
    { v: true, label: 'Ja' },
    { v: false, label: 'Nej' },
    ...(allowUnknown ? [{ v: 'unknown' as const, label: 'Vet inte / inte bedömt ännu' }] : []),
  ];
  return (
    <Fieldset className="guide-question" data-question={name}>
      <Fieldset.Legend>{legend}</Fieldset.Legend>
      {description ? <Fieldset.Description>{description}</Fieldset.Description> : null}
      <div className="guide-options">
        {options.map((o) => (
          <Radio
            key={String(o.v)}
            name={name}
            value={String(o.v)}
            label={o.label}
            checked={value === o.v}
            onChange={() => {
              onChange(o.v);
            }}
          />
        ))}
      </div>
    </Fieldset>
  );
}

/** A radio group over labelled options with optional descriptions. */
export function Choice<T extends string | number>({
  name,
  legend,
  description,
  options,
  value,
  onChange,
}: {
  readonly name: string;
  readonly legend: ReactNode;
  readonly description?: ReactNode;
  readonly options: readonly { readonly value: T; readonly label: ReactNode; readonly description?: ReactNode }[];
  readonly value: T | undefined;
  readonly onChange: (v: T) => void;
}): ReactNode {
  return (
    <Fieldset className="guide-question" data-question={name}>
      <Fieldset.Legend>{legend}</Fieldset.Legend>
      {description ? <Fieldset.Description>{description}</Fieldset.Description> : null}
      {options.map((o) => (
        <Radio
          key={String(o.value)}
          name={name}
          value={String(o.value)}
          label={o.label}
          description={o.description}
          checked={value === o.value}
          onChange={() => {
            onChange(o.value);
          }}
        />
      ))}
    </Fieldset>
  );
}

/** The municipality of registration: the eight municipalities, or none of them. */
export function MunicipalitySelect({
  municipalities,
  value,
  onChange,
}: {
  readonly municipalities: readonly { readonly code: string; readonly name: string }[];
  readonly value: string | undefined;
  readonly onChange: (code: string | undefined) => void;
}): ReactNode {
  return (
    <Field className="guide-question" data-question="registeredMunicipality">
      <Label htmlFor="q-registeredMunicipality">Var är personen folkbokförd?</Label>
      <Field.Description id="q-registeredMunicipality-desc">
        Välj ”Inte folkbokförd i länet” för besökare, asylsökande, personer utan papper och folkbokförda i ett annat län.
      </Field.Description>
      <Select
        id="q-registeredMunicipality"
        aria-describedby="q-registeredMunicipality-desc"
        value={value ?? ''}
        onChange={(e) => {
          onChange(e.target.value === '' ? undefined : e.target.value);
        }}
      >
        <Select.Option value="">Välj kommun</Select.Option>
        {municipalities.map((m) => (
          <Select.Option key={m.code} value={m.code}>
            {m.name}
          </Select.Option>
        ))}
        <Select.Option value="none">Inte folkbokförd i länet</Select.Option>
      </Select>
    </Field>
  );
}

/**
 * A short optional text field. What is typed is kept locally and written to the answers (the URL)
 * only once it is valid, so a half-typed time does not vanish; an invalid value gets a message
 * that says how to write it, tied to the field.
 */
export function OptionalText({
  name,
  label,
  description,
  value,
  inputMode,
  validate,
  onChange,
}: {
  readonly name: string;
  readonly label: string;
  readonly description: string;
  readonly value: string | undefined;
  readonly inputMode?: 'text' | 'numeric';
  readonly validate?: (text: string) => string | undefined;
  readonly onChange: (v: string | undefined) => void;
}): ReactNode {
  const [draft, setDraft] = useState(value ?? '');
  const [touched, setTouched] = useState(false);
  const [seen, setSeen] = useState(value);
  if (seen !== value) {
    // The answers changed from outside (Börja om, a shared link): show them.
    setSeen(value);
    if ((value ?? '') !== draft.trim()) setDraft(value ?? '');
  }
  const problem = draft.trim() === '' ? undefined : validate?.(draft.trim());
  return (
    <div className="guide-question" data-question={name}>
      <Textfield
        id={`q-${name}`}
        label={label}
        description={description}
        inputMode={inputMode}
        value={draft}
        error={touched ? problem : undefined}
        onBlur={() => {
          setTouched(true);
        }}
        onChange={(e) => {
          const text = e.target.value;
          setDraft(text);
          const trimmed = text.trim();
          if (trimmed === '') onChange(undefined);
          else if (!validate?.(trimmed)) onChange(trimmed);
        }}
      />
    </div>
  );
}
