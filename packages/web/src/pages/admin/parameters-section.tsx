/** Parameters with validity, source clause and decision; a new value starts a new validity period. */
import { useState, type SubmitEvent, type ReactNode } from 'react';
import { Alert, Button, Field, Heading, Label, Paragraph, Select, Tag, Textfield } from '@digdir/designsystemet-react';
import { userMessage } from '../../api/errors.js';
import { useApiMutation, useApiQuery } from '../../api/hooks.js';
import { formatValue } from '../../format/values.js';
import { QueryView } from '../../components/query-view.js';
import { ScrollTable } from '../../components/scroll-table.js';
import { isIsoDate } from '../../format/dates.js';
import { parseKronorInput } from '../../format/money.js';

interface ParameterValue {
  readonly validFrom: string;
  readonly validTo?: string | null;
  readonly value: number | string;
  readonly baseYear?: number | null;
  readonly source: string;
  readonly decisionRef?: string | null;
  readonly version?: number;
}

interface Parameter {
  readonly id: string;
  readonly title: string;
  readonly unit: string;
  readonly clause: string;
  readonly agreementValues: readonly ParameterValue[];
  readonly recordedValues: readonly ParameterValue[];
  /** The values calculations use: the agreement's, replaced by recorded decisions. */
  readonly effectiveValues: readonly ParameterValue[];
  readonly indexation: { readonly series: string } | null;
}

const unitLabel = (u: string): string | undefined =>
  ({
    ore: 'öre',
    ore_per_started_hour: 'öre',
    ore_per_hour: 'öre',
    ore_per_person: 'öre',
    minutes: 'minuter',
    persons: 'personer',
    percent: '%',
  })[u];

const displayValue = (p: Parameter, v: number | string): string =>
  p.unit.startsWith('ore') ? formatValue(v, p.unit) : formatValue(v, unitLabel(p.unit) ?? p.unit);

type Key = 'parameterId' | 'validFrom' | 'value' | 'baseYear' | 'source' | 'decisionRef';

function NewValue({ parameters }: { readonly parameters: readonly Parameter[] }): ReactNode {
  const [v, setV] = useState<Record<Key, string>>({ parameterId: '', validFrom: '', value: '', baseYear: '', source: '', decisionRef: '' });
  const [errors, setErrors] = useState<Partial<Record<Key, string>>>({});
  const save = useApiMutation<unknown, Record<string, unknown>>(
    (body) => ({ path: '/parameters', json: body }),
    ['/parameters', '/calculations'],
  );
  const set = (k: Key) => (value: string) => {
    setV((old) => ({ ...old, [k]: value }));
  };
  const selected = parameters.find((p) => p.id === v.parameterId);
  function submit(e: SubmitEvent): void {
    e.preventDefault();
    const found: Partial<Record<Key, string>> = {};
    if (!selected) found.parameterId = 'Välj vilken parameter som ändras.';
    if (!isIsoDate(v.validFrom)) found.validFrom = 'Skriv första giltighetsdag som ÅÅÅÅ-MM-DD.';
    const money = selected?.unit.startsWith('ore') === true;
    const kronor = money ? parseKronorInput(v.value) : undefined;
    if (kronor && !kronor.ok) found.value = kronor.message;
    if (!money && !/^-?\d+(?:[.,]\d+)?$/.test(v.value.trim()))
      found.value = 'Skriv ett tal, med decimalkomma vid behov, till exempel 47,18.';
    if (selected?.indexation && !/^\d{4}$/.test(v.baseYear.trim()))
      found.baseYear = 'Ett indexerat värde behöver sitt basår: skriv året vars nivå värdet har, till exempel 2026.';
    if (v.source.trim() === '') found.source = 'Skriv källan: dokument och avsnitt där värdet står.';
    if (v.decisionRef.trim() === '') found.decisionRef = 'Skriv beslutet som fastställer värdet, till exempel SVOM § 31 2025-09-05.';
    setErrors(found);
    const first = Object.keys(found)[0];
    if (first) {
      document.getElementById(`pv-${first}`)?.focus();
      return;
    }
    const value = v.value.trim().replace(',', '.');
    save.mutate({
      parameterId: v.parameterId,
      validFrom: v.validFrom,
      // Money is typed in kronor and stored in öre; other values are exact decimals as text.
      value: kronor?.ok ? kronor.ore : /^-?\d+$/.test(value) ? Number(value) : value,
      ...(selected?.indexation ? { baseYear: Number(v.baseYear.trim()) } : {}),
      source: v.source.trim(),
      decisionRef: v.decisionRef.trim(),
    });
  }
  return (
    <form className="stack narrow" noValidate onSubmit={submit}>
      <Field>
        <Label htmlFor="pv-parameterId">Parameter</Label>
        <Select
          id="pv-parameterId"
          value={v.parameterId}
          aria-invalid={errors.parameterId ? true : undefined}
          onChange={(e) => {
            set('parameterId')(e.target.value);
          }}
        >
          <Select.Option value="">Välj</Select.Option>
          {parameters.map((p) => (
            <Select.Option key={p.id} value={p.id}>
              {p.title}
            </Select.Option>
          ))}
        </Select>
        {errors.parameterId ? (
          <Paragraph data-size="sm" className="field-error">
            {errors.parameterId}
          </Paragraph>
        ) : null}
      </Field>
      <Textfield
        id="pv-validFrom"
        label="Gäller från"
        description="ÅÅÅÅ-MM-DD"
        inputMode="numeric"
        value={v.validFrom}
        error={errors.validFrom}
        onChange={(e) => {
          set('validFrom')(e.target.value);
        }}
      />
      <Textfield
        id="pv-value"
        label={`Värde${selected ? ` (${selected.unit.startsWith('ore') ? 'kronor' : (unitLabel(selected.unit) ?? selected.unit)})` : ''}`}
        inputMode="decimal"
        value={v.value}
        error={errors.value}
        onChange={(e) => {
          set('value')(e.target.value);
        }}
      />
      {selected?.indexation ? (
        <Textfield
          id="pv-baseYear"
          label="Basår"
          description={`Värdet räknas upp årligen med ${selected.indexation.series} från detta år.`}
          inputMode="numeric"
          value={v.baseYear}
          error={errors.baseYear}
          onChange={(e) => {
            set('baseYear')(e.target.value);
          }}
        />
      ) : null}
      <Textfield
        id="pv-source"
        label="Källa"
        value={v.source}
        error={errors.source}
        onChange={(e) => {
          set('source')(e.target.value);
        }}
      />
      <Textfield
        id="pv-decisionRef"
        label="Beslutsreferens"
        value={v.decisionRef}
        error={errors.decisionRef}
        onChange={(e) => {
          set('decisionRef')(e.target.value);
        }}
      />
      {save.isError ? (
        <Alert data-color="danger" role="alert">
          {userMessage(save.error)}
        </Alert>
      ) : null}
      {save.isSuccess ? <Alert data-color="success">Det nya värdet är sparat.</Alert> : null}
      <div>
        <Button type="submit" disabled={save.isPending}>
          Spara nytt värde
        </Button>
      </div>
    </form>
  );
}

/** All parameters with every value period, and the form for a new value. */
export function ParametersSection(): ReactNode {
  const list = useApiQuery<{ parameters: readonly Parameter[] }>('/parameters');
  return (
    <QueryView query={list} label="parametrarna">
      {({ parameters: params }) => {
        return (
          <>
            <Paragraph>
              Varje värde har en giltighetsperiod, en källa i avtalstexten och ett beslut. Indexerade värden räknas upp årligen från
              basåret.
            </Paragraph>
            <ScrollTable caption="Parametrar">
              <thead>
                <tr>
                  <th scope="col">Parameter</th>
                  <th scope="col">Värde</th>
                  <th scope="col">Gäller</th>
                  <th scope="col">Källa och beslut</th>
                </tr>
              </thead>
              <tbody>
                {params.flatMap((p) =>
                  p.effectiveValues.map((val, i) => (
                    <tr key={`${p.id}-${val.validFrom}-${String(i)}`}>
                      <td>
                        {i === 0 ? (
                          <>
                            <strong>{p.title}</strong>
                            <br />
                            <Tag data-color="neutral" data-size="sm">
                              {p.clause}
                            </Tag>
                          </>
                        ) : null}
                      </td>
                      <td className="num">
                        {displayValue(p, val.value)}
                        {val.baseYear ? <span className="muted"> ({val.baseYear} års nivå)</span> : null}
                      </td>
                      <td>
                        {val.validFrom} – {val.validTo ?? 'tills vidare'}
                      </td>
                      <td>
                        {val.source}
                        {val.decisionRef ? `; beslut ${val.decisionRef}` : ''}
                        {p.indexation ? `; indexeras med ${p.indexation.series}` : ''}
                      </td>
                    </tr>
                  )),
                )}
              </tbody>
            </ScrollTable>
            <Heading level={2} data-size="xs">
              Nytt värde för en parameter
            </Heading>
            <NewValue parameters={params} />
          </>
        );
      }}
    </QueryView>
  );
}
