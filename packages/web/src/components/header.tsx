/** Site header: name, the navigation the role may see, and sign-in state. */
import { useEffect, useRef, type ReactNode } from 'react';
import { Button, Link } from '@digdir/designsystemet-react';
import { can, roleName } from '../auth/roles.js';
import { useSession } from '../auth/session.js';
import { href, navigate, type Location } from '../router.js';
import { routes } from '../routes.js';
import { requestHeadingFocus } from './page-title.js';

/** The header with the main navigation. */
export function Header({ location }: { readonly location: Location }): ReactNode {
  const { user, signOut } = useSession();
  const current = location.segments[0] ?? 'ansvarsguide';
  const previous = useRef(location.path);
  useEffect(() => {
    if (previous.current !== location.path) {
      previous.current = location.path;
      requestHeadingFocus();
    }
  }, [location.path]);
  const visible = routes.filter((r) => r.inNav && can(user ?? undefined, r.permission));
  return (
    <header className="app-header no-print">
      <div className="app-header__top">
        <a className="app-brand" href={href('/ansvarsguide')}>
          Samverkan
          <span className="app-brand__sub">Region Jämtland Härjedalen och länets kommuner</span>
        </a>
        <div className="app-user">
          {/* Served by the service itself (decision 0200), so it works offline and without signing in. */}
          <Link href="/anvandarguide" data-size="sm">
            Användarguide
          </Link>
          {user ? (
            <>
              <span>
                {user.displayName} <span className="app-user__role">({roleName(user.role)})</span>
              </span>
              <Link href={href('/byt-losenord')} data-size="sm">
                Byt lösenord
              </Link>
              <Button
                variant="secondary"
                data-size="sm"
                onClick={() => {
                  void signOut().then(() => {
                    navigate('/ansvarsguide');
                  });
                }}
              >
                Logga ut
              </Button>
            </>
          ) : user === null ? (
            <Link href={href('/logga-in')}>Logga in</Link>
          ) : null}
        </div>
      </div>
      <nav aria-label="Huvudmeny" className="app-nav">
        <ul>
          {visible.map((r) => (
            <li key={r.segment}>
              <a href={href(`/${r.segment}`)} aria-current={r.segment === current ? 'page' : undefined}>
                {r.title}
              </a>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}
