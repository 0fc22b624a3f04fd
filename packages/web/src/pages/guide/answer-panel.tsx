/**
 * The answer card: who is responsible (and which municipality), why in plain Swedish, each
 * criterion met or not, the clauses quoted, physician, who performs and whether it is billed,
 * products, what to hand over and what always holds. Printable, and shareable through the URL.
 */
import { useState, type ReactNode } from 'react';
import { Alert, Button, Card, Details, Heading, Paragraph, Spinner, Tag } from '@digdir/designsystemet-react';
import type { UseQueryResult } from '@tanstack/react-query';
import { ErrorAlert } from '../../components/error-alert.js';
import type { AssessInput, AssessResult, ClauseRef } from './assess.js';
import { billingText, capitalise, missingText, partyText, rateText } from './answer-text.js';

function Copy(): ReactNode {
  const [message, setMessage] = useState('');
  return (
    <>
      <Button
        variant="secondary"
        data-size="sm"
        onClick={() => {
          navigator.clipboard.writeText(window.location.href).then(
            () => {
              setMessage('Länken är kopierad. Den innehåller bara svarsalternativen, inga personuppgifter.');
            },
            () => {
              setMessage('Länken kunde inte kopieras automatiskt. Markera adressfältet och kopiera den därifrån.');
            },
          );
        }}
      >
        Kopiera länk till svaret
      </Button>
      <span role="status" className="muted">
        {message}
      </span>
    </>
  );
}

function Quotes({ clauses }: { readonly clauses: readonly ClauseRef[] }): ReactNode {
  return (
    <>
      {clauses.map((c) => (
        <blockquote key={c.id} className="clause-quote">
          <p>”{c.quote}”</p>
          <footer>
            {c.documentTitle}, {c.heading} <span className="clause-id">({c.id})</span>
          </footer>
        </blockquote>
      ))}
    </>
  );
}

/** The answer panel for the current inputs. */
export function AnswerPanel({
  input,
  answer,
}: {
  readonly input: AssessInput | undefined;
  readonly answer: UseQueryResult<AssessResult>;
}): ReactNode {
  const key = input ? JSON.stringify(input) : '';
  const current = answer.data !== undefined && !answer.isPlaceholderData && !answer.isFetching;
  return (
    <section aria-labelledby="answer-heading" className="guide-answer" aria-busy={answer.isFetching}>
      <Card data-color="neutral" className="answer-card" data-answer-for={current ? key : ''} data-testid="answer-card">
        <Heading level={2} data-size="sm" id="answer-heading" tabIndex={-1}>
          Svar
        </Heading>
        {input === undefined ? (
          <Paragraph>Svaret visas här när du har svarat på var personen är folkbokförd och hur personen bor.</Paragraph>
        ) : null}
        {input !== undefined && answer.isError ? <ErrorAlert error={answer.error} /> : null}
        {input !== undefined && answer.isPending ? <Spinner aria-label="Hämtar svaret…" /> : null}
        {input !== undefined && answer.data ? <AnswerBody r={answer.data} /> : null}
        {input !== undefined && answer.data ? (
          <div className="row no-print answer-actions">
            <Button
              variant="secondary"
              data-size="sm"
              onClick={() => {
                window.print();
              }}
            >
              Skriv ut
            </Button>
            <Copy />
          </div>
        ) : null}
      </Card>
    </section>
  );
}

function AnswerBody({ r }: { readonly r: AssessResult }): ReactNode {
  const care = r.careResponsibility;
  const who = partyText(care.party, care.municipality, care.unit);
  return (
    <div className="answer-body">
      <p className="answer-responsible" data-testid="answer-responsible" data-party={care.party} data-rule={care.rule}>
        <span className="answer-label">Hälso- och sjukvårdsansvar upp till läkarnivå</span>
        <strong>{who}</strong>
      </p>
      {care.party === 'undecided' ? (
        <Alert data-color="warning">
          Svaret går inte att avgöra ännu, eftersom {care.reason}. Ta reda på {care.missing.map(missingText).join(', ') || 'det som saknas'}{' '}
          och svara på frågan.
        </Alert>
      ) : (
        <Paragraph data-testid="answer-why">
          <strong>Varför: </strong>
          {who} ansvarar eftersom {care.reason}.
        </Paragraph>
      )}
      {care.notes.length > 0 ? (
        <ul>
          {care.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      ) : null}

      {r.criteria.length > 0 ? (
        <>
          <Heading level={3} data-size="2xs">
            Kriterierna för kommunens ansvar i ordinärt boende
          </Heading>
          <ul className="criteria" data-testid="answer-criteria">
            {r.criteria.map((c) => (
              <li key={c.id} data-status={c.status}>
                <Tag data-color={c.status === 'met' ? 'success' : c.status === 'not_met' ? 'danger' : 'neutral'} data-size="sm">
                  {c.status === 'met' ? 'Uppfyllt' : c.status === 'not_met' ? 'Inte uppfyllt' : 'Okänt'}
                </Tag>{' '}
                {c.number}. {c.title}
              </li>
            ))}
          </ul>
        </>
      ) : null}

      {care.clauses.length > 0 ? (
        <>
          <Heading level={3} data-size="2xs">
            Ur avtalet
          </Heading>
          <Quotes clauses={care.clauses} />
        </>
      ) : null}

      <Heading level={3} data-size="2xs">
        Läkare
      </Heading>
      <Paragraph>
        {r.physician.party === 'undecided'
          ? `Regionen ansvarar alltid för läkarmedverkan. Vilken läkarkontakt som gäller beror på ${r.physician.missing.map(missingText).join(', ')}.`
          : `${partyText(r.physician.party, r.physician.municipality, r.physician.unit)} ansvarar för läkarmedverkan eftersom ${r.physician.reason}.`}
        {r.physician.fixedPhysicianContact ? ` Fast läkarkontakt: ${r.physician.fixedPhysicianContact}.` : ''}
      </Paragraph>

      <Heading level={3} data-size="2xs">
        Vem utför, och faktureras det?
      </Heading>
      <Paragraph data-testid="answer-performing">
        {r.performing.performer === 'undecided'
          ? `Det beror på ${r.performing.missing.map(missingText).join(', ') || 'uppgifter som saknas'}.`
          : `${capitalise(r.performing.reason)}. ${billingText(r)}`}
      </Paragraph>

      {r.products.length > 0 ? (
        <>
          <Heading level={3} data-size="2xs">
            Produkter
          </Heading>
          {r.products.map((p) => (
            <div key={p.index} data-testid="answer-product" data-party={p.party} data-rule={p.rule}>
              <Paragraph>
                <strong>{capitalise(p.label ?? p.kindLabel)}: </strong>
                {p.party === 'undecided'
                  ? `Vem som förskriver, följer upp och betalar beror på ${p.missing.map(missingText).join(', ')}.`
                  : `${partyText(p.party, p.municipality, p.unit)} förskriver, följer upp och betalar, eftersom ${p.reason}.`}
                {p.via ? ` Det följer hälso- och sjukvårdsansvaret (${p.via}).` : ''}
              </Paragraph>
              {p.party === 'undecided' ? null : <Quotes clauses={p.clauses.slice(0, 1)} />}
            </div>
          ))}
        </>
      ) : null}

      {r.visionHearing.billable !== null ? (
        <>
          <Heading level={3} data-size="2xs">
            Syn- och hörselombud
          </Heading>
          <Paragraph>
            {r.visionHearing.billable
              ? `Ombudets uppdrag för personen kan faktureras regionen${r.visionHearing.rate ? ` med ${rateText(r.visionHearing.rate)}` : ''}.`
              : 'Ombudets insatser för personen faktureras inte.'}
          </Paragraph>
        </>
      ) : null}

      {r.handover.length > 0 ? (
        <>
          <Heading level={3} data-size="2xs">
            Att lämna över
          </Heading>
          <ul data-testid="answer-handover">
            {r.handover.map((h) => (
              <li key={h.id}>
                <strong>{h.routine}:</strong> {h.text}
              </li>
            ))}
          </ul>
        </>
      ) : null}

      <Heading level={3} data-size="2xs">
        Gäller alltid
      </Heading>
      <ul>
        {r.duties.map((d) => (
          <li key={d.id}>{d.text}</li>
        ))}
      </ul>

      {r.explanation ? (
        <Details className="no-print">
          <Details.Summary>Hela svaret som löptext</Details.Summary>
          <Details.Content>
            {r.explanation.split('\n\n').map((p) => (
              <Paragraph key={p} data-size="sm">
                {p}
              </Paragraph>
            ))}
          </Details.Content>
        </Details>
      ) : null}
      <Paragraph data-size="sm" className="muted">
        Regel {care.rule}. Bygger på {r.agreement.id} version {r.agreement.version} och gäller {r.date}. Kommunen och regionen omfattar även
        de privata vårdgivare var och en har avtal med.
      </Paragraph>
    </div>
  );
}
