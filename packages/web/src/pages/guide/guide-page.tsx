/**
 * Ansvarsguide (no sign-in): a step-by-step form that asks only what the answer still depends on,
 * with the answer card beside it. The answers live in the URL query, so the page can be shared and
 * printed; they are the flat, non-personal inputs of `POST /api/v1/assess`.
 */
import { useCallback, type ReactNode } from 'react';
import { Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useApiCalculation, useApiQuery } from '../../api/hooks.js';
import { useMunicipalities } from '../../api/municipalities.js';
import { PageHeading } from '../../components/page-title.js';
import { replaceQuery } from '../../router.js';
import type { PageProps } from '../../routes.js';
import { AnswerJump } from './answer-jump.js';
import { AnswerPanel } from './answer-panel.js';
import { toAssessInput, type AssessResult } from './assess.js';
import { GuideQuestions, type CfsScale } from './guide-questions.js';
import { InputSummary } from './input-summary.js';
import { stateFromQuery, stateToQuery, type GuideState } from './guide-state.js';
import './guide.css';

/** The guide page. */
export default function GuidePage({ location }: PageProps): ReactNode {
  const municipalities = useMunicipalities();
  const state = stateFromQuery(location.query);
  const input = toAssessInput(state);
  const answer = useApiCalculation<AssessResult>('/assess?explain=true', input ?? null, input !== undefined);
  // Fetch the CFS scale early, so the frailty question is ready the moment it is asked.
  useApiQuery<CfsScale>('/responsibility/cfs', { staleTime: Infinity });
  const update = useCallback((patch: Partial<GuideState>) => {
    // Read the latest answers from the URL (not this render's copy) so quick successive answers all count.
    const current = stateFromQuery(new URLSearchParams(window.location.hash.split('?')[1] ?? ''));
    replaceQuery(stateToQuery({ ...current, ...patch }));
  }, []);
  return (
    <div className="guide">
      <PageHeading title="Ansvarsguide">Ansvarsguide</PageHeading>
      <Paragraph className="no-print" data-size="sm">
        Vem har hälso- och sjukvårdsansvaret, vem förskriver och betalar produkterna, och vad ska lämnas över? Guiden frågar bara det som
        svaret beror på. Skriv inga namn eller personnummer: länken till svaret innehåller bara svarsalternativen.
      </Paragraph>
      <InputSummary state={state} municipalities={municipalities} />
      <div className="guide-layout">
        <section aria-labelledby="guide-questions-heading" className="guide-form no-print">
          <Heading level={2} data-size="sm" id="guide-questions-heading">
            Frågor
          </Heading>
          <GuideQuestions state={state} missing={answer.data?.missing ?? []} municipalities={municipalities} update={update} />
          <div className="row guide-actions">
            <Button
              variant="tertiary"
              onClick={() => {
                replaceQuery(new URLSearchParams());
                document.getElementById('q-registeredMunicipality')?.focus();
              }}
            >
              Börja om
            </Button>
          </div>
          {input === undefined ? null : <AnswerJump answer={answer.data} />}
        </section>
        <AnswerPanel input={input} answer={answer} />
      </div>
    </div>
  );
}
