/**
 * One dispute: its escalation path with the current step marked, what has happened, and the
 * actions allowed now (escalate one step, propose or confirm a decision, record a forum's decision,
 * close). Each action is recorded in the audit log. A decision is taken by the forum of the current
 * step: one party's economist proposes, the other party's confirms, or the administrator records it
 * from the forum's minutes (decision 0071). A decision with a cost regulation names the paying
 * party; the other party invoices it in the billing flow "Kostnadsreglering efter tvist".
 */
import { useState, type ReactNode } from 'react';
import { Alert, Button, Heading, Link, Paragraph, Select, Tag, Textfield } from '@digdir/designsystemet-react';
import { useApiMutation, useApiQuery } from '../../api/hooks.js';
import { errorField, userMessage } from '../../api/errors.js';
import { partyName, useMunicipalities } from '../../api/municipalities.js';
import { useDocumentNames } from '../../api/documents.js';
import { can } from '../../auth/roles.js';
import { useSession } from '../../auth/session.js';
import { PageHeading } from '../../components/page-title.js';
import { QueryView } from '../../components/query-view.js';
import { SelectField } from '../../components/select-field.js';
import { PersonName } from '../../components/person-name.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { DisputeConfirmation, type DisputeActionPath } from './dispute-confirmation.js';
import { formatTimestamp } from '../../format/dates.js';
import { formatOre, parseKronorInput } from '../../format/money.js';
import { href } from '../../router.js';
import { actionName, levelName, statusName, type Dispute } from './types.js';

type Action = DisputeActionPath;

/** The detail view of dispute `id`. */
export function DisputeDetail({ id }: { readonly id: string }): ReactNode {
  const { user } = useSession();
  const documentName = useDocumentNames();
  const municipalities = useMunicipalities();
  const dispute = useApiQuery<{ dispute: Dispute }>(`/disputes/${encodeURIComponent(id)}`);
  const [note, setNote] = useState('');
  const [cost, setCost] = useState('');
  const [costError, setCostError] = useState<string | undefined>();
  const [payer, setPayer] = useState('');
  const [payerError, setPayerError] = useState<string | undefined>();
  const [noteError, setNoteError] = useState<string | undefined>();
  const [minutes, setMinutes] = useState('');
  const [minutesError, setMinutesError] = useState<string | undefined>();
  // An action validated and waiting for the confirmation dialog (close needs none).
  const [confirming, setConfirming] = useState<{ action: Action; body: Record<string, unknown> } | null>(null);
  const act = useApiMutation<{ dispute: Dispute }, { action: Action; body: Record<string, unknown> }>(
    ({ action, body }) => ({ path: `/disputes/${encodeURIComponent(id)}/${action}`, json: body }),
    ['/disputes'],
  );

  function run(action: Action): void {
    setNoteError(undefined);
    setCostError(undefined);
    setPayerError(undefined);
    setMinutesError(undefined);
    const deciding = action === 'decide' || action === 'proposals';
    if (deciding && note.trim() === '') {
      setNoteError('Skriv vad som ska beslutas.');
      document.getElementById('dispute-note')?.focus();
      return;
    }
    if (action === 'decide' && minutes.trim().length < 3) {
      setMinutesError('Ange forumets protokoll där beslutet fattades, till exempel "Lokal samverkansarena 2026-03-04 § 5".');
      document.getElementById('dispute-minutes')?.focus();
      return;
    }
    const body: Record<string, unknown> = deciding
      ? { outcome: note.trim() }
      : action.endsWith('/confirm') || note.trim() === ''
        ? {}
        : { note: note.trim() };
    if (action === 'decide') body['forumMinutes'] = minutes.trim();
    if (deciding && cost.trim() !== '') {
      const parsed = parseKronorInput(cost);
      if (!parsed.ok) {
        setCostError(parsed.message);
        document.getElementById('dispute-cost')?.focus();
        return;
      }
      if (payer === '') {
        setPayerError('Välj vilken part som betalar kostnadsregleringen.');
        document.getElementById('dispute-payer')?.focus();
        return;
      }
      body['costRegulationOre'] = parsed.ore;
      body['costRegulationPayer'] = payer;
    }
    if (action === 'close') perform({ action, body });
    else {
      act.reset();
      setConfirming({ action, body });
    }
  }

  function perform(vars: { action: Action; body: Record<string, unknown> }): void {
    act.mutate(vars, {
      onSuccess: () => {
        setNote('');
        setCost('');
        setPayer('');
        setMinutes('');
        setConfirming(null);
      },
    });
  }

  return (
    <QueryView query={dispute} label="tvisten">
      {({ dispute: d }) => {
        const steps = d.path;
        // The server says whether this user may act on the dispute; the role table is the fallback.
        const canChange = d.allowedActions === undefined ? can(user ?? undefined, 'disputes.change') : d.allowedActions.length > 0;
        const canPropose = can(user ?? undefined, 'disputes.propose');
        const canRecord = can(user ?? undefined, 'disputes.record-decision');
        // The party a signed-in economist speaks for: the region, or their municipality.
        const ownParty = user?.role === 'region_economist' ? 'region' : user?.role === 'municipality_economist' ? user.municipality : null;
        const pending = d.pendingDecision;
        const canConfirm =
          pending !== null && canPropose && ownParty === pending.awaitingParty && String(user?.id ?? '') !== pending.proposedBy;
        const atLastStep = d.currentStep.index >= steps.length - 1;
        const serverField = act.isError ? errorField(act.error) : undefined;
        const payerServerError =
          serverField === 'costRegulationPayer' || serverField === 'body.costRegulationPayer' ? userMessage(act.error) : undefined;
        return (
          <div className="stack">
            <PageHeading title={`Tvist ${documentName(d.document)}`}>Tvist: {d.subject}</PageHeading>
            <Paragraph>
              <Link href={href('/tvister')}>Tillbaka till alla tvister</Link>
            </Paragraph>
            <dl className="facts">
              <dt>Status</dt>
              <dd>
                <Tag data-color={d.status === 'open' ? 'warning' : d.status === 'decided' ? 'info' : 'success'}>{statusName(d.status)}</Tag>
              </dd>
              <dt>Överenskommelse och nivå</dt>
              <dd>
                {documentName(d.document)} ({d.document}), {levelName(d.level)}
              </dd>
              <dt>Parter</dt>
              <dd>
                {partyName(d.parties[0], municipalities)} och {partyName(d.parties[1], municipalities)}
              </dd>
              <dt>Öppnad</dt>
              <dd>{d.openedOn}</dd>
              {d.outcome ? (
                <>
                  <dt>Utfall</dt>
                  <dd>{d.outcome}</dd>
                </>
              ) : null}
              {d.decision ? (
                <>
                  <dt>Beslutat av</dt>
                  <dd>
                    {d.decision.forumName}
                    {d.decision.decidedOn ? ` ${d.decision.decidedOn}` : ''}
                    {d.decision.basis === 'parties'
                      ? ` – föreslaget av ${d.decision.proposedByParty ? partyName(d.decision.proposedByParty, municipalities) : 'en part'} och bekräftat av den andra parten (`
                      : ` – enligt protokoll: ${d.decision.forumMinutes ?? ''} (registrerat av `}
                    <PersonName id={d.decision.decidedBy} name={d.decision.decidedByName} />)
                  </dd>
                </>
              ) : null}
              {d.costRegulationOre !== null ? (
                <>
                  <dt>Kostnadsreglering</dt>
                  <dd>
                    {formatOre(d.costRegulationOre)}
                    {d.costRegulationPayer !== null && d.costRegulationPayee !== null
                      ? `, betalas av ${partyName(d.costRegulationPayer, municipalities)} till ${partyName(d.costRegulationPayee, municipalities)}`
                      : ''}
                  </dd>
                </>
              ) : null}
            </dl>

            <Heading level={2} data-size="sm">
              Eskaleringsväg ({d.clause})
            </Heading>
            <ol className="escalation">
              {steps.map((s, i) => (
                <li
                  key={`${s.forum}-${String(i)}`}
                  aria-current={i === d.currentStep.index && d.status === 'open' ? 'step' : undefined}
                  className={i === d.currentStep.index ? 'is-current' : undefined}
                >
                  <strong>{s.forumName}</strong>
                  {i === d.currentStep.index && d.status === 'open' ? ' – här ligger tvisten nu' : ''}
                  <br />
                  <span className="muted">{s.description}</span>
                </li>
              ))}
            </ol>
            {d.note ? <Paragraph data-size="sm">{d.note}</Paragraph> : null}

            <Heading level={2} data-size="sm">
              Händelser
            </Heading>
            <ul className="events">
              {d.history.map((e, i) => (
                <li key={`${e.at}-${String(i)}`}>
                  {formatTimestamp(e.at)}: {actionName(e.action)} ({steps[e.stepNo]?.forumName ?? e.forum}),{' '}
                  <PersonName id={e.actor} name={e.actorName} />
                  {e.note ? ` – ${e.note}` : ''}
                </li>
              ))}
            </ul>

            {pending !== null && d.status === 'open' ? (
              <section aria-labelledby="dispute-proposal" className="stack narrow">
                <Heading level={2} data-size="sm" id="dispute-proposal">
                  Förslag till beslut i {pending.forumName}
                </Heading>
                <Paragraph>{pending.outcome}</Paragraph>
                {pending.costRegulationOre !== null ? (
                  <Paragraph data-size="sm">
                    Kostnadsreglering {formatOre(pending.costRegulationOre)}
                    {pending.costRegulationPayer !== null && pending.costRegulationPayee !== null
                      ? `, betalas av ${partyName(pending.costRegulationPayer, municipalities)} till ${partyName(pending.costRegulationPayee, municipalities)}`
                      : ''}
                  </Paragraph>
                ) : null}
                <Paragraph data-size="sm">
                  Föreslaget av {partyName(pending.proposedByParty, municipalities)} (
                  <PersonName id={pending.proposedBy} name={pending.proposedByName} />) {formatTimestamp(pending.proposedAt)}. Väntar på
                  bekräftelse från en ekonom hos {partyName(pending.awaitingParty, municipalities)}.
                </Paragraph>
                {canConfirm ? (
                  <div className="row">
                    <Button
                      disabled={act.isPending}
                      aria-haspopup="dialog"
                      onClick={() => {
                        run(`proposals/${pending.id}/confirm`);
                      }}
                    >
                      Bekräfta beslutet…
                    </Button>
                  </div>
                ) : null}
              </section>
            ) : null}

            {d.readOnlyReason ? (
              <Alert data-color="info" data-testid="dispute-read-only">
                {d.readOnlyReason}
              </Alert>
            ) : null}
            {canChange && d.status !== 'closed' ? (
              <section aria-labelledby="dispute-actions" className="stack narrow">
                <Heading level={2} data-size="sm" id="dispute-actions">
                  Nästa steg
                </Heading>
                {d.status === 'open' ? (
                  <Paragraph data-size="sm">
                    Beslut i detta steg fattas av {d.currentStep.forumName}.{' '}
                    {canRecord
                      ? 'Registrera beslutet enligt forumets protokoll.'
                      : 'Ditt förslag blir ett beslut när en ekonom hos den andra parten har bekräftat det.'}
                  </Paragraph>
                ) : null}
                <Textfield
                  id="dispute-note"
                  label={d.status === 'open' ? 'Anteckning eller beslut' : 'Anteckning'}
                  description="Skriv vad som hänt eller beslutats, utan personuppgifter."
                  multiline
                  rows={3}
                  value={note}
                  error={noteError}
                  onChange={(e) => {
                    setNote(e.target.value);
                  }}
                />
                {d.status === 'open' ? (
                  <Textfield
                    id="dispute-cost"
                    label="Kostnadsreglering (kronor, valfritt)"
                    description={'Belopp som ska regleras mellan parterna i efterhand, till exempel 12\u00a0500,00.'}
                    inputMode="decimal"
                    value={cost}
                    error={costError}
                    onChange={(e) => {
                      setCost(e.target.value);
                    }}
                  />
                ) : null}
                {d.status === 'open' && canRecord ? (
                  <Textfield
                    id="dispute-minutes"
                    label="Forumets protokoll (krävs för beslut)"
                    description={`Var ${d.currentStep.forumName} fattade beslutet, till exempel datum och paragraf.`}
                    value={minutes}
                    error={minutesError}
                    onChange={(e) => {
                      setMinutes(e.target.value);
                    }}
                  />
                ) : null}
                {d.status === 'open' && cost.trim() !== '' ? (
                  <SelectField
                    id="dispute-payer"
                    label="Vem betalar?"
                    description="Den andra parten får beloppet och fakturerar det under Ekonomi, flödet Kostnadsreglering efter tvist."
                    value={payer}
                    error={payerError ?? payerServerError}
                    onChange={setPayer}
                  >
                    <Select.Option value="">Välj part</Select.Option>
                    {d.parties.map((p) => (
                      <Select.Option key={p} value={p}>
                        {partyName(p, municipalities)}
                      </Select.Option>
                    ))}
                  </SelectField>
                ) : null}
                {act.isError && payerServerError === undefined && confirming === null ? (
                  <Alert data-color="danger" role="alert">
                    {userMessage(act.error)}
                  </Alert>
                ) : null}
                <div className="row">
                  {d.status === 'open' && !atLastStep ? (
                    <Button
                      variant="secondary"
                      disabled={act.isPending}
                      aria-haspopup="dialog"
                      onClick={() => {
                        run('escalate');
                      }}
                    >
                      Eskalera till {steps[d.currentStep.index + 1]?.forumName ?? 'nästa steg'}…
                    </Button>
                  ) : null}
                  {d.status === 'open' && canPropose ? (
                    <Button
                      disabled={act.isPending}
                      aria-haspopup="dialog"
                      onClick={() => {
                        run('proposals');
                      }}
                    >
                      Föreslå beslut…
                    </Button>
                  ) : null}
                  {d.status === 'open' && canRecord ? (
                    <Button
                      disabled={act.isPending}
                      aria-haspopup="dialog"
                      onClick={() => {
                        run('decide');
                      }}
                    >
                      Registrera forumets beslut…
                    </Button>
                  ) : null}
                  <Button
                    variant="tertiary"
                    disabled={act.isPending}
                    onClick={() => {
                      run('close');
                    }}
                  >
                    Avsluta tvisten
                  </Button>
                </div>
              </section>
            ) : null}
            <DisputeConfirmation
              dispute={d}
              confirming={confirming}
              pending={act.isPending}
              error={act.isError && confirming !== null ? <ErrorAlert error={act.error} /> : null}
              party={(code) => partyName(code, municipalities)}
              onCancel={() => {
                setConfirming(null);
              }}
              onConfirm={perform}
            />
          </div>
        );
      }}
    </QueryView>
  );
}
