/**
 * The app shell: skip link, header with the navigation the role may see, the routed page, and a
 * footer. Pages load lazily; a page the role may not see explains why and what to do.
 */
import { Suspense, type ReactNode } from 'react';
import { Alert, Heading, Link, Paragraph, Spinner } from '@digdir/designsystemet-react';
import { can } from './auth/roles.js';
import { useSession } from './auth/session.js';
import { href, useLocation, type Location } from './router.js';
import { routes, type RouteDef } from './routes.js';
import { Header } from './components/header.js';
import { SkipLink } from './components/skip-link.js';
import { usePageTitle } from './components/page-title.js';
import { DeadlineBanner } from './pages/agreements/deadline-banner.js';

function NotFound(): ReactNode {
  usePageTitle('Sidan finns inte');
  return (
    <>
      <Heading level={1} data-size="lg" tabIndex={-1} className="page-heading">
        Sidan finns inte
      </Heading>
      <Paragraph>
        Adressen leder inte till någon sida. Gå till <Link href={href('/ansvarsguide')}>Ansvarsguiden</Link> eller välj en sida i menyn.
      </Paragraph>
    </>
  );
}

function NotAllowed({ route, signedIn }: { readonly route: RouteDef; readonly signedIn: boolean }): ReactNode {
  usePageTitle(route.title);
  return (
    <>
      <Heading level={1} data-size="lg" tabIndex={-1} className="page-heading">
        {route.title}
      </Heading>
      {signedIn ? (
        <Alert data-color="warning">
          Din roll har inte behörighet till sidan {route.title}. Kontakta en administratör om du behöver åtkomst.
        </Alert>
      ) : (
        <Alert data-color="info">
          Sidan {route.title} kräver inloggning.{' '}
          <Link href={href('/logga-in', new URLSearchParams({ till: `/${route.segment}` }))}>Logga in</Link> för att fortsätta.
        </Alert>
      )}
    </>
  );
}

function Page({ location }: { readonly location: Location }): ReactNode {
  const { user, mustChangePassword } = useSession();
  // A password an administrator chose must be replaced before anything else (the API refuses the rest).
  const first = user && mustChangePassword ? 'byt-losenord' : (location.segments[0] ?? 'ansvarsguide');
  const route = routes.find((r) => r.segment === first);
  if (!route) return <NotFound />;
  if (!can(user ?? undefined, route.permission)) {
    if (user === undefined) return <Spinner aria-label="Kontrollerar inloggning…" />;
    return <NotAllowed route={route} signedIn={user !== null} />;
  }
  const P = route.page;
  // Deadlines warn where people start and where the agreement's lifecycle is managed.
  const banner = route === routes[0] || route.segment === 'avtal';
  // In full for the signed-in roles (who manage the agreement) and on Avtal; one line each for the
  // nurse on the guide, whose first question must stay on a phone's first screen.
  const compact = !user && route.segment !== 'avtal';
  return (
    <>
      {banner ? <DeadlineBanner compact={compact} /> : null}
      <P location={location} />
    </>
  );
}

/** The whole app. */
export function App(): ReactNode {
  const location = useLocation();
  return (
    <>
      <SkipLink />
      <Header location={location} />
      <main id="main" tabIndex={-1} className="app-main">
        <Suspense fallback={<Spinner aria-label="Laddar sidan…" />}>
          <Page location={location} />
        </Suspense>
      </main>
      <footer className="app-footer no-print">
        <Paragraph data-size="sm">
          Samverkansavtalet om hälso- och sjukvård i hemmet mellan Region Jämtland Härjedalen och kommunerna Berg, Bräcke, Härjedalen,
          Krokom, Ragunda, Strömsund, Åre och Östersund, giltigt från 2026-01-01. Tjänsten lagrar inga personuppgifter om patienter.
        </Paragraph>
      </footer>
    </>
  );
}
