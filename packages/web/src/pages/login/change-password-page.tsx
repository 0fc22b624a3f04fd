/**
 * Change the own password (`POST /api/v1/auth/password`). Shown instead of every page while the
 * account must change a password an administrator chose; otherwise reachable at #/byt-losenord.
 * Errors are tied to the fields and say what to do.
 */
import { useState, type ReactNode, type SubmitEvent } from 'react';
import { Alert, Button, Link, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { errorField, userMessage } from '../../api/errors.js';
import { useSession } from '../../auth/session.js';
import { PageHeading } from '../../components/page-title.js';
import { href, navigate } from '../../router.js';

type Field = 'current' | 'next' | 'repeat';

const MIN_LENGTH = 12;

/** The password change page. */
export default function ChangePasswordPage(): ReactNode {
  const { user, mustChangePassword, changePassword } = useSession();
  const [values, setValues] = useState<Record<Field, string>>({ current: '', next: '', repeat: '' });
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<Field, string>>>({});
  const [error, setError] = useState<unknown>(undefined);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  if (!user) {
    return (
      <div className="stack narrow">
        <PageHeading title="Byt lösenord">Byt lösenord</PageHeading>
        <Alert data-color="info">
          Du behöver vara inloggad för att byta lösenord.{' '}
          <Link href={href('/logga-in', new URLSearchParams({ till: '/byt-losenord' }))}>Logga in</Link>.
        </Alert>
      </div>
    );
  }

  function focus(field: Field): void {
    document.getElementById(`password-${field}`)?.focus();
  }

  async function submit(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const errors: Partial<Record<Field, string>> = {};
    if (values.current === '') errors.current = 'Fyll i ditt nuvarande lösenord.';
    // Counted as the server counts: what a person sees as characters.
    if ([...new Intl.Segmenter('sv').segment(values.next)].length < MIN_LENGTH)
      errors.next = `Det nya lösenordet måste vara minst ${String(MIN_LENGTH)} tecken långt.`;
    else if (values.next === values.current) errors.next = 'Välj ett annat lösenord än det nuvarande.';
    if (values.repeat !== values.next) errors.repeat = 'Lösenorden är inte likadana. Skriv det nya lösenordet en gång till.';
    setFieldErrors(errors);
    setError(undefined);
    const first = (['current', 'next', 'repeat'] as const).find((f) => errors[f] !== undefined);
    if (first !== undefined) {
      focus(first);
      return;
    }
    setBusy(true);
    // A forced change is shown in place of whatever page was asked for; move to this page's own
    // address first, so the confirmation stays when the other page would open up.
    if (!window.location.hash.startsWith('#/byt-losenord')) navigate('/byt-losenord');
    try {
      await changePassword(values.current, values.next);
      setDone(true);
      setValues({ current: '', next: '', repeat: '' });
    } catch (err) {
      const field = errorField(err);
      if (field === 'currentPassword') {
        setFieldErrors({ current: 'Det nuvarande lösenordet stämmer inte. Kontrollera stavningen och försök igen.' });
        focus('current');
      } else if (field === 'newPassword') {
        setFieldErrors({ next: userMessage(err) });
        focus('next');
      } else {
        setError(err);
      }
    } finally {
      setBusy(false);
    }
  }

  const input = (field: Field, label: string, autoComplete: string, description?: string): ReactNode => (
    <Textfield
      id={`password-${field}`}
      label={label}
      type="password"
      autoComplete={autoComplete}
      value={values[field]}
      error={fieldErrors[field]}
      {...(description === undefined ? {} : { description })}
      onChange={(e) => {
        setValues((v) => ({ ...v, [field]: e.target.value }));
      }}
    />
  );

  return (
    <div className="stack narrow">
      <PageHeading title="Byt lösenord">Byt lösenord</PageHeading>
      {done ? (
        <Alert data-color="success" role="status">
          Lösenordet är bytt. Du är fortfarande inloggad; andra inloggningar med ditt konto har avslutats.{' '}
          <Link href={href('/ansvarsguide')}>Fortsätt till Ansvarsguiden</Link>.
        </Alert>
      ) : null}
      {mustChangePassword ? (
        <Alert data-color="warning">
          Ditt lösenord valdes av en administratör. Välj ett eget lösenord innan du fortsätter; tills dess kan du inte använda tjänsten.
        </Alert>
      ) : null}
      <Paragraph>
        Inloggad som {user.displayName}. Det nya lösenordet ska vara minst {MIN_LENGTH} tecken långt.
      </Paragraph>
      <form
        className="stack"
        noValidate
        onSubmit={(e) => {
          void submit(e);
        }}
      >
        {input('current', 'Nuvarande lösenord', 'current-password')}
        {input('next', 'Nytt lösenord', 'new-password', `Minst ${String(MIN_LENGTH)} tecken.`)}
        {input('repeat', 'Upprepa det nya lösenordet', 'new-password')}
        {error !== undefined ? (
          <Alert data-color="danger" role="alert">
            {userMessage(error)}
          </Alert>
        ) : null}
        <div>
          <Button type="submit" disabled={busy} aria-disabled={busy}>
            {busy ? 'Byter lösenord…' : 'Byt lösenord'}
          </Button>
        </div>
      </form>
    </div>
  );
}
