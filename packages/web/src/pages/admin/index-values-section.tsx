/** Index values (VPI, OPI, LPIK): yearly percentages with status, source and decision; versioned and audited. */
import { useState, type SubmitEvent, type ReactNode } from 'react';
import { Alert, Button, Field, Heading, Label, Link, Paragraph, Select, Tag, Textfield } from '@digdir/designsystemet-react';
import { href } from '../../router.js';
import { errorField, userMessage } from '../../api/errors.js';
import { useApiMutation, useApiQuery } from '../../api/hooks.js';
import { QueryView } from '../../components/query-view.js';
import { ScrollTable } from '../../components/scroll-table.js';
import { formatTimestamp } from '../../format/dates.js';
import { formatPercent } from '../../format/numbers.js';

interface IndexValue {
  readonly id: string;
  readonly series: string;
  readonly year: number;
  readonly percent: string;
  readonly kind: string;
  readonly publishedOn: string | null;
  readonly source: string;
  readonly decisionRef: string | null;
  readonly version: number;
  readonly example?: boolean;
  readonly recordedAt?: string;
}

type Key = 'series' | 'year' | 'percent' | 'kind' | 'publishedOn' | 'source' | 'decisionRef';

function NewIndexValue(): ReactNode {
  const [v, setV] = useState<Record<Key, string>>({
    series: 'LPIK',
    year: '',
    percent: '',
    kind: 'outcome',
    publishedOn: '',
    source: '',
    decisionRef: '',
  });
  const [errors, setErrors] = useState<Partial<Record<Key, string>>>({});
  const save = useApiMutation<{ indexValue: IndexValue }, Record<string, unknown>>(
    (body) => ({ path: '/index-values', json: body }),
    ['/index-values', '/calculations'],
  );
  const set = (k: Key) => (value: string) => {
    setV((old) => ({ ...old, [k]: value }));
  };
  function submit(e: SubmitEvent): void {
    e.preventDefault();
    const found: Partial<Record<Key, string>> = {};
    if (!/^\d{4}$/.test(v.year.trim())) found.year = 'Skriv året med fyra siffror, till exempel 2026.';
    if (!/^[+-−]?\d+(?:[.,]\d+)?$/.test(v.percent.trim()))
      found.percent = 'Skriv förändringen i procent med decimalkomma, till exempel 2,9.';
    if (v.publishedOn !== '' && !/^\d{4}-\d{2}-\d{2}$/.test(v.publishedOn)) found.publishedOn = 'Skriv datumet som ÅÅÅÅ-MM-DD.';
    if (v.source.trim() === '') found.source = 'Skriv källan, till exempel SKR, cirkulär 25:12.';
    setErrors(found);
    const first = Object.keys(found)[0];
    if (first) {
      document.getElementById(`iv-${first}`)?.focus();
      return;
    }
    save.mutate({
      series: v.series,
      year: Number(v.year),
      percent: v.percent.trim().replace(',', '.').replace('−', '-'),
      kind: v.kind,
      source: v.source.trim(),
      ...(v.publishedOn === '' ? {} : { publishedOn: v.publishedOn }),
      ...(v.decisionRef.trim() === '' ? {} : { decisionRef: v.decisionRef.trim() }),
    });
  }
  const serverField = errorField(save.error);
  return (
    <form className="stack narrow" noValidate onSubmit={submit}>
      <Field>
        <Label htmlFor="iv-series">Indexserie</Label>
        <Select
          id="iv-series"
          value={v.series}
          onChange={(e) => {
            set('series')(e.target.value);
          }}
        >
          <Select.Option value="LPIK">LPIK – landstingsprisindex exkl. läkemedel</Select.Option>
          <Select.Option value="VPI">VPI – vårdprisindex</Select.Option>
          <Select.Option value="OPI">OPI – omsorgsprisindex</Select.Option>
        </Select>
      </Field>
      <Textfield
        id="iv-year"
        label="År"
        inputMode="numeric"
        value={v.year}
        error={errors.year ?? (serverField === 'year' ? userMessage(save.error) : undefined)}
        onChange={(e) => {
          set('year')(e.target.value);
        }}
      />
      <Textfield
        id="iv-percent"
        label="Förändring i procent"
        inputMode="decimal"
        suffix="%"
        value={v.percent}
        error={errors.percent ?? (serverField === 'percent' ? userMessage(save.error) : undefined)}
        onChange={(e) => {
          set('percent')(e.target.value);
        }}
      />
      <Field>
        <Label htmlFor="iv-kind">Utfall eller prognos</Label>
        <Select
          id="iv-kind"
          value={v.kind}
          onChange={(e) => {
            set('kind')(e.target.value);
          }}
        >
          <Select.Option value="outcome">Utfall</Select.Option>
          <Select.Option value="forecast">Prognos</Select.Option>
        </Select>
      </Field>
      <Textfield
        id="iv-publishedOn"
        label="Publicerad (valfritt)"
        description="ÅÅÅÅ-MM-DD"
        inputMode="numeric"
        value={v.publishedOn}
        error={errors.publishedOn}
        onChange={(e) => {
          set('publishedOn')(e.target.value);
        }}
      />
      <Textfield
        id="iv-source"
        label="Källa"
        value={v.source}
        error={errors.source}
        onChange={(e) => {
          set('source')(e.target.value);
        }}
      />
      <Textfield
        id="iv-decisionRef"
        label="Beslutsreferens (valfritt)"
        value={v.decisionRef}
        onChange={(e) => {
          set('decisionRef')(e.target.value);
        }}
      />
      {save.isError && serverField !== 'year' && serverField !== 'percent' ? (
        <Alert data-color="danger" role="alert">
          {userMessage(save.error)}
        </Alert>
      ) : null}
      {save.isSuccess ? <Alert data-color="success">Indexvärdet är sparat som version {save.data.indexValue.version}.</Alert> : null}
      <div>
        <Button type="submit" disabled={save.isPending}>
          Spara indexvärde
        </Button>
      </div>
    </form>
  );
}

/** The index values list and the form for a new value. */
export function IndexValuesSection(): ReactNode {
  const list = useApiQuery<{ indexValues: readonly IndexValue[] }>('/index-values');
  return (
    <>
      <Paragraph>
        SKR publicerar LPIK, VPI och OPI årligen. Ett nytt värde för samma serie och år sparas som en ny version; den högsta versionen
        gäller. Ett år utan indexvärde stoppar beräkningen med ett felmeddelande – det räknas aldrig som noll. Välj ett år för att se vilka
        fakturaunderlag som beräknats med varje version av värdet.
      </Paragraph>
      <QueryView query={list} label="indexvärdena">
        {({ indexValues: rows }) => {
          return (
            <ScrollTable caption="Indexvärden">
              <thead>
                <tr>
                  <th scope="col">Serie</th>
                  <th scope="col">År</th>
                  <th scope="col" className="num">
                    Förändring
                  </th>
                  <th scope="col">Status</th>
                  <th scope="col">Källa</th>
                  <th scope="col">Version</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.id}>
                    <td>{r.series}</td>
                    <td>
                      <Link
                        href={href(`/administration/index/${r.series}/${String(r.year)}`)}
                        aria-label={`${r.series} ${String(r.year)}: versioner och fakturaunderlag`}
                      >
                        {r.year}
                      </Link>
                    </td>
                    <td className="num">{formatPercent(r.percent)}</td>
                    <td>
                      {r.kind === 'forecast' ? 'Prognos' : 'Utfall'}
                      {r.example ? (
                        <>
                          {' '}
                          <Tag data-color="warning" data-size="sm">
                            Exempel
                          </Tag>
                        </>
                      ) : null}
                    </td>
                    <td>
                      {r.source}
                      {r.decisionRef ? `; beslut ${r.decisionRef}` : ''}
                      {r.publishedOn ? `; publicerad ${r.publishedOn}` : ''}
                    </td>
                    <td>
                      {r.version}
                      {r.recordedAt ? <span className="muted"> ({formatTimestamp(r.recordedAt)})</span> : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </ScrollTable>
          );
        }}
      </QueryView>
      <Heading level={2} data-size="xs">
        Nytt indexvärde
      </Heading>
      <NewIndexValue />
    </>
  );
}
