/**
 * One invoice basis: header, a warning when it rests on example or forecast values (its
 * provenance), lines with each line's calculation steps, the trace (parameters with source,
 * clauses, interpretations), and the allowed actions: approve a draft, mark an approved basis as
 * sent, credit an approved or sent one. Approving and crediting ask for confirmation in a dialog:
 * approving names every provisional value and needs them confirmed, crediting needs a reason.
 */
import { API_BASE } from '../../api/client.js';
import { useState, type ReactNode } from 'react';
import { Alert, Button, Checkbox, Details, Heading, Link, Paragraph, Tag, Textfield } from '@digdir/designsystemet-react';
import { userMessage } from '../../api/errors.js';
import { useApiMutation, useApiQuery } from '../../api/hooks.js';
import { can } from '../../auth/roles.js';
import { useSession } from '../../auth/session.js';
import { CalculationSteps } from '../../components/calculation-steps.js';
import { ConfirmDialog } from '../../components/confirm-dialog.js';
import { PersonName } from '../../components/person-name.js';
import { formatValue } from '../../format/values.js';
import { PageHeading } from '../../components/page-title.js';
import { BasisHistory } from './basis-history.js';
import { QueryView } from '../../components/query-view.js';
import { ScrollTable } from '../../components/scroll-table.js';
import { formatTimestamp } from '../../format/dates.js';
import { formatOre } from '../../format/money.js';
import { formatDecimalString, formatInteger } from '../../format/numbers.js';
import { href } from '../../router.js';
import {
  flowTitle,
  isCredited,
  statusColour,
  statusName,
  type BasisAction,
  type InvoiceBasis,
  type InvoiceLine,
  type Provenance,
} from './billing-types.js';

type Action = 'approve' | 'send' | 'credit';

/** The download links of an approved basis (the server names each file by the invoice number). */
/** The buttons a person who may not decide sees disabled, with the server's reason beside them. */
const deniedLabels: Readonly<Record<BasisAction, string>> = {
  edit: 'Ändra',
  approve: 'Godkänn underlaget',
  send: 'Markera som skickat',
  credit: 'Kreditera och skapa nytt utkast',
};

const exportLinks = [
  { format: 'peppol', label: 'e-faktura (Peppol BIS 3, XML)' },
  { format: 'pdf', label: 'PDF' },
  { format: 'xlsx', label: 'Excel' },
  { format: 'sie', label: 'SIE 4I' },
] as const;

/** The warning on a basis that rests on values that are not final. */
function ProvenanceAlert({ provenance, creditNote }: { readonly provenance: Provenance; readonly creditNote: boolean }): ReactNode {
  return (
    <Alert data-color="warning" data-testid="provenance-warning">
      <Heading level={2} data-size="xs">
        {creditNote
          ? 'Kreditnotan återför ett underlag som byggde på värden som inte är slutliga'
          : 'Underlaget bygger på värden som inte är slutliga'}
      </Heading>
      <ul className="provenance-list">
        {provenance.warnings.map((w) => (
          <li key={w.id}>{w.text}</li>
        ))}
      </ul>
      {creditNote ? null : (
        <Paragraph data-size="sm">
          Beloppen kan ändras när de slutliga värdena finns. Godkänn bara om parterna är överens om att fakturera med dessa värden; ett
          godkänt underlag rättas sedan med kreditering.
        </Paragraph>
      )}
    </Alert>
  );
}

/** A line's unit in Swedish, singular for a quantity of one ("1 påbörjad timme", "2 påbörjade timmar"). */
const unitName = (u: string, quantity = '2'): string =>
  (/^-?1$/.test(quantity)
    ? { 'started-hour': 'påbörjad timme', hour: 'timme', minute: 'minut', piece: 'st', 'lump-sum': 'klumpsumma' }
    : { 'started-hour': 'påbörjade timmar', hour: 'timmar', minute: 'minuter', piece: 'st', 'lump-sum': 'klumpsummor' })[u] ?? u;

/** Lines of the detail view asked for at once (the API's default window too). */
const LINE_WINDOW = 500;

/** One invoice line: description with date, reference and clause, its calculation, quantity, price and amount. */
function LineRow({ line: l }: { readonly line: InvoiceLine }): ReactNode {
  return (
    <tr>
      <td className="num">{l.lineNo}</td>
      <td>
        {l.description}
        {l.date ? (
          <span className="muted">
            {' '}
            ({l.date}
            {l.reference ? `, ${l.reference}` : ''})
          </span>
        ) : null}
        {l.clause ? (
          <Tag data-color="neutral" data-size="sm" className="clause-tag">
            {l.clause}
          </Tag>
        ) : null}
        {l.steps.length > 0 ? (
          <Details>
            <Details.Summary>Visa beräkningen för rad {l.lineNo}</Details.Summary>
            <Details.Content>
              <CalculationSteps steps={l.steps} />
            </Details.Content>
          </Details>
        ) : null}
      </td>
      <td className="num">
        {formatDecimalString(l.quantity)} {unitName(l.unit, l.quantity)}
      </td>
      <td className="num">
        {formatOre(l.unitPriceOre)}
        {l.baseQuantity !== 1 ? ` per ${String(l.baseQuantity)} ${unitName(l.unit)}` : ''}
      </td>
      <td className="num">{formatOre(l.amountOre)}</td>
    </tr>
  );
}

/** A further window of a basis's lines, fetched when asked for ("Visa … rader till"). */
function LineWindow({ id, offset }: { readonly id: string; readonly offset: number }): ReactNode {
  const q = useApiQuery<{ invoiceBasis: InvoiceBasis }>(
    `/invoice-bases/${encodeURIComponent(id)}?linesOffset=${String(offset)}&linesLimit=${String(LINE_WINDOW)}`,
  );
  return (
    <tbody aria-busy={q.isPending}>
      {q.isError ? (
        <tr>
          <td colSpan={5}>{userMessage(q.error)}</td>
        </tr>
      ) : (
        (q.data?.invoiceBasis.lines ?? []).map((l) => <LineRow key={l.lineNo} line={l} />)
      )}
    </tbody>
  );
}

/** The detail view of basis `id`. */
export function InvoiceBasisView({ id }: { readonly id: string }): ReactNode {
  const { user } = useSession();
  const basis = useApiQuery<{ invoiceBasis: InvoiceBasis }>(`/invoice-bases/${encodeURIComponent(id)}?linesLimit=${String(LINE_WINDOW)}`);
  const act = useApiMutation<
    { invoiceBasis?: InvoiceBasis; creditNote?: InvoiceBasis; replacement?: InvoiceBasis | null },
    { action: Action; body?: Record<string, unknown> }
  >(
    ({ action, body }) => ({ path: `/invoice-bases/${encodeURIComponent(id)}/${action}`, json: body ?? {} }),
    ['/invoice-bases', '/billing-runs'],
  );
  // Further windows of lines shown below the first (per basis: another basis starts with none).
  const [more, setMore] = useState<{ id: string; windows: number }>({ id, windows: 0 });
  const windows = more.id === id ? more.windows : 0;
  const [dialog, setDialog] = useState<'approve' | 'credit' | null>(null);
  const [confirmed, setConfirmed] = useState(false);
  const [confirmError, setConfirmError] = useState<string | undefined>();
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | undefined>();

  function open(which: 'approve' | 'credit'): void {
    act.reset();
    setConfirmed(false);
    setConfirmError(undefined);
    setReason('');
    setReasonError(undefined);
    setDialog(which);
  }
  const close = (): void => {
    setDialog(null);
  };
  const done = { onSuccess: close };

  function approve(b: InvoiceBasis): void {
    const warnings = b.provenance?.warnings ?? [];
    if (warnings.length > 0 && !confirmed) {
      setConfirmError('Bekräfta att underlaget ska godkännas med värdena ovan, eller avbryt och vänta på de slutliga värdena.');
      document.getElementById('approve-confirm')?.focus();
      return;
    }
    act.mutate({ action: 'approve', body: { confirmProvisional: warnings.map((w) => w.id) } }, done);
  }

  function credit(): void {
    if (reason.trim() === '') {
      setReasonError('Skriv varför underlaget krediteras, till exempel att SKR:s utfall för indexet har publicerats.');
      document.getElementById('credit-reason')?.focus();
      return;
    }
    act.mutate({ action: 'credit', body: { reason: reason.trim() } }, done);
  }

  const dialogError =
    act.isError && dialog !== null ? (
      <Alert data-color="danger" role="alert">
        {userMessage(act.error)}
      </Alert>
    ) : null;

  return (
    <QueryView query={basis} label="fakturaunderlaget">
      {({ invoiceBasis: b }) => {
        // The server says what this user may do with this basis (the seller's side decides).
        const mayDecide = b.allowedActions === undefined ? can(user ?? undefined, 'economy.billing') : b.allowedActions.length > 0;
        const denied = (b.deniedActions ?? []).filter((d) => d.action !== 'edit');
        const deniedReason = denied.find((d) => d.action === 'approve')?.reason ?? denied[0]?.reason;
        const credited = isCredited(b);
        const warnings = b.provenance?.warnings ?? [];
        return (
          <div className="stack">
            <PageHeading title={`Fakturaunderlag ${flowTitle(b.flow)} ${b.period}`}>
              {b.creditOf ? 'Kreditnota' : 'Fakturaunderlag'}: {flowTitle(b.flow)} {b.period}
            </PageHeading>
            <Paragraph>
              <Link href={href('/ekonomi/fakturering')}>Tillbaka till fakturaunderlagen</Link>
            </Paragraph>
            {b.provenance && !b.provenance.final ? <ProvenanceAlert provenance={b.provenance} creditNote={b.creditOf !== null} /> : null}
            <dl className="facts">
              <dt>Status</dt>
              <dd>
                <Tag data-color={statusColour(b)} data-testid="basis-status">
                  {statusName(b)}
                </Tag>
              </dd>
              {b.runLabel ? (
                <>
                  <dt>Körning</dt>
                  <dd data-testid="basis-run">{b.runLabel}</dd>
                </>
              ) : null}
              <dt>Säljare</dt>
              <dd>
                {b.seller.name}
                {b.seller.unit ? `, ${b.seller.unit}` : ''}
              </dd>
              <dt>Köpare</dt>
              <dd>{b.buyer.name}</dd>
              <dt>Summa</dt>
              <dd className="totals">
                <strong>{formatOre(b.totalOre)}</strong>
              </dd>
              {b.invoiceNumber ? (
                <>
                  <dt>{b.creditOf ? 'Kreditnotans nummer' : 'Fakturanummer'}</dt>
                  <dd data-testid="invoice-number">{b.invoiceNumber}</dd>
                  <dt>Fakturadatum</dt>
                  <dd data-testid="issue-date">{b.issueDate ?? ''}</dd>
                  {b.dueDate ? (
                    <>
                      <dt>Förfallodatum</dt>
                      <dd data-testid="due-date">{b.dueDate}</dd>
                    </>
                  ) : null}
                </>
              ) : null}
              <dt>Skapat</dt>
              <dd>{formatTimestamp(b.createdAt)}</dd>
              {b.approvedAt ? (
                <>
                  <dt>Godkänt</dt>
                  <dd data-testid="basis-approved">
                    {formatTimestamp(b.approvedAt)}
                    {b.approvedBy ? (
                      <>
                        {' av '}
                        <PersonName id={b.approvedBy} name={b.approvedByName} />
                      </>
                    ) : null}
                  </dd>
                </>
              ) : null}
              {b.creditOf ? (
                <>
                  <dt>Krediterar</dt>
                  <dd>
                    <Link href={href(`/ekonomi/fakturering/${b.creditOf}`)}>underlaget som krediteras</Link>
                  </dd>
                </>
              ) : null}
              {credited ? (
                <>
                  <dt>Krediterat</dt>
                  <dd data-testid="basis-credited">
                    {b.creditedAt ? `${formatTimestamp(b.creditedAt)}, ` : ''}
                    {b.creditedBy ? (
                      <>
                        se <Link href={href(`/ekonomi/fakturering/${b.creditedBy}`)}>kreditnotan</Link>
                      </>
                    ) : (
                      'kreditnotan finns i listan'
                    )}
                  </dd>
                </>
              ) : null}
              {b.creditReason && (credited || b.creditOf) ? (
                <>
                  <dt>Skäl till krediteringen</dt>
                  <dd data-testid="credit-reason">{b.creditReason}</dd>
                </>
              ) : null}
              {b.replaces ? (
                <>
                  <dt>Ersätter</dt>
                  <dd>
                    <Link href={href(`/ekonomi/fakturering/${b.replaces}`)}>det krediterade underlaget</Link>
                  </dd>
                </>
              ) : null}
            </dl>

            {b.status !== 'draft' && b.invoiceNumber ? (
              <nav className="row no-print" aria-label="Ladda ned underlaget">
                {exportLinks.map((f) => (
                  <Link
                    key={f.format}
                    data-testid={`export-${f.format}`}
                    href={`${API_BASE}/invoice-bases/${encodeURIComponent(b.id)}/export?format=${f.format}`}
                    download
                  >
                    Ladda ned {f.label}
                  </Link>
                ))}
              </nav>
            ) : b.status === 'draft' ? (
              <Paragraph data-size="sm">
                Utkast exporteras inte; godkänn underlaget först för att kunna ladda ned e-faktura, PDF, Excel och SIE.
              </Paragraph>
            ) : null}

            {deniedReason ? (
              <div className="stack narrow no-print" data-testid="basis-denied">
                <div className="row">
                  {denied.map((d) => (
                    <Button
                      key={d.action}
                      variant={d.action === 'approve' ? 'primary' : 'secondary'}
                      disabled
                      aria-describedby="basis-denied-reason"
                    >
                      {deniedLabels[d.action]}
                    </Button>
                  ))}
                </div>
                <Paragraph data-size="sm" id="basis-denied-reason">
                  {deniedReason}
                </Paragraph>
              </div>
            ) : null}
            {mayDecide ? (
              <div className="row no-print">
                {b.status === 'draft' ? (
                  <Button
                    disabled={act.isPending}
                    aria-haspopup="dialog"
                    onClick={() => {
                      open('approve');
                    }}
                  >
                    Godkänn underlaget…
                  </Button>
                ) : null}
                {b.status === 'approved' && !credited ? (
                  <Button
                    variant="secondary"
                    disabled={act.isPending}
                    onClick={() => {
                      act.mutate({ action: 'send' });
                    }}
                  >
                    Markera som skickat
                  </Button>
                ) : null}
                {(b.status === 'approved' || b.status === 'sent') && b.creditOf === null && !credited ? (
                  <Button
                    variant="secondary"
                    data-color="danger"
                    disabled={act.isPending}
                    aria-haspopup="dialog"
                    onClick={() => {
                      open('credit');
                    }}
                  >
                    Kreditera och skapa nytt utkast…
                  </Button>
                ) : null}
              </div>
            ) : null}
            <ConfirmDialog
              open={dialog === 'approve'}
              title="Godkänna fakturaunderlaget?"
              confirmLabel="Godkänn och lås underlaget"
              pending={act.isPending}
              error={dialogError}
              hasField={warnings.length > 0}
              onCancel={close}
              onConfirm={() => {
                approve(b);
              }}
            >
              <Paragraph>
                {flowTitle(b.flow)} {b.period} från {b.seller.name} till {b.buyer.name}, {formatOre(b.totalOre)}. Ett godkänt underlag
                låses: beloppen kan inte ändras, bara krediteras.
              </Paragraph>
              {warnings.length > 0 ? (
                <>
                  <Paragraph>Underlaget bygger på värden som inte är slutliga:</Paragraph>
                  <ul className="provenance-list">
                    {warnings.map((w) => (
                      <li key={w.id}>{w.text}</li>
                    ))}
                  </ul>
                  <Checkbox
                    id="approve-confirm"
                    label="Jag har läst varningarna och godkänner underlaget med dessa värden"
                    checked={confirmed}
                    error={confirmError}
                    onChange={(e) => {
                      setConfirmed(e.target.checked);
                      if (e.target.checked) setConfirmError(undefined);
                    }}
                  />
                </>
              ) : null}
            </ConfirmDialog>
            <ConfirmDialog
              open={dialog === 'credit'}
              title="Kreditera fakturaunderlaget?"
              confirmLabel="Kreditera"
              danger
              pending={act.isPending}
              error={dialogError}
              hasField
              onCancel={close}
              onConfirm={credit}
            >
              <Paragraph>
                En kreditnota med varje rad med omvänt tecken skapas, och ett nytt utkast beräknas från de underlag och värden som finns nu.
                Underlaget kan därefter inte markeras som skickat.
              </Paragraph>
              <Textfield
                id="credit-reason"
                label="Skäl till krediteringen"
                description="Skälet sparas med kreditnotan och i granskningsloggen. Skriv utan personuppgifter."
                multiline
                rows={3}
                value={reason}
                error={reasonError}
                onChange={(e) => {
                  setReason(e.target.value);
                }}
              />
            </ConfirmDialog>
            <div aria-live="polite">
              {act.isError && dialog === null ? (
                <Alert data-color="danger" role="alert">
                  {userMessage(act.error)}
                </Alert>
              ) : null}
              {act.isSuccess && act.variables.action === 'credit' ? (
                <Alert data-color="success">
                  Underlaget är krediterat med en{' '}
                  {act.data.creditNote ? (
                    <Link href={href(`/ekonomi/fakturering/${act.data.creditNote.id}`)}>kreditnota</Link>
                  ) : (
                    'kreditnota'
                  )}
                  {act.data.replacement ? (
                    <>
                      {' '}
                      och ett <Link href={href(`/ekonomi/fakturering/${act.data.replacement.id}`)}>nytt utkast</Link> som är beräknat på
                      nytt
                    </>
                  ) : null}
                  .
                </Alert>
              ) : null}
              {act.isSuccess && act.variables.action === 'approve' ? (
                <Alert data-color="success">Underlaget är godkänt och låst.</Alert>
              ) : null}
            </div>

            <BasisHistory id={b.id} />

            <Heading level={2} data-size="sm">
              Rader och beräkning
            </Heading>
            <ScrollTable caption="Fakturarader" captionHidden>
              <thead>
                <tr>
                  <th scope="col">Rad</th>
                  <th scope="col">Beskrivning</th>
                  <th scope="col" className="num">
                    Antal
                  </th>
                  <th scope="col" className="num">
                    À-pris
                  </th>
                  <th scope="col" className="num">
                    Belopp
                  </th>
                </tr>
              </thead>
              <tbody>
                {(b.lines ?? []).map((l) => (
                  <LineRow key={l.lineNo} line={l} />
                ))}
              </tbody>
              {Array.from({ length: windows }, (_, i) => (
                <LineWindow key={i} id={b.id} offset={(i + 1) * LINE_WINDOW} />
              ))}
              <tfoot>
                <tr>
                  <th scope="row" colSpan={4}>
                    Summa
                  </th>
                  <td className="num">
                    <strong>{formatOre(b.totalOre)}</strong>
                  </td>
                </tr>
              </tfoot>
            </ScrollTable>
            {(b.lineCount ?? 0) > LINE_WINDOW ? (
              <div className="stack line-window">
                <Paragraph data-size="sm" aria-live="polite">
                  Visar rad 1–{formatInteger(Math.min(b.lineCount ?? 0, (windows + 1) * LINE_WINDOW))} av {formatInteger(b.lineCount ?? 0)}.
                  Alla rader finns i exporterna (PDF, Excel, e-faktura, SIE).
                </Paragraph>
                {(windows + 1) * LINE_WINDOW < (b.lineCount ?? 0) ? (
                  <div>
                    <Button
                      variant="secondary"
                      onClick={() => {
                        setMore({ id: b.id, windows: windows + 1 });
                      }}
                    >
                      Visa {formatInteger(Math.min(LINE_WINDOW, (b.lineCount ?? 0) - (windows + 1) * LINE_WINDOW))} rader till
                    </Button>
                  </div>
                ) : null}
              </div>
            ) : null}

            {b.trace ? (
              <section aria-labelledby="trace-heading">
                <Heading level={2} data-size="sm" id="trace-heading">
                  Spårbarhet
                </Heading>
                {b.trace.steps && b.trace.steps.length > 0 ? <CalculationSteps steps={b.trace.steps} /> : null}
                {b.trace.parameters && b.trace.parameters.length > 0 ? (
                  <ScrollTable caption="Parametrar som använts">
                    <thead>
                      <tr>
                        <th scope="col">Parameter</th>
                        <th scope="col">Värde</th>
                        <th scope="col">Gäller</th>
                        <th scope="col">Källa</th>
                      </tr>
                    </thead>
                    <tbody>
                      {b.trace.parameters.map((p) => (
                        <tr key={`${p.id}-${p.validFor}`}>
                          <td>{p.display?.name ?? p.id}</td>
                          <td>{p.display?.value ?? formatValue(p.value, p.unit)}</td>
                          <td>{p.validFor}</td>
                          <td>
                            {p.clause}
                            {p.source ? ` – ${p.source}` : ''}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </ScrollTable>
                ) : null}
                {b.trace.interpretationTexts && b.trace.interpretationTexts.length > 0 ? (
                  <Paragraph data-size="sm">Tolkningar av avtalstexten: {b.trace.interpretationTexts.join('; ')}.</Paragraph>
                ) : null}
              </section>
            ) : null}
          </div>
        );
      }}
    </QueryView>
  );
}
