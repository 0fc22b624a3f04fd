/**
 * Fakturering: start a billing run for a flow and period, per flow the records not yet billed with
 * a button that starts the (supplementary) run for their period, the runs by label ("Körning 1",
 * "Tilläggskörning 2") and who started them, and the invoice bases they produced (draft →
 * approved → sent; credit = credit note + new draft). `#/ekonomi/fakturering/<id>` shows one
 * basis with every line's calculation.
 */
import { API_BASE } from '../../api/client.js';
import { useState, type SubmitEvent, type ReactNode } from 'react';
import {
  Alert,
  Button,
  Field,
  Heading,
  Label,
  Link,
  Paragraph,
  Select,
  Tag,
  Textfield,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { userMessage } from '../../api/errors.js';
import { useApiMutation, useApiQuery } from '../../api/hooks.js';
import { can } from '../../auth/roles.js';
import { useSession } from '../../auth/session.js';
import { PageHeading } from '../../components/page-title.js';
import { QueryView } from '../../components/query-view.js';
import { ScrollTable } from '../../components/scroll-table.js';
import { PersonName } from '../../components/person-name.js';
import { formatTimestamp } from '../../format/dates.js';
import { formatOre } from '../../format/money.js';
import { href } from '../../router.js';
import type { PageProps } from '../../routes.js';
import {
  flowTitle,
  flows,
  periodProblem,
  statusColour,
  statusName,
  type BillingRun,
  type InvoiceBasis,
  type UnbilledPeriods,
} from './billing-types.js';
import { InvoiceBasisView } from './invoice-basis-view.js';

/** The Fakturering page. */
export default function BillingPage({ location }: PageProps): ReactNode {
  const id = location.segments[2];
  if (id !== undefined) return <InvoiceBasisView id={id} />;
  return <BillingOverview />;
}

function StartRunForm({ runs }: { readonly runs: readonly BillingRun[] }): ReactNode {
  const [flow, setFlow] = useState('');
  const [period, setPeriod] = useState('');
  const [errors, setErrors] = useState<{ flow?: string; period?: string }>({});
  const run = useApiMutation<StartedRun, { flow: string; period: string }>(
    (body) => ({ path: '/billing-runs', json: body }),
    ['/billing-runs', '/invoice-bases'],
  );
  const selected = flows.find((f) => f.flow === flow);

  function submit(e: SubmitEvent): void {
    e.preventDefault();
    const found: { flow?: string; period?: string } = {};
    if (!selected) found.flow = 'Välj vilket flöde som ska faktureras.';
    else {
      const p = periodProblem(period.trim(), selected.period);
      if (p) found.period = p;
    }
    setErrors(found);
    if (found.flow ?? found.period) {
      document.getElementById(found.flow ? 'run-flow' : 'run-period')?.focus();
      return;
    }
    run.mutate({ flow, period: period.trim() });
  }

  return (
    <>
      <form className="stack narrow" noValidate onSubmit={submit}>
        <Field>
          <Label htmlFor="run-flow">Flöde</Label>
          <Select
            id="run-flow"
            value={flow}
            aria-invalid={errors.flow ? true : undefined}
            aria-describedby={errors.flow ? 'run-flow-error' : undefined}
            onChange={(e) => {
              setFlow(e.target.value);
            }}
          >
            <Select.Option value="">Välj</Select.Option>
            {flows.map((f) => (
              <Select.Option key={f.flow} value={f.flow}>
                {f.title}
              </Select.Option>
            ))}
          </Select>
          {errors.flow ? <ValidationMessage id="run-flow-error">{errors.flow}</ValidationMessage> : null}
        </Field>
        <Textfield
          className="short-field"
          id="run-period"
          label="Period"
          description={
            selected?.period === 'half-year'
              ? 'Halvår: ÅÅÅÅ-H1 eller ÅÅÅÅ-H2.'
              : selected?.period === 'year'
                ? 'År: ÅÅÅÅ.'
                : 'Månad: ÅÅÅÅ-MM.'
          }
          value={period}
          error={errors.period}
          onChange={(e) => {
            setPeriod(e.target.value);
          }}
        />
        {run.isError ? (
          <Alert data-color="danger" role="alert">
            {userMessage(run.error)}
          </Alert>
        ) : null}
        {run.isSuccess ? (
          <Alert data-color={run.data.created ? 'success' : 'info'} role="status">
            <Paragraph>
              {run.data.created
                ? `${run.data.run.label ?? 'Körningen'}: ${run.data.run.title} ${run.data.run.period} gav ${String(run.data.invoiceBases.length)} fakturaunderlag. Granska och godkänn dem i listan nedan.`
                : `Inget nytt att fakturera för ${run.data.run.title} ${run.data.run.period}; den senaste körningen är ${run.data.run.label ?? 'kvar som den var'}.`}
            </Paragraph>
            {run.data.note ? <Paragraph data-size="sm">{run.data.note}</Paragraph> : null}
            {run.data.run.notes.map((n) => (
              <Paragraph key={n} data-size="sm">
                {n}
              </Paragraph>
            ))}
          </Alert>
        ) : null}
        <div>
          <Button type="submit" disabled={run.isPending}>
            {run.isPending ? 'Kör…' : 'Starta faktureringskörning'}
          </Button>
        </div>
      </form>
      {selected ? <UnbilledSection key={selected.flow} flow={selected.flow} runs={runs} /> : null}
    </>
  );
}

/** What `POST /billing-runs` answers; `note` says why nothing new was billed (`created: false`). */
interface StartedRun {
  readonly created: boolean;
  readonly run: BillingRun;
  readonly invoiceBases: readonly InvoiceBasis[];
  readonly note?: string | null;
}

/** What the unbilled counts count, per kind of flow. */
const countName: Readonly<Record<'records' | 'pairs' | 'disputes', string>> = { records: 'Poster', pairs: 'Parter', disputes: 'Tvister' };

/** Per flow and period, the records no basis bills yet, with the run that would bill them. */
function UnbilledSection({ flow, runs }: { readonly flow: string; readonly runs: readonly BillingRun[] }): ReactNode {
  const unbilled = useApiQuery<UnbilledPeriods>(`/billing-runs/unbilled?flow=${encodeURIComponent(flow)}`);
  const run = useApiMutation<StartedRun, { flow: string; period: string }>(
    (body) => ({ path: '/billing-runs', json: body }),
    ['/billing-runs', '/invoice-bases'],
  );
  const waiting = (unbilled.data?.periods ?? []).filter((p) => p.unbilledRecords > 0);
  return (
    <section aria-labelledby="unbilled-heading" className="section stack">
      <Heading level={3} data-size="xs" id="unbilled-heading">
        Ej fakturerade poster: {flowTitle(flow)}
      </Heading>
      <Paragraph data-size="sm">
        Poster som har kommit in efter en körning faktureras av en tilläggskörning för samma period; ingen post faktureras två gånger.
      </Paragraph>
      <QueryView query={unbilled} label="de ej fakturerade posterna">
        {() =>
          waiting.length === 0 ? (
            <Paragraph data-testid="unbilled-none">Allt inläst för {flowTitle(flow)} är fakturerat.</Paragraph>
          ) : (
            <ScrollTable caption={`Ej fakturerade poster, ${flowTitle(flow)}`}>
              <thead>
                <tr>
                  <th scope="col">Period</th>
                  <th scope="col" className="num">
                    {countName[unbilled.data?.counts ?? 'records']}
                  </th>
                  <th scope="col">Åtgärd</th>
                </tr>
              </thead>
              <tbody>
                {waiting.map((p) => {
                  const hasRun = runs.some((r) => r.flow === flow && r.period === p.period);
                  return (
                    <tr key={p.period}>
                      <td>{p.period}</td>
                      <td className="num">{p.unbilledRecords}</td>
                      <td>
                        {p.problem ? (
                          <Paragraph data-size="sm" className="muted">
                            {p.problem}
                          </Paragraph>
                        ) : null}
                        <Button
                          type="button"
                          variant="secondary"
                          data-size="sm"
                          disabled={run.isPending}
                          onClick={() => {
                            run.mutate({ flow, period: p.period });
                          }}
                        >
                          {hasRun ? 'Starta tilläggskörning' : 'Starta körning'}
                          <span className="visually-hidden">
                            {' '}
                            för {flowTitle(flow)} {p.period}
                          </span>
                        </Button>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </ScrollTable>
          )
        }
      </QueryView>
      <div aria-live="polite">
        {run.isError ? (
          <Alert data-color="danger" role="alert">
            {userMessage(run.error)}
          </Alert>
        ) : null}
        {run.isSuccess ? (
          <Alert data-color={run.data.created ? 'success' : 'info'}>
            {run.data.created
              ? `${run.data.run.label ?? 'Körningen'} för ${run.data.run.title} ${run.data.run.period} gav ${String(run.data.invoiceBases.length)} fakturaunderlag.`
              : (run.data.note ?? 'Inget nytt att fakturera.')}
          </Alert>
        ) : null}
      </div>
    </section>
  );
}

function BillingOverview(): ReactNode {
  const { user } = useSession();
  const bases = useApiQuery<{ invoiceBases: readonly InvoiceBasis[] }>('/invoice-bases');
  const runs = useApiQuery<{ billingRuns: readonly BillingRun[] }>('/billing-runs');
  return (
    <div className="stack">
      <PageHeading title="Fakturering">Fakturering</PageHeading>
      <Paragraph>
        En körning per flöde och period skapar fakturaunderlag som utkast, ett per säljare och köpare. Ett godkänt underlag är låst;
        rättelser görs med kreditering, som skapar en kreditnota och ett nytt utkast.
      </Paragraph>
      {can(user ?? undefined, 'economy.billing') ? (
        <section aria-labelledby="run-heading">
          <Heading level={2} data-size="sm" id="run-heading">
            Ny faktureringskörning
          </Heading>
          <StartRunForm runs={runs.data?.billingRuns ?? []} />
        </section>
      ) : null}
      <section aria-labelledby="runs-heading" className="section">
        <Heading level={2} data-size="sm" id="runs-heading">
          Faktureringskörningar
        </Heading>
        <QueryView query={runs} label="faktureringskörningarna">
          {({ billingRuns }) =>
            billingRuns.length === 0 ? (
              <Paragraph>Inga körningar ännu.</Paragraph>
            ) : (
              <ScrollTable caption="Faktureringskörningar" captionHidden>
                <thead>
                  <tr>
                    <th scope="col">Flöde</th>
                    <th scope="col">Period</th>
                    <th scope="col">Körning</th>
                    <th scope="col">Omfattning</th>
                    <th scope="col">Körd</th>
                    <th scope="col" className="num">
                      Underlag
                    </th>
                    <th scope="col">Anmärkning</th>
                    <th scope="col">Filer</th>
                  </tr>
                </thead>
                <tbody>
                  {billingRuns.map((r) => (
                    <tr key={r.id}>
                      <td>{r.title}</td>
                      <td>{r.period}</td>
                      <td>{r.label ?? ''}</td>
                      <td>{r.scopeName ?? ''}</td>
                      <td>
                        {formatTimestamp(r.startedAt)}
                        {r.startedBy ? (
                          <>
                            {' av '}
                            <PersonName id={r.startedBy} name={r.startedByName} />
                          </>
                        ) : null}
                      </td>
                      <td className="num">{r.invoiceBasisCount}</td>
                      <td>{r.notes.join(' ')}</td>
                      <td>
                        <Link href={`${API_BASE}/billing-runs/${encodeURIComponent(r.id)}/export`} download data-testid="run-export">
                          Ladda ned godkända (ZIP)
                          <span className="visually-hidden">
                            , {r.title} {r.period} {r.label ?? ''}
                          </span>
                        </Link>
                        {r.flow === 'tillaggsbelopp' ? (
                          <>
                            <br />
                            <Link
                              href={`${API_BASE}/billing-runs/${encodeURIComponent(r.id)}/settlement.pdf`}
                              download
                              data-testid="run-settlement"
                            >
                              Avstämning (PDF)
                              <span className="visually-hidden">
                                , {r.title} {r.period} {r.label ?? ''}
                              </span>
                            </Link>
                          </>
                        ) : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </ScrollTable>
            )
          }
        </QueryView>
      </section>
      <section aria-labelledby="bases-heading" className="section">
        <Heading level={2} data-size="sm" id="bases-heading">
          Fakturaunderlag
        </Heading>
        <QueryView query={bases} label="fakturaunderlagen">
          {({ invoiceBases: list }) => {
            return list.length === 0 ? (
              <Paragraph>Det finns inga fakturaunderlag ännu. Starta en körning ovan.</Paragraph>
            ) : (
              <ScrollTable caption="Fakturaunderlag" captionHidden>
                <thead>
                  <tr>
                    <th scope="col">Underlag</th>
                    <th scope="col">Period</th>
                    <th scope="col">Körning</th>
                    <th scope="col">Säljare</th>
                    <th scope="col">Köpare</th>
                    <th scope="col" className="num">
                      Belopp
                    </th>
                    <th scope="col">Status</th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((b) => (
                    <tr key={b.id}>
                      <td>
                        <Link href={href(`/ekonomi/fakturering/${b.id}`)}>
                          {flowTitle(b.flow)}
                          {b.creditOf ? ' (kreditnota)' : b.replaces ? ' (nytt utkast efter kreditering)' : ''}
                          <span className="visually-hidden">
                            , {b.seller.name} till {b.buyer.name}, {b.period}
                          </span>
                        </Link>
                      </td>
                      <td>{b.period}</td>
                      <td>{b.runLabel ?? ''}</td>
                      <td>
                        {b.seller.name}
                        {b.seller.unit ? `, ${b.seller.unit}` : ''}
                      </td>
                      <td>{b.buyer.name}</td>
                      <td className="num">{formatOre(b.totalOre)}</td>
                      <td>
                        <Tag data-color={statusColour(b)}>{statusName(b)}</Tag>
                      </td>
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
