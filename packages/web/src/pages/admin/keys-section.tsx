/**
 * Allocation keys (the three-factor key of TILL and hälsovalet): each factor's weight and the
 * measure per municipality, with source and decision. A new key starts as a copy of the newest.
 */
import { useState, type SubmitEvent, type ReactNode } from 'react';
import { Alert, Button, Heading, Paragraph, Tag, Textfield } from '@digdir/designsystemet-react';
import { userMessage } from '../../api/errors.js';
import { useApiMutation, useApiQuery } from '../../api/hooks.js';
import { useMunicipalities, type Municipality } from '../../api/municipalities.js';
import { QueryView } from '../../components/query-view.js';
import { ScrollTable } from '../../components/scroll-table.js';
import { isIsoDate } from '../../format/dates.js';
import { formatDecimalString } from '../../format/numbers.js';

/** One factor (packages/server/src/reference/allocation-keys.ts). */
interface Factor {
  readonly id: string;
  readonly name: string;
  /** Exact decimal text; the weights of a key sum to exactly 1. */
  readonly weight: string;
  /** What is measured, e.g. "Invånare 80 år och äldre". */
  readonly measure: string;
  readonly source: string;
  readonly decision?: string;
  /** Municipality code → measure (exact decimal text). */
  readonly values: Readonly<Record<string, string>>;
}

interface AllocationKey {
  readonly id: string;
  /** The key's id, shared by its versions. */
  readonly name: string;
  readonly title: string;
  readonly note: string | null;
  readonly validFrom: string;
  readonly validTo?: string | null;
  readonly factors: readonly Factor[];
  readonly source: string;
  readonly decisionRef?: string | null;
  readonly example?: boolean;
  readonly version?: number;
}

function KeyTable({ k, municipalities }: { readonly k: AllocationKey; readonly municipalities: readonly Municipality[] }): ReactNode {
  return (
    <ScrollTable caption={`${k.title}, från ${k.validFrom}`}>
      <thead>
        <tr>
          <th scope="col">Faktor</th>
          <th scope="col" className="num">
            Vikt
          </th>
          {municipalities.map((m) => (
            <th key={m.code} scope="col" className="num">
              {m.name}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {k.factors.map((f) => (
          <tr key={f.id}>
            <th scope="row">
              {f.name}
              <br />
              <span className="muted">{f.measure}</span>
            </th>
            <td className="num">{formatDecimalString(f.weight)}</td>
            {municipalities.map((m) => (
              <td key={m.code} className="num">
                {f.values[m.code] !== undefined ? formatDecimalString(f.values[m.code] ?? '') : '–'}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </ScrollTable>
  );
}

function NewKey({ base, municipalities }: { readonly base: AllocationKey; readonly municipalities: readonly Municipality[] }): ReactNode {
  const [title, setTitle] = useState(base.title.replace(/\s*\(exempel\)/i, ''));
  const [validFrom, setValidFrom] = useState('');
  const [source, setSource] = useState('');
  const [decisionRef, setDecisionRef] = useState('');
  const [factors, setFactors] = useState(base.factors.map((f) => ({ ...f, values: { ...f.values } })));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useApiMutation<unknown, Record<string, unknown>>(
    (body) => ({ path: '/allocation-keys', json: body }),
    ['/allocation-keys', '/calculations'],
  );
  const num = /^\d+(?:[.,]\d+)?$/;

  function submit(e: SubmitEvent): void {
    e.preventDefault();
    const found: Record<string, string> = {};
    if (title.trim() === '') found['key-title'] = 'Skriv en rubrik för nyckeln.';
    if (!isIsoDate(validFrom)) found['key-validFrom'] = 'Skriv första giltighetsdag som ÅÅÅÅ-MM-DD.';
    if (source.trim() === '') found['key-source'] = 'Skriv varifrån måtten kommer, till exempel SCB, befolkning 2025-12-31.';
    factors.forEach((f, i) => {
      if (!num.test(f.weight.trim())) found[`key-w-${String(i)}`] = 'Skriv vikten som ett decimaltal, till exempel 0,5.';
      municipalities.forEach((m) => {
        if (!num.test((f.values[m.code] ?? '').trim())) found[`key-m-${String(i)}-${m.code}`] = 'Skriv ett tal.';
      });
    });
    setErrors(found);
    const first = Object.keys(found)[0];
    if (first) {
      document.getElementById(first)?.focus();
      return;
    }
    save.mutate({
      // A new version of the same key (same name), unless the key shipped as an example.
      name: base.example ? `${base.name.replace(/-exempel$/, '')}-beslutad` : base.name,
      title: title.trim(),
      validFrom,
      source: source.trim(),
      ...(decisionRef.trim() === '' ? {} : { decisionRef: decisionRef.trim() }),
      factors: factors.map((f) => ({
        id: f.id,
        name: f.name,
        weight: f.weight.trim().replace(',', '.'),
        measure: f.measure,
        source: source.trim(),
        values: Object.fromEntries(municipalities.map((m) => [m.code, (f.values[m.code] ?? '').trim().replace(',', '.')])),
      })),
    });
  }

  return (
    <form className="stack" noValidate onSubmit={submit}>
      <div className="stack narrow">
        <Textfield
          id="key-title"
          label="Rubrik"
          value={title}
          error={errors['key-title']}
          onChange={(e) => {
            setTitle(e.target.value);
          }}
        />
        <Textfield
          id="key-validFrom"
          label="Gäller från"
          description="ÅÅÅÅ-MM-DD"
          inputMode="numeric"
          value={validFrom}
          error={errors['key-validFrom']}
          onChange={(e) => {
            setValidFrom(e.target.value);
          }}
        />
        <Textfield
          id="key-source"
          label="Källa för måtten"
          value={source}
          error={errors['key-source']}
          onChange={(e) => {
            setSource(e.target.value);
          }}
        />
        <Textfield
          id="key-decisionRef"
          label="Beslutsreferens (valfritt)"
          value={decisionRef}
          onChange={(e) => {
            setDecisionRef(e.target.value);
          }}
        />
      </div>
      {factors.map((f, i) => (
        <fieldset key={f.id} className="key-grid ds-fieldset">
          <legend>
            {f.name} ({f.measure})
          </legend>
          <div className="index-grid">
            <Textfield
              id={`key-w-${String(i)}`}
              label="Vikt"
              inputMode="decimal"
              value={f.weight}
              error={errors[`key-w-${String(i)}`]}
              onChange={(e) => {
                const weight = e.target.value;
                setFactors((old) => old.map((x, j) => (j === i ? { ...x, weight } : x)));
              }}
            />
            {municipalities.map((m) => (
              <Textfield
                key={m.code}
                id={`key-m-${String(i)}-${m.code}`}
                label={m.name}
                inputMode="decimal"
                value={f.values[m.code] ?? ''}
                error={errors[`key-m-${String(i)}-${m.code}`]}
                onChange={(e) => {
                  const value = e.target.value;
                  setFactors((old) => old.map((x, j) => (j === i ? { ...x, values: { ...x.values, [m.code]: value } } : x)));
                }}
              />
            ))}
          </div>
        </fieldset>
      ))}
      {save.isError ? (
        <Alert data-color="danger" role="alert">
          {userMessage(save.error)}
        </Alert>
      ) : null}
      {save.isSuccess ? <Alert data-color="success">Nyckeln är sparad.</Alert> : null}
      <div>
        <Button type="submit" disabled={save.isPending}>
          Spara ny fördelningsnyckel
        </Button>
      </div>
    </form>
  );
}

/** The keys and the form for a new one. */
export function KeysSection(): ReactNode {
  const municipalities = useMunicipalities();
  const list = useApiQuery<{ allocationKeys: readonly AllocationKey[] }>('/allocation-keys');
  return (
    <QueryView query={list} label="fördelningsnycklarna">
      {({ allocationKeys: keys }) => {
        const newest = keys[keys.length - 1];
        return (
          <>
            <Paragraph>
              Kommun k får Σ vikt × (kommunens mått / summan av måtten) för varje faktor. Vikterna ska summera till 1. Exempelnycklar är
              märkta som exempel i varje beräkning som använder dem.
            </Paragraph>
            {keys.map((k) => (
              <section key={k.id} aria-label={k.title} className="stack">
                <Heading level={2} data-size="xs">
                  {k.title}{' '}
                  {k.example ? (
                    <Tag data-color="warning" data-size="sm">
                      Exempel
                    </Tag>
                  ) : null}
                </Heading>
                {k.note ? <Paragraph data-size="sm">{k.note}</Paragraph> : null}
                <Paragraph data-size="sm">
                  Gäller från {k.validFrom}
                  {k.validTo ? ` till ${k.validTo}` : ''}. Källa: {k.source}
                  {k.decisionRef ? `. Beslut: ${k.decisionRef}` : ''}.
                </Paragraph>
                <KeyTable k={k} municipalities={municipalities} />
              </section>
            ))}
            {newest && municipalities.length > 0 ? (
              <section aria-labelledby="new-key" className="stack">
                <Heading level={2} data-size="xs" id="new-key">
                  Ny fördelningsnyckel
                </Heading>
                <NewKey base={newest} municipalities={municipalities} />
              </section>
            ) : null}
          </>
        );
      }}
    </QueryView>
  );
}
