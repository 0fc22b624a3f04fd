/** Users and roles: the list and a form for a new local account (administrators only). */
import { useState, type SubmitEvent, type ReactNode } from 'react';
import { Alert, Button, Checkbox, Heading, Select, Tag, Textfield } from '@digdir/designsystemet-react';
import { errorField, userMessage } from '../../api/errors.js';
import { useApiMutation, useApiQuery } from '../../api/hooks.js';
import { partyName, useMunicipalities } from '../../api/municipalities.js';
import { ROLES, roleName, type Role, type User } from '../../auth/roles.js';
import { useSession } from '../../auth/session.js';
import { QueryView } from '../../components/query-view.js';
import { ScrollTable } from '../../components/scroll-table.js';
import { SelectField } from '../../components/select-field.js';

type Key = 'username' | 'displayName' | 'email' | 'role' | 'municipality' | 'password';

/** The shape the server accepts (auth/email.ts): one @, a dot in the domain, no spaces. */
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/u;
const EMAIL_ERROR = 'Skriv e-postadressen som namn@exempel.se, eller lämna fältet tomt.';
const EMAIL_DESCRIPTION = 'Används för att koppla inloggning via organisationens inloggningstjänst (OIDC) till kontot. Valfri.';

function NewUser(): ReactNode {
  const municipalities = useMunicipalities();
  const [v, setV] = useState<Record<Key, string>>({ username: '', displayName: '', email: '', role: '', municipality: '', password: '' });
  const [errors, setErrors] = useState<Partial<Record<Key, string>>>({});
  const save = useApiMutation<unknown, Record<string, unknown>>((body) => ({ path: '/users', json: body }), ['/users']);
  const set = (k: Key) => (value: string) => {
    setV((old) => ({ ...old, [k]: value }));
  };
  function submit(e: SubmitEvent): void {
    e.preventDefault();
    const found: Partial<Record<Key, string>> = {};
    if (!/^[a-z0-9._-]{3,40}$/.test(v.username))
      found.username = 'Användarnamnet ska vara 3–40 tecken: små bokstäver a–z, siffror, punkt, bindestreck eller understreck.';
    if (v.displayName.trim() === '') found.displayName = 'Skriv personens namn som det ska visas.';
    if (v.email.trim() !== '' && !EMAIL.test(v.email.trim())) found.email = EMAIL_ERROR;
    if (v.role === '') found.role = 'Välj en roll.';
    if (v.role === 'municipality_economist' && v.municipality === '')
      found.municipality = 'En kommunekonom måste kopplas till sin kommun. Välj kommun.';
    if (v.password.length < 12) found.password = 'Lösenordet ska ha minst 12 tecken.';
    setErrors(found);
    const first = Object.keys(found)[0];
    if (first) {
      document.getElementById(`user-${first}`)?.focus();
      return;
    }
    save.mutate({
      username: v.username,
      displayName: v.displayName.trim(),
      ...(v.email.trim() === '' ? {} : { email: v.email.trim() }),
      role: v.role,
      ...(v.role === 'municipality_economist' ? { municipality: v.municipality } : {}),
      password: v.password,
    });
  }
  const serverField = errorField(save.error);
  return (
    <form className="stack narrow" noValidate onSubmit={submit}>
      <Textfield
        id="user-username"
        label="Användarnamn"
        autoComplete="off"
        value={v.username}
        error={errors.username ?? (serverField === 'username' ? userMessage(save.error) : undefined)}
        onChange={(e) => {
          set('username')(e.target.value);
        }}
      />
      <Textfield
        id="user-displayName"
        label="Namn"
        autoComplete="off"
        value={v.displayName}
        error={errors.displayName}
        onChange={(e) => {
          set('displayName')(e.target.value);
        }}
      />
      <Textfield
        id="user-email"
        label="E-post"
        description={EMAIL_DESCRIPTION}
        type="email"
        autoComplete="off"
        value={v.email}
        error={errors.email ?? (serverField === 'email' ? userMessage(save.error) : undefined)}
        onChange={(e) => {
          set('email')(e.target.value);
        }}
      />
      <SelectField id="user-role" label="Roll" value={v.role} error={errors.role} onChange={set('role')}>
        <Select.Option value="">Välj</Select.Option>
        {ROLES.map((r) => (
          <Select.Option key={r} value={r}>
            {roleName(r)}
          </Select.Option>
        ))}
      </SelectField>
      {v.role === 'municipality_economist' ? (
        <SelectField
          id="user-municipality"
          label="Kommun"
          value={v.municipality}
          error={errors.municipality}
          onChange={set('municipality')}
        >
          <Select.Option value="">Välj</Select.Option>
          {municipalities.map((m) => (
            <Select.Option key={m.code} value={m.code}>
              {m.name}
            </Select.Option>
          ))}
        </SelectField>
      ) : null}
      <Textfield
        id="user-password"
        label="Tillfälligt lösenord"
        description="Minst 12 tecken. Personen måste välja ett eget lösenord vid första inloggningen."
        type="password"
        autoComplete="new-password"
        value={v.password}
        error={errors.password ?? (serverField === 'password' ? userMessage(save.error) : undefined)}
        onChange={(e) => {
          set('password')(e.target.value);
        }}
      />
      {save.isError && serverField !== 'username' && serverField !== 'password' && serverField !== 'email' ? (
        <Alert data-color="danger" role="alert">
          {userMessage(save.error)}
        </Alert>
      ) : null}
      {save.isSuccess ? <Alert data-color="success">Användaren är skapad.</Alert> : null}
      <div>
        <Button type="submit" disabled={save.isPending}>
          Skapa användare
        </Button>
      </div>
    </form>
  );
}

type ListedUser = User & { readonly active: boolean; readonly email?: string | null };

/** Change a user's role, municipality or whether the account is active (`PATCH /users/:id`). */
function ChangeUser({ users }: { readonly users: readonly ListedUser[] }): ReactNode {
  const { user: me } = useSession();
  const municipalities = useMunicipalities();
  const [id, setId] = useState('');
  const [role, setRole] = useState('');
  const [municipality, setMunicipality] = useState('');
  const [active, setActive] = useState(true);
  const [email, setEmail] = useState('');
  const [errors, setErrors] = useState<Partial<Record<'id' | 'municipality' | 'email', string>>>({});
  const save = useApiMutation<unknown, { id: string; body: Record<string, unknown> }>(
    ({ id: userId, body }) => ({ path: `/users/${encodeURIComponent(userId)}`, method: 'PATCH', json: body }),
    ['/users'],
  );
  const pick = (userId: string): void => {
    setId(userId);
    const u = users.find((x) => String(x.id) === userId);
    setRole(u?.role ?? '');
    setMunicipality(u?.municipality ?? '');
    setActive(u?.active ?? true);
    setEmail(u?.email ?? '');
  };
  function submit(e: SubmitEvent): void {
    e.preventDefault();
    const found: Partial<Record<'id' | 'municipality' | 'email', string>> = {};
    if (email.trim() !== '' && !EMAIL.test(email.trim())) found.email = EMAIL_ERROR;
    if (id === '') found.id = 'Välj vilken användare som ska ändras.';
    if (role === 'municipality_economist' && municipality === '')
      found.municipality = 'En kommunekonom måste kopplas till sin kommun. Välj kommun.';
    setErrors(found);
    const first = Object.keys(found)[0];
    if (first) {
      document.getElementById(`change-${first}`)?.focus();
      return;
    }
    save.mutate({
      id,
      body: {
        role,
        municipality: role === 'municipality_economist' ? municipality : null,
        email: email.trim() === '' ? null : email.trim(),
        active,
      },
    });
  }
  return (
    <form className="stack narrow" noValidate onSubmit={submit}>
      <SelectField id="change-id" label="Användare" value={id} error={errors.id} onChange={pick}>
        <Select.Option value="">Välj</Select.Option>
        {users
          .filter((u) => String(u.id) !== String(me?.id))
          .map((u) => (
            <Select.Option key={String(u.id)} value={String(u.id)}>
              {u.displayName} ({u.username})
            </Select.Option>
          ))}
      </SelectField>
      {id !== '' ? (
        <>
          <SelectField id="change-role" label="Roll" value={role} onChange={setRole}>
            {ROLES.map((r) => (
              <Select.Option key={r} value={r}>
                {roleName(r)}
              </Select.Option>
            ))}
          </SelectField>
          {role === 'municipality_economist' ? (
            <SelectField
              id="change-municipality"
              label="Kommun"
              value={municipality}
              error={errors.municipality}
              onChange={setMunicipality}
            >
              <Select.Option value="">Välj</Select.Option>
              {municipalities.map((m) => (
                <Select.Option key={m.code} value={m.code}>
                  {m.name}
                </Select.Option>
              ))}
            </SelectField>
          ) : null}
          <Textfield
            id="change-email"
            label="E-post"
            description={EMAIL_DESCRIPTION}
            type="email"
            autoComplete="off"
            value={email}
            error={errors.email}
            onChange={(e) => {
              setEmail(e.target.value);
            }}
          />
          <Checkbox
            id="change-active"
            label="Kontot är aktivt"
            description="Ett inaktiverat konto kan inte logga in. Att ändra roll eller inaktivera avslutar användarens inloggningar."
            checked={active}
            onChange={(e) => {
              setActive(e.target.checked);
            }}
          />
        </>
      ) : null}
      {save.isError ? (
        <Alert data-color="danger" role="alert">
          {userMessage(save.error)}
        </Alert>
      ) : null}
      {save.isSuccess ? <Alert data-color="success">Ändringen är sparad.</Alert> : null}
      <div>
        <Button type="submit" disabled={save.isPending}>
          Spara ändringen
        </Button>
      </div>
    </form>
  );
}

/** The users list and the new-user form. */
export function UsersSection(): ReactNode {
  const municipalities = useMunicipalities();
  const list = useApiQuery<{ users: readonly ListedUser[] }>('/users');
  return (
    <>
      <QueryView query={list} label="användarna">
        {({ users }) => {
          return (
            <ScrollTable caption="Användare och roller">
              <thead>
                <tr>
                  <th scope="col">Namn</th>
                  <th scope="col">Användarnamn</th>
                  <th scope="col">Roll</th>
                  <th scope="col">Kommun</th>
                  <th scope="col">E-post</th>
                </tr>
              </thead>
              <tbody>
                {users.map((u) => (
                  <tr key={String(u.id)}>
                    <td>
                      {u.displayName}
                      {!u.active ? (
                        <>
                          {' '}
                          <Tag data-color="neutral" data-size="sm">
                            Inaktiv
                          </Tag>
                        </>
                      ) : null}
                    </td>
                    <td>{u.username}</td>
                    <td>{roleName(u.role satisfies Role)}</td>
                    <td>{u.municipality ? partyName(u.municipality, municipalities) : '–'}</td>
                    <td>{u.email ?? '–'}</td>
                  </tr>
                ))}
              </tbody>
            </ScrollTable>
          );
        }}
      </QueryView>
      <Heading level={2} data-size="xs">
        Ny användare
      </Heading>
      <NewUser />
      {list.data ? (
        <>
          <Heading level={2} data-size="xs">
            Ändra roll, e-post eller inaktivera
          </Heading>
          <ChangeUser users={list.data.users} />
        </>
      ) : null}
    </>
  );
}
