/**
 * One index value's page: every version of the series and year, and the invoice bases computed
 * with each (`GET /index-values/:series/:year/bases`, read from the bases' traces). After a value
 * is replaced, the bases still on the old version are the ones to credit and recompute.
 */
import type { ReactNode } from 'react';
import { Heading, Link, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useApiQuery } from '../../api/hooks.js';
import { QueryView } from '../../components/query-view.js';
import { ScrollTable } from '../../components/scroll-table.js';
import { formatTimestamp } from '../../format/dates.js';
import { formatOre } from '../../format/money.js';
import { formatPercent } from '../../format/numbers.js';
import { href } from '../../router.js';
import { flowTitle, statusName, type InvoiceBasis } from '../economy/billing-types.js';

interface Version {
  readonly version: {
    readonly version: number;
    readonly percent: string;
    readonly source: string;
    readonly kind: string;
    readonly recordedAt: string;
    readonly example?: boolean;
  };
  readonly current: boolean;
  readonly invoiceBases: readonly InvoiceBasis[];
}

interface Answer {
  readonly versions: readonly Version[];
  readonly unmatched: readonly InvoiceBasis[];
}

function Bases({ bases, caption }: { readonly bases: readonly InvoiceBasis[]; readonly caption: string }): ReactNode {
  if (bases.length === 0) return <Paragraph data-size="sm">Inga fakturaunderlag är beräknade med den här versionen.</Paragraph>;
  return (
    <ScrollTable caption={caption} captionHidden>
      <thead>
        <tr>
          <th scope="col">Fakturaunderlag</th>
          <th scope="col">Säljare och köpare</th>
          <th scope="col">Status</th>
          <th scope="col" className="num">
            Summa
          </th>
        </tr>
      </thead>
      <tbody>
        {bases.map((b) => (
          <tr key={b.id}>
            <td>
              <Link href={href(`/ekonomi/fakturering/${b.id}`)}>
                {flowTitle(b.flow)} {b.period}
              </Link>
              {b.invoiceNumber ? <span className="muted"> nr {b.invoiceNumber}</span> : null}
            </td>
            <td>
              {b.seller.name} till {b.buyer.name}
            </td>
            <td>{statusName(b)}</td>
            <td className="num">{formatOre(b.totalOre)}</td>
          </tr>
        ))}
      </tbody>
    </ScrollTable>
  );
}

/** The versions of `series` `year` with their bases. */
export function IndexValueBases({ series, year }: { readonly series: string; readonly year: string }): ReactNode {
  const q = useApiQuery<Answer>(`/index-values/${encodeURIComponent(series)}/${encodeURIComponent(year)}/bases`);
  return (
    <div className="stack">
      <Paragraph>
        <Link href={href('/administration/index')}>Tillbaka till alla indexvärden</Link>
      </Paragraph>
      <Heading level={2} data-size="sm">
        {series} {year}: versioner och fakturaunderlag
      </Heading>
      <QueryView query={q} label="fakturaunderlagen för indexvärdet">
        {({ versions, unmatched }) => (
          <>
            {versions.map((v) => (
              <section
                key={v.version.version}
                className="stack"
                aria-labelledby={`iv-version-${String(v.version.version)}`}
                data-testid={`index-version-${String(v.version.version)}`}
              >
                <Heading level={3} data-size="xs" id={`iv-version-${String(v.version.version)}`}>
                  Version {v.version.version}: {formatPercent(v.version.percent)}{' '}
                  {v.current ? <Tag data-color="success">Gäller</Tag> : <Tag data-color="neutral">Ersatt</Tag>}
                </Heading>
                <Paragraph data-size="sm">
                  {v.version.kind === 'forecast' ? 'Prognos' : 'Utfall'}, källa {v.version.source}, registrerad{' '}
                  {formatTimestamp(v.version.recordedAt)}.{' '}
                  {v.invoiceBases.length === 1
                    ? '1 fakturaunderlag är beräknat'
                    : `${String(v.invoiceBases.length)} fakturaunderlag är beräknade`}{' '}
                  med den här versionen
                  {v.current || v.invoiceBases.length === 0 ? '.' : '; kreditera dem om de ska räknas om med det gällande värdet.'}
                </Paragraph>
                <Bases
                  bases={v.invoiceBases}
                  caption={`Fakturaunderlag beräknade med ${series} ${year} version ${String(v.version.version)}`}
                />
              </section>
            ))}
            {unmatched.length > 0 ? (
              <section className="stack" aria-labelledby="iv-unmatched">
                <Heading level={3} data-size="xs" id="iv-unmatched">
                  Med ett värde som ingen sparad version har
                </Heading>
                <Bases bases={unmatched} caption={`Fakturaunderlag med ett annat värde för ${series} ${year}`} />
              </section>
            ) : null}
          </>
        )}
      </QueryView>
    </div>
  );
}
