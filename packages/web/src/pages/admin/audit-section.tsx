/**
 * The audit log and its hash-chain verification (`GET /audit`, `GET /audit/verify`): filtered by
 * who, what and when (`GET /audit/facets` fills the lists), each entry with the person's name, the
 * action in Swedish, the thing by its name and the changed fields; the same selection as CSV.
 */
import { useState, type ReactNode } from 'react';
import { Alert, Link, Paragraph, Select, Textfield } from '@digdir/designsystemet-react';
import { API_BASE } from '../../api/client.js';
import { useApiQuery } from '../../api/hooks.js';
import { QueryView } from '../../components/query-view.js';
import { PersonName } from '../../components/person-name.js';
import { ScrollTable } from '../../components/scroll-table.js';
import { SelectField } from '../../components/select-field.js';
import { formatTimestamp, isIsoDate } from '../../format/dates.js';
import { formatInteger } from '../../format/numbers.js';
import { AuditDiff, type FieldChange } from './audit-diff.js';

interface AuditEntry {
  readonly seq: number;
  readonly at: string;
  readonly actor: string;
  /** The actor's display name (`kommandoraden (…)` for the CLI). */
  readonly actorName?: string;
  readonly action: string;
  readonly actionLabel?: string;
  readonly entity: string;
  readonly entityLabel?: string;
  readonly entityId: string;
  /** The thing by its name (a basis by flow, period and parties, a dispute by subject). */
  readonly entityName?: string;
  readonly before: unknown;
  readonly after: unknown;
  /** The changed fields, labelled and formatted by the service. */
  readonly changes: readonly FieldChange[];
  readonly hash: string;
}

interface Facets {
  readonly actors: readonly { readonly id: string; readonly name: string }[];
  readonly actions: readonly { readonly id: string; readonly label: string }[];
  readonly entities: readonly { readonly id: string; readonly label: string }[];
}

type Verification =
  | { readonly ok: true; readonly rows: number; readonly lastSeq: number; readonly lastHash: string }
  | { readonly ok: false; readonly rows: number; readonly seq: number; readonly problem: string; readonly message: string };

type FilterKey = 'actor' | 'entity' | 'action' | 'from' | 'to';

/** Verification status first, then the newest entries. */
export function AuditSection(): ReactNode {
  const verify = useApiQuery<Verification>('/audit/verify');
  const facets = useApiQuery<Facets>('/audit/facets');
  const [filter, setFilter] = useState<Record<FilterKey, string>>({ actor: '', entity: '', action: '', from: '', to: '' });
  const set = (k: FilterKey) => (value: string) => {
    setFilter((old) => ({ ...old, [k]: value }));
  };
  // A day is sent once it is a whole date; a half-typed one says so under its field.
  const dateError = (v: string): string | undefined => (v === '' || isIsoDate(v) ? undefined : 'Skriv dagen som ÅÅÅÅ-MM-DD.');
  const query = new URLSearchParams(Object.entries(filter).filter(([k, v]) => v !== '' && ((k !== 'from' && k !== 'to') || isIsoDate(v))));
  const qs = query.toString();
  const log = useApiQuery<{ entries: readonly AuditEntry[] }>(`/audit${qs === '' ? '' : `?${qs}`}`, { keepPrevious: true });
  return (
    <>
      <Paragraph>
        Varje ändring av parametrar, index, nycklar, användare, underlag och fakturaunderlag loggas. Posterna är länkade med en hashkedja:
        om någon post ändras i efterhand bryts kedjan och verifieringen visar var.
      </Paragraph>
      <QueryView query={verify} label="verifieringen">
        {(v) =>
          v.ok ? (
            <Alert data-color="success" data-testid="audit-verification">
              Granskningsloggen är verifierad: {formatInteger(v.rows)} poster, obruten hashkedja till och med post {v.lastSeq}.
            </Alert>
          ) : (
            <Alert data-color="danger" role="alert" data-testid="audit-verification">
              Granskningsloggen är bruten vid post {v.seq}: {v.message} Kontakta systemförvaltningen: loggen kan ha ändrats utanför
              tjänsten.
            </Alert>
          )
        }
      </QueryView>
      <form
        className="audit-filters"
        aria-label="Filtrera granskningsloggen"
        onSubmit={(e) => {
          e.preventDefault();
        }}
      >
        <SelectField id="audit-actor" label="Vem" value={filter.actor} onChange={set('actor')}>
          <Select.Option value="">Alla</Select.Option>
          {(facets.data?.actors ?? []).map((a) => (
            <Select.Option key={a.id} value={a.id}>
              {a.name}
            </Select.Option>
          ))}
        </SelectField>
        <SelectField id="audit-entity" label="Vad" value={filter.entity} onChange={set('entity')}>
          <Select.Option value="">Allt</Select.Option>
          {(facets.data?.entities ?? []).map((x) => (
            <Select.Option key={x.id} value={x.id}>
              {x.label}
            </Select.Option>
          ))}
        </SelectField>
        <SelectField id="audit-action" label="Händelse" value={filter.action} onChange={set('action')}>
          <Select.Option value="">Alla</Select.Option>
          {(facets.data?.actions ?? []).map((x) => (
            <Select.Option key={x.id} value={x.id}>
              {x.label}
            </Select.Option>
          ))}
        </SelectField>
        <Textfield
          id="audit-from"
          label="Från och med"
          description="ÅÅÅÅ-MM-DD"
          inputMode="numeric"
          value={filter.from}
          error={dateError(filter.from)}
          onChange={(e) => {
            set('from')(e.target.value.trim());
          }}
        />
        <Textfield
          id="audit-to"
          label="Till och med"
          description="ÅÅÅÅ-MM-DD"
          inputMode="numeric"
          value={filter.to}
          error={dateError(filter.to)}
          onChange={(e) => {
            set('to')(e.target.value.trim());
          }}
        />
      </form>
      <Paragraph>
        <Link data-testid="audit-csv" href={`${API_BASE}/audit/export.csv${qs === '' ? '' : `?${qs}`}`} download>
          Ladda ned urvalet som CSV (för Excel)
        </Link>
      </Paragraph>
      <QueryView query={log} label="granskningsloggen">
        {({ entries }) => {
          return entries.length === 0 ? (
            <Paragraph data-testid="audit-empty">Inga poster matchar filtret.</Paragraph>
          ) : (
            <ScrollTable caption={qs === '' ? 'Granskningslogg, senaste posterna' : 'Granskningslogg, poster som matchar filtret'}>
              <thead>
                <tr>
                  <th scope="col" className="num">
                    Nr
                  </th>
                  <th scope="col">Tid</th>
                  <th scope="col">Vem</th>
                  <th scope="col">Händelse</th>
                  <th scope="col">Vad</th>
                  <th scope="col">Ändringar</th>
                  <th scope="col">Hash</th>
                </tr>
              </thead>
              <tbody>
                {entries.map((e) => (
                  <tr key={e.seq}>
                    <td className="num">{e.seq}</td>
                    <td>{formatTimestamp(e.at)}</td>
                    <td>
                      <PersonName id={e.actor} name={e.actorName} />
                    </td>
                    <td>{e.actionLabel ?? e.action}</td>
                    <td>
                      {e.entityLabel ?? e.entity}: <span title={`Id: ${e.entityId}`}>{e.entityName ?? e.entityId}</span>
                    </td>
                    <td>
                      <AuditDiff seq={e.seq} changes={e.changes} />
                    </td>
                    <td className="hash">{e.hash.slice(0, 16)}…</td>
                  </tr>
                ))}
              </tbody>
            </ScrollTable>
          );
        }}
      </QueryView>
    </>
  );
}
