/**
 * One invoice basis: header, lines with each line's calculation steps, the trace (parameters with
 * source, clauses, interpretations), and the allowed actions: approve a draft, mark an approved
 * basis as sent, credit an approved or sent one.
 */
import type { ReactNode } from 'react';
import { Alert, Button, Details, Heading, Link, Paragraph, Tag } from '@digdir/designsystemet-react';
import { userMessage } from '../../api/errors.js';
import { useApiMutation, useApiQuery } from '../../api/hooks.js';
import { can } from '../../auth/roles.js';
import { useSession } from '../../auth/session.js';
import { CalculationSteps } from '../../components/calculation-steps.js';
import { formatValue } from '../../format/values.js';
import { PageHeading } from '../../components/page-title.js';
import { QueryView } from '../../components/query-view.js';
import { ScrollTable } from '../../components/scroll-table.js';
import { formatTimestamp } from '../../format/dates.js';
import { formatOre } from '../../format/money.js';
import { formatDecimalString } from '../../format/numbers.js';
import { href } from '../../router.js';
import { flowTitle, statusColour, statusName, type InvoiceBasis } from './billing-types.js';

type Action = 'approve' | 'send' | 'credit';

const unitName = (u: string): string => ({ 'started-hour': 'påbörjade timmar', hour: 'timmar', minute: 'minuter', piece: 'st', 'lump-sum': 'klumpsumma' })[u] ?? u;

/** The detail view of basis `id`. */
export function InvoiceBasisView({ id }: { readonly id: string }): ReactNode {
  const { user } = useSession();
  const basis = useApiQuery<{ invoiceBasis: InvoiceBasis }>(`/invoice-bases/${encodeURIComponent(id)}`);
  const act = useApiMutation<{ invoiceBasis?: InvoiceBasis; creditNote?: InvoiceBasis; replacement?: InvoiceBasis | null }, Action>(
    (action) => ({ path: `/invoice-bases/${encodeURIComponent(id)}/${action}` }),
    ['/invoice-bases', '/billing-runs'],
  );
  return (
    <QueryView query={basis} label="fakturaunderlaget">
      {({ invoiceBasis: b }) => {
        const mayDecide = can(user ?? undefined, 'economy.billing');
        return (
          <div className="stack">
            <PageHeading title={`Fakturaunderlag ${flowTitle(b.flow)} ${b.period}`}>
              {b.creditOf ? 'Kreditnota' : 'Fakturaunderlag'}: {flowTitle(b.flow)} {b.period}
            </PageHeading>
            <Paragraph>
              <Link href={href('/ekonomi/fakturering')}>Tillbaka till fakturaunderlagen</Link>
            </Paragraph>
            <dl className="facts">
              <dt>Status</dt>
              <dd>
                <Tag data-color={statusColour(b)} data-testid="basis-status">
                  {statusName(b)}
                </Tag>
              </dd>
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
              <dt>Skapat</dt>
              <dd>{formatTimestamp(b.createdAt)}</dd>
              {b.approvedAt ? (
                <>
                  <dt>Godkänt</dt>
                  <dd>
                    {formatTimestamp(b.approvedAt)}
                    {b.approvedBy ? ` av ${b.approvedBy}` : ''}
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
              {b.creditedBy ? (
                <>
                  <dt>Krediterat av</dt>
                  <dd>
                    <Link href={href(`/ekonomi/fakturering/${b.creditedBy}`)}>kreditnotan</Link>
                  </dd>
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

            {mayDecide ? (
              <div className="row no-print">
                {b.status === 'draft' ? (
                  <Button
                    disabled={act.isPending}
                    onClick={() => {
                      act.mutate('approve');
                    }}
                  >
                    Godkänn underlaget
                  </Button>
                ) : null}
                {b.status === 'approved' ? (
                  <Button
                    variant="secondary"
                    disabled={act.isPending}
                    onClick={() => {
                      act.mutate('send');
                    }}
                  >
                    Markera som skickat
                  </Button>
                ) : null}
                {(b.status === 'approved' || b.status === 'sent') && b.creditOf === null && b.creditedBy === null ? (
                  <Button
                    variant="secondary"
                    data-color="danger"
                    disabled={act.isPending}
                    onClick={() => {
                      act.mutate('credit');
                    }}
                  >
                    Kreditera och skapa nytt utkast
                  </Button>
                ) : null}
              </div>
            ) : null}
            <div aria-live="polite">
              {act.isError ? (
                <Alert data-color="danger" role="alert">
                  {userMessage(act.error)}
                </Alert>
              ) : null}
              {act.isSuccess && act.variables === 'credit' ? (
                <Alert data-color="success">
                  Underlaget är krediterat med en{' '}
                  {act.data.creditNote ? <Link href={href(`/ekonomi/fakturering/${act.data.creditNote.id}`)}>kreditnota</Link> : 'kreditnota'}
                  {act.data.replacement ? (
                    <>
                      {' '}
                      och ett <Link href={href(`/ekonomi/fakturering/${act.data.replacement.id}`)}>nytt utkast</Link> som är beräknat på nytt
                    </>
                  ) : null}
                  .
                </Alert>
              ) : null}
              {act.isSuccess && act.variables === 'approve' ? <Alert data-color="success">Underlaget är godkänt och låst.</Alert> : null}
            </div>

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
                  <tr key={l.lineNo}>
                    <td className="num">{l.lineNo}</td>
                    <td>
                      {l.description}
                      {l.date ? <span className="muted"> ({l.date}{l.reference ? `, ${l.reference}` : ''})</span> : null}
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
                      {formatDecimalString(l.quantity)} {unitName(l.unit)}
                    </td>
                    <td className="num">
                      {formatOre(l.unitPriceOre)}
                      {l.baseQuantity !== 1 ? ` per ${String(l.baseQuantity)} ${unitName(l.unit)}` : ''}
                    </td>
                    <td className="num">{formatOre(l.amountOre)}</td>
                  </tr>
                ))}
              </tbody>
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
                          <td>{p.id}</td>
                          <td>{formatValue(p.value, p.unit)}</td>
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
                {b.trace.interpretations && b.trace.interpretations.length > 0 ? (
                  <Paragraph data-size="sm">Tolkningar: {b.trace.interpretations.map((i) => `${i.id} (${i.option})`).join(', ')}.</Paragraph>
                ) : null}
              </section>
            ) : null}
          </div>
        );
      }}
    </QueryView>
  );
}
