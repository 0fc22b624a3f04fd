/**
 * Ekonomi: imports, billing runs and invoice bases, tilläggsbelopp scenarios, the MT fixed split
 * and the joint development funds. Each sub-page is its own chunk; charts load only there.
 */
import { lazy, Suspense, type ReactNode } from 'react';
import { Card, Heading, Link, Paragraph, Spinner } from '@digdir/designsystemet-react';
import { can, type Permission } from '../../auth/roles.js';
import { useSession } from '../../auth/session.js';
import { PageHeading } from '../../components/page-title.js';
import { SubNav } from '../../components/sub-nav.js';
import { href } from '../../router.js';
import type { PageProps } from '../../routes.js';
import './economy.css';

interface Sub {
  readonly segment: string;
  readonly title: string;
  readonly description: string;
  readonly permission: Permission;
  readonly page: ReturnType<typeof lazy<(p: PageProps) => ReactNode>>;
}

const subs: readonly Sub[] = [
  {
    segment: 'import',
    title: 'Import',
    description: 'Läs in underlag från egna system, med felrapport rad för rad.',
    permission: 'economy.import',
    page: lazy(() => import('./import-page.js')),
  },
  {
    segment: 'fakturering',
    title: 'Fakturering',
    description: 'Faktureringskörningar och fakturaunderlag: utkast, godkännande, kreditering.',
    permission: 'economy.read',
    page: lazy(() => import('./billing-page.js')),
  },
  {
    segment: 'tillaggsbelopp',
    title: 'Tilläggsbelopp',
    description: 'Avstämning och fördelning per kommun, med scenarier.',
    permission: 'economy.read',
    page: lazy(() => import('./tillaggsbelopp-page.js')),
  },
  {
    segment: 'mt',
    title: 'MT fast del',
    description: 'Fördelning av MT:s fasta del efter andel registrerade inventarier.',
    permission: 'economy.read',
    page: lazy(() => import('./mt-page.js')),
  },
  {
    segment: 'utveckling',
    title: 'Utvecklingsmedel',
    description: 'Gemensamma utvecklingsmedel: budget och utfall per område.',
    permission: 'economy.read',
    page: lazy(() => import('./development-page.js')),
  },
];

/** The Ekonomi section. */
export default function EconomyPage({ location }: PageProps): ReactNode {
  const { user } = useSession();
  const visible = subs.filter((s) => can(user ?? undefined, s.permission));
  const segment = location.segments[1];
  const current = visible.find((s) => s.segment === segment);
  const nav = (
    <SubNav
      label="Ekonomi"
      current={current ? `/ekonomi/${current.segment}` : '/ekonomi'}
      items={[{ path: '/ekonomi', title: 'Översikt' }, ...visible.map((s) => ({ path: `/ekonomi/${s.segment}`, title: s.title }))]}
    />
  );
  if (current) {
    const P = current.page;
    return (
      <>
        {nav}
        <Suspense fallback={<Spinner aria-label="Laddar sidan…" />}>
          <P location={location} />
        </Suspense>
      </>
    );
  }
  return (
    <>
      {nav}
      <PageHeading title="Ekonomi">Ekonomi</PageHeading>
      {segment !== undefined ? (
        <Paragraph role="alert">Sidan ”{segment}” finns inte eller är inte tillgänglig för din roll. Välj en sida nedan.</Paragraph>
      ) : null}
      <Paragraph>
        Avtalets ekonomiska modell: skatteväxling i botten, tilläggsbelopp i mitten och gemensamma utvecklingsmedel överst, plus
        ersättningar mellan parterna för uppdrag dagtid, syn- och hörselombud och medicintekniskt stöd. Alla belopp visas med beräkningen
        bakom.
      </Paragraph>
      <div className="card-grid">
        {visible.map((s) => (
          <Card key={s.segment} data-color="neutral">
            <Heading level={2} data-size="xs">
              <Link href={href(`/ekonomi/${s.segment}`)}>{s.title}</Link>
            </Heading>
            <Paragraph data-size="sm">{s.description}</Paragraph>
          </Card>
        ))}
      </div>
    </>
  );
}
