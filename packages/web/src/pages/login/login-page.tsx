/**
 * Sign-in with a local account (`POST /api/v1/auth/login`), and a link to OpenID Connect sign-in
 * when the service has it configured. Errors are tied to the fields and say what to do.
 */
import { useState, type SubmitEvent, type ReactNode } from 'react';
import { Alert, Button, Link, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { ApiError, userMessage } from '../../api/errors.js';
import { API_BASE } from '../../api/client.js';
import { useSession } from '../../auth/session.js';
import { PageHeading } from '../../components/page-title.js';
import { navigate } from '../../router.js';
import type { PageProps } from '../../routes.js';
import { useOidcAvailable } from './oidc.js';

/** The sign-in page. */
export default function LoginPage({ location }: PageProps): ReactNode {
  const { user, signIn } = useSession();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<{ username?: string; password?: string }>({});
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);
  const target = location.query.get('till') ?? '/ansvarsguide';
  const oidc = useOidcAvailable();

  async function submit(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const errors: { username?: string; password?: string } = {};
    if (username.trim() === '') errors.username = 'Fyll i ditt användarnamn.';
    if (password === '') errors.password = 'Fyll i ditt lösenord.';
    setFieldErrors(errors);
    setError(undefined);
    if (errors.username ?? errors.password) {
      document.getElementById(errors.username ? 'login-username' : 'login-password')?.focus();
      return;
    }
    setBusy(true);
    try {
      await signIn(username.trim(), password);
      navigate(target.startsWith('/') ? target : '/ansvarsguide');
    } catch (err) {
      setError(err);
      if (err instanceof ApiError && err.status === 401) {
        setFieldErrors({ password: 'Användarnamnet eller lösenordet stämmer inte. Kontrollera stavningen och försök igen.' });
        document.getElementById('login-password')?.focus();
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="stack narrow">
      <PageHeading title="Logga in">Logga in</PageHeading>
      {user ? (
        <Alert data-color="success">Du är inloggad som {user.displayName}.</Alert>
      ) : (
        <>
          <Paragraph>
            Ansvarsguiden, avtalen och årshjulet kan alla använda utan inloggning. Ekonomi, tvister och administration kräver inloggning.
          </Paragraph>
          <form
            className="stack"
            noValidate
            onSubmit={(e) => {
              void submit(e);
            }}
          >
            <Textfield
              id="login-username"
              label="Användarnamn"
              autoComplete="username"
              value={username}
              error={fieldErrors.username}
              onChange={(e) => {
                setUsername(e.target.value);
              }}
            />
            <Textfield
              id="login-password"
              label="Lösenord"
              type="password"
              autoComplete="current-password"
              value={password}
              error={fieldErrors.password}
              onChange={(e) => {
                setPassword(e.target.value);
              }}
            />
            {error !== undefined && !(error instanceof ApiError && error.status === 401) ? (
              <Alert data-color="danger" role="alert">
                {userMessage(error)}
              </Alert>
            ) : null}
            <div>
              <Button type="submit" disabled={busy} aria-disabled={busy}>
                {busy ? 'Loggar in…' : 'Logga in'}
              </Button>
            </div>
          </form>
          {oidc ? (
            <Paragraph>
              Har din organisation inloggning via e-legitimation eller organisationskonto?{' '}
              <Link href={`${API_BASE}/auth/oidc/login`}>Logga in med organisationskonto</Link>.
            </Paragraph>
          ) : null}
        </>
      )}
    </div>
  );
}
