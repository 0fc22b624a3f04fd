/** The audit log and its hash-chain verification (`GET /audit`, `GET /audit/verify`). */
import type { ReactNode } from 'react';
import { Alert, Paragraph } from '@digdir/designsystemet-react';
import { useApiQuery } from '../../api/hooks.js';
import { QueryView } from '../../components/query-view.js';
import { PersonName } from '../../components/person-name.js';
import { ScrollTable } from '../../components/scroll-table.js';
import { formatTimestamp } from '../../format/dates.js';
import { formatInteger } from '../../format/numbers.js';

interface AuditEntry {
  readonly seq: number;
  readonly at: string;
  readonly actor: string;
  /** The actor's display name (`kommandoraden (…)` for the CLI). */
  readonly actorName?: string;
  readonly action: string;
  readonly entity: string;
  readonly entityId: string;
  readonly hash: string;
}

type Verification =
  | { readonly ok: true; readonly rows: number; readonly lastSeq: number; readonly lastHash: string }
  | { readonly ok: false; readonly rows: number; readonly seq: number; readonly problem: string; readonly message: string };

const actions: Readonly<Record<string, string>> = { create: 'Skapad', update: 'Ändrad', delete: 'Borttagen', import: 'Import', approve: 'Godkänd', send: 'Skickad', credit: 'Krediterad', escalate: 'Eskalerad', decide: 'Beslut', close: 'Avslutad', login: 'Inloggning', logout: 'Utloggning', run: 'Körning', terminate: 'Uppsägning' };
const entities: Readonly<Record<string, string>> = {
  disputes: 'Tvist',
  imports: 'Import',
  allocation_keys: 'Fördelningsnyckel',
  index_values: 'Indexvärde',
  parameter_values: 'Parametervärde',
  users: 'Användare',
  invoice_bases: 'Fakturaunderlag',
  billing_runs: 'Faktureringskörning',
  terminations: 'Uppsägning',
  development_funds: 'Utvecklingsmedel',
};

/** Verification status first, then the newest entries. */
export function AuditSection(): ReactNode {
  const verify = useApiQuery<Verification>('/audit/verify');
  const log = useApiQuery<{ entries: readonly AuditEntry[] }>('/audit');
  return (
    <>
      <Paragraph>
        Varje ändring av parametrar, index, nycklar, användare, underlag och fakturaunderlag loggas. Posterna är länkade med en hashkedja: om
        någon post ändras i efterhand bryts kedjan och verifieringen visar var.
      </Paragraph>
      <QueryView query={verify} label="verifieringen">
        {(v) =>
          v.ok ? (
            <Alert data-color="success" data-testid="audit-verification">
              Granskningsloggen är verifierad: {formatInteger(v.rows)} poster, obruten hashkedja till och med post {v.lastSeq}.
            </Alert>
          ) : (
            <Alert data-color="danger" role="alert" data-testid="audit-verification">
              Granskningsloggen är bruten vid post {v.seq}: {v.message} Kontakta
              systemförvaltningen: loggen kan ha ändrats utanför tjänsten.
            </Alert>
          )
        }
      </QueryView>
      <QueryView query={log} label="granskningsloggen">
        {({ entries }) => {
          return (
            <ScrollTable caption="Granskningslogg, senaste posterna">
              <thead>
                <tr>
                  <th scope="col" className="num">
                    Nr
                  </th>
                  <th scope="col">Tid</th>
                  <th scope="col">Vem</th>
                  <th scope="col">Händelse</th>
                  <th scope="col">Post</th>
                  <th scope="col">Hash</th>
                </tr>
              </thead>
              <tbody>
                {entries.map((e) => (
                  <tr key={e.seq}>
                    <td className="num">{e.seq}</td>
                    <td>{formatTimestamp(e.at)}</td>
                    <td>
                      <PersonName id={e.actor} name={e.actorName} /> <span className="muted">{e.actor}</span>
                    </td>
                    <td>{actions[e.action] ?? e.action}</td>
                    <td>
                      {entities[e.entity] ?? e.entity} <span className="muted">{e.entityId}</span>
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
