/**
 * The party register (Administration → Parter): each party's and unit's current details as they
 * appear on invoices, with EXEMPEL on every field still holding the demo's placeholder, a form to
 * record a new version (the server checks orgnr, bankgiro/plusgiro and VAT numbers and names the
 * field; its answer is shown at that field and in the summary), and every version with who
 * recorded it and when.
 */
import { useRef, useState, type ReactNode, type SubmitEvent } from 'react';
import { Alert, Button, Checkbox, Details, Heading, Paragraph, Select, Tag, Textfield } from '@digdir/designsystemet-react';
import { ApiError, userMessage } from '../../api/errors.js';
import { useApiMutation, useApiQuery } from '../../api/hooks.js';
import { PersonName } from '../../components/person-name.js';
import { QueryView } from '../../components/query-view.js';
import { ScrollTable } from '../../components/scroll-table.js';
import { SelectField } from '../../components/select-field.js';
import { isIsoDate } from '../../format/dates.js';

type Placeholder = 'organisationNumber' | 'endpoint' | 'address' | 'vatNumber' | 'payment' | 'buyerReference';

/** One version as `GET /parties` answers. */
interface Party {
  readonly id: string;
  readonly partyCode: string;
  readonly unit: string | null;
  readonly validFrom: string;
  readonly version: number;
  readonly legalName: string;
  readonly organisationNumber: string;
  readonly endpoint: { readonly scheme: string; readonly id: string };
  readonly address: { readonly street: string | null; readonly postalCode: string; readonly city: string };
  readonly vatRegistered: boolean;
  readonly vatNumber: string | null;
  readonly payment: { readonly kind: 'bankgiro' | 'plusgiro'; readonly account: string } | null;
  readonly paymentTermsDays: number;
  readonly buyerReference: string;
  readonly flowReferences: Readonly<Record<string, string>>;
  readonly invoicePrefix: string;
  readonly placeholderFields: readonly Placeholder[];
  readonly recordedAt: string;
  readonly recordedBy: string;
}

interface Register {
  readonly parties: readonly Party[];
}

const keyOf = (p: Pick<Party, 'partyCode' | 'unit'>): string => `${p.partyCode}|${p.unit ?? ''}`;
const orgText = (n: string): string => `${n.slice(0, 6)}-${n.slice(6)}`;
const postal = (c: string): string => `${c.slice(0, 3)} ${c.slice(3)}`;

/** "EXEMPEL" beside a field that still holds a placeholder. */
function Example({ party, field }: { readonly party: Party; readonly field: Placeholder }): ReactNode {
  return party.placeholderFields.includes(field) ? (
    <>
      {' '}
      <Tag data-color="warning" data-size="sm">
        EXEMPEL
      </Tag>
    </>
  ) : null;
}

/** The latest version per party and unit (the register answers the current version per start date). */
function latest(parties: readonly Party[]): Party[] {
  const byKey = new Map<string, Party>();
  for (const p of parties) {
    const old = byKey.get(keyOf(p));
    if (old === undefined || p.validFrom > old.validFrom || (p.validFrom === old.validFrom && p.version > old.version))
      byKey.set(keyOf(p), p);
  }
  return [...byKey.values()];
}

type Key =
  | 'party'
  | 'validFrom'
  | 'legalName'
  | 'organisationNumber'
  | 'street'
  | 'postalCode'
  | 'city'
  | 'vatNumber'
  | 'paymentKind'
  | 'account'
  | 'paymentTermsDays'
  | 'buyerReference'
  | 'invoicePrefix';
type Values = Record<Key, string> & { vatRegistered: boolean };

const labels: Readonly<Record<Key, string>> = {
  party: 'Part',
  validFrom: 'Gäller från',
  legalName: 'Juridiskt namn',
  organisationNumber: 'Organisationsnummer',
  street: 'Gatuadress',
  postalCode: 'Postnummer',
  city: 'Ort',
  vatNumber: 'Momsregistreringsnummer',
  paymentKind: 'Betalning till parten',
  account: 'Bankgiro- eller plusgironummer',
  paymentTermsDays: 'Betalningsvillkor (dagar)',
  buyerReference: 'Referens på fakturor till parten ("Er referens")',
  invoicePrefix: 'Prefix för fakturanummer',
};

/** The form field an API answer names (`body.address.postalCode`, `payment.account`, …). */
function fieldKey(field: unknown): Key {
  const f = typeof field === 'string' ? field.replace(/^body\./, '') : '';
  const map: Readonly<Record<string, Key>> = {
    partyCode: 'party',
    unit: 'party',
    validFrom: 'validFrom',
    legalName: 'legalName',
    organisationNumber: 'organisationNumber',
    'endpoint.id': 'organisationNumber',
    'address.street': 'street',
    'address.postalCode': 'postalCode',
    'address.city': 'city',
    vatNumber: 'vatNumber',
    'payment.kind': 'paymentKind',
    'payment.account': 'account',
    paymentTermsDays: 'paymentTermsDays',
    buyerReference: 'buyerReference',
    invoicePrefix: 'invoicePrefix',
  };
  return map[f] ?? (f.startsWith('flowReferences') ? 'buyerReference' : 'party');
}

function valuesOf(p: Party | undefined, validFrom: string): Values {
  return {
    party: p === undefined ? '' : keyOf(p),
    validFrom,
    legalName: p?.legalName ?? '',
    organisationNumber: p === undefined ? '' : orgText(p.organisationNumber),
    street: p?.address.street ?? '',
    postalCode: p === undefined ? '' : postal(p.address.postalCode),
    city: p?.address.city ?? '',
    vatRegistered: p?.vatRegistered ?? true,
    vatNumber: p?.vatNumber ?? '',
    paymentKind: p?.payment?.kind ?? '',
    account: p?.payment?.account ?? '',
    paymentTermsDays: p === undefined ? '30' : String(p.paymentTermsDays),
    buyerReference: p?.buyerReference ?? '',
    invoicePrefix: p?.invoicePrefix ?? '',
  };
}

function NewVersion({ current }: { readonly current: readonly Party[] }): ReactNode {
  const [v, setV] = useState<Values>(valuesOf(undefined, ''));
  const [errors, setErrors] = useState<Partial<Record<Key, string>>>({});
  const summary = useRef<HTMLDivElement>(null);
  const save = useApiMutation<{ party: Party }, Record<string, unknown>>(
    (body) => ({ path: '/parties', json: body }),
    ['/parties', '/audit'],
  );
  const set = (k: Key) => (value: string) => {
    setV((old) => ({ ...old, [k]: value }));
  };
  const selected = current.find((p) => keyOf(p) === v.party);
  const show = (found: Partial<Record<Key, string>>): void => {
    setErrors(found);
    // The summary takes focus so a screen reader hears every problem; each links to its field.
    setTimeout(() => summary.current?.focus(), 0);
  };
  function submit(e: SubmitEvent): void {
    e.preventDefault();
    const found: Partial<Record<Key, string>> = {};
    if (selected === undefined) found.party = 'Välj vilken part eller enhet som får en ny version.';
    if (!isIsoDate(v.validFrom)) found.validFrom = 'Skriv första giltighetsdag som ÅÅÅÅ-MM-DD.';
    for (const k of ['legalName', 'organisationNumber', 'postalCode', 'city', 'buyerReference', 'invoicePrefix'] as const)
      if (v[k].trim() === '') found[k] = `Fyll i ${labels[k].toLowerCase()}.`;
    if (!/^\d{1,3}$/.test(v.paymentTermsDays.trim())) found.paymentTermsDays = 'Skriv betalningsvillkoret som ett antal dagar, 0–120.';
    if (v.paymentKind !== '' && v.account.trim() === '')
      found.account = 'Skriv bankgiro- eller plusgironumret, eller välj ingen betalningsuppgift.';
    if (v.vatRegistered && v.vatNumber.trim() === '') found.vatNumber = 'Skriv momsregistreringsnumret (SE + organisationsnumret + 01).';
    if (Object.keys(found).length > 0 || selected === undefined) {
      show(found);
      return;
    }
    setErrors({});
    save.mutate(
      {
        partyCode: selected.partyCode,
        unit: selected.unit,
        validFrom: v.validFrom,
        legalName: v.legalName.trim(),
        organisationNumber: v.organisationNumber.trim(),
        // The Peppol address follows the organisationsnummer unless the party uses another scheme.
        ...(selected.endpoint.scheme === '0007' ? {} : { endpoint: selected.endpoint }),
        address: { street: v.street.trim() === '' ? null : v.street.trim(), postalCode: v.postalCode.trim(), city: v.city.trim() },
        vatRegistered: v.vatRegistered,
        vatNumber: v.vatRegistered ? v.vatNumber.trim() : null,
        payment: v.paymentKind === 'bankgiro' || v.paymentKind === 'plusgiro' ? { kind: v.paymentKind, account: v.account.trim() } : null,
        paymentTermsDays: Number(v.paymentTermsDays.trim()),
        buyerReference: v.buyerReference.trim(),
        flowReferences: selected.flowReferences,
        invoicePrefix: v.invoicePrefix.trim(),
      },
      {
        onError: (err) => {
          if (err instanceof ApiError && err.status === 400) show({ [fieldKey(err.location['field'])]: err.message });
        },
      },
    );
  }
  const field = (k: Key, extra: { description?: string; inputMode?: 'numeric' | 'text' } = {}): ReactNode => (
    <Textfield
      id={`party-${k}`}
      label={labels[k]}
      {...extra}
      value={v[k]}
      error={errors[k]}
      onChange={(e) => {
        set(k)(e.target.value);
      }}
    />
  );
  const problems = Object.entries(errors) as [Key, string][];
  return (
    <form className="stack narrow" noValidate onSubmit={submit} aria-labelledby="party-form-heading">
      <Heading id="party-form-heading" level={2} data-size="xs">
        Ny version av en parts uppgifter
      </Heading>
      <Paragraph data-size="sm">
        Välj parten för att utgå från dess nuvarande uppgifter. Den nya versionen gäller fakturor med fakturadatum från och med dagen du
        anger; tidigare versioner finns kvar.
      </Paragraph>
      {problems.length > 0 ? (
        <div ref={summary} tabIndex={-1} className="error-summary">
          <Alert data-color="danger" role="alert">
            <Heading level={3} data-size="2xs">
              {problems.length === 1 ? 'Rätta 1 uppgift' : `Rätta ${String(problems.length)} uppgifter`}
            </Heading>
            <ul>
              {problems.map(([k, message]) => (
                <li key={k}>
                  <a
                    href={`#party-${k}`}
                    onClick={(e) => {
                      e.preventDefault();
                      document.getElementById(`party-${k}`)?.focus();
                    }}
                  >
                    {labels[k]}: {message}
                  </a>
                </li>
              ))}
            </ul>
          </Alert>
        </div>
      ) : null}
      <SelectField
        id="party-party"
        label={labels.party}
        value={v.party}
        error={errors.party}
        onChange={(value) => {
          setV(
            valuesOf(
              current.find((x) => keyOf(x) === value),
              v.validFrom,
            ),
          );
        }}
      >
        <Select.Option value="">Välj</Select.Option>
        {current.map((p) => (
          <Select.Option key={keyOf(p)} value={keyOf(p)}>
            {p.legalName}
          </Select.Option>
        ))}
      </SelectField>
      {field('validFrom', { description: 'ÅÅÅÅ-MM-DD', inputMode: 'numeric' })}
      {field('legalName')}
      {field('organisationNumber', {
        description: 'NNNNNN-NNNN; kontrolleras med kontrollsiffran. Peppol-adressen blir 0007 och numret.',
        inputMode: 'numeric',
      })}
      {field('street')}
      {field('postalCode', { description: 'NNN NN', inputMode: 'numeric' })}
      {field('city')}
      <Checkbox
        id="party-vatRegistered"
        label="Momsregistrerad"
        checked={v.vatRegistered}
        onChange={(e) => {
          setV((old) => ({ ...old, vatRegistered: e.target.checked }));
        }}
      />
      {v.vatRegistered ? field('vatNumber', { description: 'SE + organisationsnumret + 01' }) : null}
      <SelectField
        id="party-paymentKind"
        label={labels.paymentKind}
        value={v.paymentKind}
        error={errors.paymentKind}
        onChange={set('paymentKind')}
      >
        <Select.Option value="">Ingen betalningsuppgift</Select.Option>
        <Select.Option value="bankgiro">Bankgiro</Select.Option>
        <Select.Option value="plusgiro">Plusgiro</Select.Option>
      </SelectField>
      {v.paymentKind === ''
        ? null
        : field('account', { description: 'Bankgiro NNN-NNNN eller NNNN-NNNN, plusgiro t.ex. 12345-6', inputMode: 'numeric' })}
      {field('paymentTermsDays', { inputMode: 'numeric' })}
      {field('buyerReference')}
      {field('invoicePrefix', { description: '2–12 versaler eller siffror; inleder partens fakturanummer, t.ex. RJH' })}
      {save.isError && !(save.error instanceof ApiError && save.error.status === 400) ? (
        <Alert data-color="danger" role="alert">
          {userMessage(save.error)}
        </Alert>
      ) : null}
      {save.isSuccess ? (
        <Alert data-color="success" role="status">
          Version {save.data.party.version} av {save.data.party.legalName} från {save.data.party.validFrom} är sparad.
        </Alert>
      ) : null}
      <div>
        <Button type="submit" disabled={save.isPending}>
          Spara ny version
        </Button>
      </div>
    </form>
  );
}

function History({ versions }: { readonly versions: readonly Party[] }): ReactNode {
  return (
    <Details>
      <Details.Summary>Versioner ({versions.length})</Details.Summary>
      <Details.Content>
        <ul className="party-history">
          {[...versions].reverse().map((h) => (
            <li key={h.id}>
              Från {h.validFrom}, version {h.version}: {h.legalName}, {orgText(h.organisationNumber)} – registrerad{' '}
              {h.recordedAt.slice(0, 16).replace('T', ' ')} av <PersonName id={h.recordedBy} />
            </li>
          ))}
        </ul>
      </Details.Content>
    </Details>
  );
}

/** Every party and unit with its current version and history, and the form for a new version. */
export function PartiesSection(): ReactNode {
  const list = useApiQuery<Register>('/parties?history=true');
  return (
    <QueryView query={list} label="partsregistret">
      {({ parties }) => {
        const current = latest(parties);
        return (
          <>
            <Paragraph>
              Så namnges och betalas varje part på fakturor, e-fakturor (Peppol) och bokföringsfiler. Uppgifter märkta EXEMPEL är demodata:
              en faktura med riktiga underlag exporteras inte förrän de är ersatta.
            </Paragraph>
            <ScrollTable caption="Parter och enheter som fakturerar eller faktureras">
              <thead>
                <tr>
                  <th scope="col">Part</th>
                  <th scope="col">Organisationsnummer och Peppol</th>
                  <th scope="col">Adress</th>
                  <th scope="col">Moms</th>
                  <th scope="col">Betalning</th>
                  <th scope="col">Referens</th>
                  <th scope="col">Historik</th>
                </tr>
              </thead>
              <tbody>
                {current.map((p) => (
                  <tr key={keyOf(p)} data-party={keyOf(p)}>
                    <td>
                      <strong>{p.legalName}</strong>
                      <br />
                      <span className="muted">
                        {p.unit ?? p.partyCode} · fakturor {p.invoicePrefix}-… · gäller från {p.validFrom}
                      </span>
                    </td>
                    <td>
                      {orgText(p.organisationNumber)}
                      <Example party={p} field="organisationNumber" />
                      <br />
                      {p.endpoint.scheme}:{p.endpoint.id}
                      <Example party={p} field="endpoint" />
                    </td>
                    <td>
                      {p.address.street === null ? null : (
                        <>
                          {p.address.street}
                          <br />
                        </>
                      )}
                      {postal(p.address.postalCode)} {p.address.city}
                      <Example party={p} field="address" />
                    </td>
                    <td>
                      {p.vatNumber ?? 'ej momsregistrerad'}
                      <Example party={p} field="vatNumber" />
                    </td>
                    <td>
                      {p.payment === null ? '–' : `${p.payment.kind === 'bankgiro' ? 'Bankgiro' : 'Plusgiro'} ${p.payment.account}`}
                      <Example party={p} field="payment" />
                      <br />
                      {p.paymentTermsDays} dagar netto
                    </td>
                    <td>
                      {p.buyerReference}
                      <Example party={p} field="buyerReference" />
                      {Object.entries(p.flowReferences).map(([flow, ref]) => (
                        <div key={flow} className="muted">
                          {flow}: {ref}
                        </div>
                      ))}
                    </td>
                    <td>
                      <History versions={parties.filter((h) => keyOf(h) === keyOf(p))} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </ScrollTable>
            <NewVersion current={current} />
          </>
        );
      }}
    </QueryView>
  );
}
