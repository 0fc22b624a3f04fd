/**
 * Import of records from the parties' own systems (`POST /imports/{kind}`, raw file body). The
 * import is all-or-nothing: a file with a bad row is refused and every bad row is listed with its
 * line, column and what to write instead.
 */
import { useState, type SubmitEvent, type ReactNode } from 'react';
import { Alert, Button, Field, Heading, Label, Link, Paragraph, Select, ValidationMessage } from '@digdir/designsystemet-react';
import { ApiError, userMessage } from '../../api/errors.js';
import { query } from '../../api/client.js';
import { useApiMutation, useApiQuery } from '../../api/hooks.js';
import { PageHeading } from '../../components/page-title.js';
import { QueryView } from '../../components/query-view.js';
import { ScrollTable } from '../../components/scroll-table.js';
import { formatTimestamp } from '../../format/dates.js';
import { formatInteger } from '../../format/numbers.js';
import { can } from '../../auth/roles.js';
import { useSession } from '../../auth/session.js';
import {
  errorReportCsv,
  problemSummary,
  rowProblems,
  type ImportKind,
  type ImportRecord,
  type ImportResult,
  type RowProblem,
} from './import-types.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The content type the service streams: CSV as text/csv, Excel as xlsx, anything else as bytes. */
function contentTypeOf(f: File): string {
  if (/\.xlsx$/i.test(f.name)) return XLSX;
  if (/\.csv$/i.test(f.name) || f.type === 'text/csv') return 'text/csv';
  return 'application/octet-stream';
}

/** The error report as a data URL (built in the browser: the service keeps nothing of a refused file). */
function reportHref(problems: readonly RowProblem[]): string {
  return `data:text/csv;charset=utf-8,${encodeURIComponent(errorReportCsv(problems))}`;
}

/** The Import page. */
export default function ImportPage(): ReactNode {
  const { user } = useSession();
  const kindsQuery = useApiQuery<{ kinds: readonly ImportKind[] }>('/import-kinds', { staleTime: Infinity });
  // Only the kinds this role may import: reference data is the administrator's, county-wide data not a municipality's.
  const importKinds = (kindsQuery.data?.kinds ?? []).filter(
    (k) =>
      (k.action !== 'reference:change' || can(user ?? undefined, 'admin')) && !(k.countyWide && user?.role === 'municipality_economist'),
  );
  const kindTitle = (id: string): string => kindsQuery.data?.kinds.find((k) => k.kind === id)?.title ?? id;
  const [kind, setKind] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [errors, setErrors] = useState<{ kind?: string; file?: string }>({});
  const history = useApiQuery<{ imports: readonly ImportRecord[] }>('/imports');
  const upload = useApiMutation<ImportResult, { kind: string; file: File; bytes: ArrayBuffer }>(
    ({ kind: k, file: f, bytes }) => ({
      path: `/imports/${encodeURIComponent(k)}${query({ filename: f.name })}`,
      raw: bytes,
      contentType: contentTypeOf(f),
    }),
    ['/imports', '/records', '/billing-runs', '/index-values', '/allocation-keys', '/development-funds'],
  );

  async function submit(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const found: { kind?: string; file?: string } = {};
    if (kind === '') found.kind = 'Välj vilken sorts underlag filen innehåller.';
    if (!file) found.file = 'Välj en CSV- eller Excelfil att importera.';
    setErrors(found);
    if (found.kind ?? found.file) {
      document.getElementById(found.kind ? 'import-kind' : 'import-file')?.focus();
      return;
    }
    if (!file) return;
    const bytes = await file.arrayBuffer();
    upload.mutate({ kind, file, bytes });
  }

  const problems = upload.error instanceof ApiError ? rowProblems(upload.error) : [];
  const selected = importKinds.find((k) => k.kind === kind);
  return (
    <div className="stack">
      <PageHeading title="Import">Import av underlag</PageHeading>
      <Paragraph>
        Filen läses in i sin helhet eller inte alls. Om någon rad är fel sparas ingenting, och du får en lista över varje fel med radnummer
        och vad som ska stå i stället. Samma fil två gånger läses bara in en gång. Filer får inte innehålla personnummer.
      </Paragraph>
      <form
        className="stack narrow"
        noValidate
        onSubmit={(e) => {
          void submit(e);
        }}
      >
        <Field>
          <Label htmlFor="import-kind">Typ av underlag</Label>
          <Select
            id="import-kind"
            value={kind}
            aria-invalid={errors.kind ? true : undefined}
            aria-describedby={errors.kind ? 'import-kind-error' : selected ? 'import-kind-columns' : undefined}
            onChange={(e) => {
              setKind(e.target.value);
            }}
          >
            <Select.Option value="">Välj</Select.Option>
            {importKinds.map((k) => (
              <Select.Option key={k.kind} value={k.kind}>
                {k.title}
              </Select.Option>
            ))}
          </Select>
          {selected ? (
            <div id="import-kind-columns" className="import-columns">
              <Paragraph data-size="sm">
                {selected.description} Kolumner (rubrikrad först; semikolon eller komma som avgränsare; UTF-8 eller Windows-1252; eller en
                Excelfil):
              </Paragraph>
              <ul>
                {selected.columns.map((c) => (
                  <li key={c.name}>
                    <code>{c.name}</code> {c.required ? '(krävs)' : '(valfri)'} – {c.description}.{' '}
                    <span className="import-unit">Enhet: {c.unit}.</span> <span className="muted">Så kan det skrivas: {c.forms}.</span>
                  </li>
                ))}
              </ul>
              <Paragraph data-size="sm">
                Mall för {selected.title.toLocaleLowerCase('sv-SE')}:{' '}
                <Link href={selected.templates.csv} download>
                  CSV-mall
                </Link>{' '}
                eller{' '}
                <Link href={selected.templates.xlsx} download>
                  Excelmall
                </Link>{' '}
                (Excelmallen beskriver varje kolumn på bladet Kolumner).
              </Paragraph>
            </div>
          ) : null}
          {errors.kind ? <ValidationMessage id="import-kind-error">{errors.kind}</ValidationMessage> : null}
        </Field>
        <Field>
          <Label htmlFor="import-file">Fil (CSV eller Excel)</Label>
          <div className="file-picker">
            <input
              id="import-file"
              className="file-input"
              type="file"
              accept=".csv,text/csv,.xlsx"
              aria-invalid={errors.file ? true : undefined}
              aria-describedby={errors.file ? 'import-file-error' : undefined}
              onChange={(e) => {
                setFile(e.target.files?.[0] ?? null);
              }}
            />
            {/* The browser's own button speaks the browser's language; this one is Swedish. */}
            <label htmlFor="import-file" className="file-button" aria-hidden="true">
              Välj fil
            </label>
            <span className="muted">{file ? file.name : 'Ingen fil vald'}</span>
          </div>
          {errors.file ? <ValidationMessage id="import-file-error">{errors.file}</ValidationMessage> : null}
        </Field>
        <div>
          <Button type="submit" disabled={upload.isPending}>
            {upload.isPending ? 'Importerar…' : 'Importera'}
          </Button>
        </div>
      </form>

      <div aria-live="polite">
        {upload.isSuccess ? (
          <Alert data-color="success">
            <Paragraph>
              {upload.data.alreadyImported
                ? `Filen ${upload.data.filename} innehåller inget nytt: raderna var redan inlästa, så inget har sparats.`
                : `Filen ${upload.data.filename} är inläst: ${formatInteger(upload.data.inserted)} av ${formatInteger(upload.data.rows)} rader sparade${upload.data.duplicates > 0 ? ` (${formatInteger(upload.data.duplicates)} fanns redan)` : ''}.`}
            </Paragraph>
          </Alert>
        ) : null}
        {upload.isError ? (
          <div className="stack import-report">
            <Alert data-color="danger" role="alert">
              <Paragraph>{userMessage(upload.error)}</Paragraph>
            </Alert>
            {problems.length > 0 ? (
              <>
                <Paragraph>
                  <Link href={reportHref(problems)} download={`felrapport-${upload.variables.file.name.replace(/\.[^.]+$/, '')}.csv`}>
                    Ladda ned felrapporten (CSV)
                  </Link>{' '}
                  <span className="muted">– rad, kolumn och fel, utan filens värden.</span>
                </Paragraph>
                <ScrollTable caption={`Felrapport: ${problemSummary(problems)} att rätta`}>
                  <thead>
                    <tr>
                      <th scope="col">Rad</th>
                      <th scope="col">Kolumn</th>
                      <th scope="col">Fel och vad du ska göra</th>
                      <th scope="col">Värde i filen</th>
                    </tr>
                  </thead>
                  <tbody>
                    {problems.map((p, i) => (
                      <tr key={`${String(p.line)}-${String(i)}`}>
                        <td className="num">{p.line ?? '–'}</td>
                        <td>{p.field ?? '–'}</td>
                        <td>{p.message}</td>
                        <td>{p.value ?? ''}</td>
                      </tr>
                    ))}
                  </tbody>
                </ScrollTable>
              </>
            ) : null}
          </div>
        ) : null}
      </div>

      <section aria-labelledby="import-history" className="section">
        <Heading level={2} data-size="sm" id="import-history">
          Tidigare importer
        </Heading>
        <QueryView query={history} label="importhistoriken">
          {({ imports: list }) => {
            return list.length === 0 ? (
              <Paragraph>Inga filer har importerats ännu.</Paragraph>
            ) : (
              <ScrollTable caption="Importerade filer" captionHidden>
                <thead>
                  <tr>
                    <th scope="col">Fil</th>
                    <th scope="col">Typ</th>
                    <th scope="col" className="num">
                      Rader
                    </th>
                    <th scope="col">Inläst</th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((r) => (
                    <tr key={r.id}>
                      <td>{r.filename}</td>
                      <td>{kindTitle(r.kind)}</td>
                      <td className="num">{formatInteger(r.rowCount)}</td>
                      <td>{formatTimestamp(r.uploadedAt)}</td>
                    </tr>
                  ))}
                </tbody>
              </ScrollTable>
            );
          }}
        </QueryView>
      </section>
    </div>
  );
}
