/**
 * Record a termination (uppsägning) of one document or of the whole agreement. PRINC.giltighet:
 * notice goes through the länsövergripande politisk samverkansarena at least 12 months before the
 * end of the period and is preceded by dialogue there; the service computes whether it is in time.
 */
import { useState, type SubmitEvent, type ReactNode } from 'react';
import { Alert, Button, Checkbox, Field, Label, Paragraph, Select, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useApiMutation } from '../../api/hooks.js';
import { errorField, userMessage } from '../../api/errors.js';
import { formatDateLong, isIsoDate, todayInSweden } from '../../format/dates.js';
import type { AgreementDocument } from './types.js';

interface TerminationResult {
  readonly document: string;
  readonly noticeDate: string;
  readonly finalEnd?: string;
  readonly inTime?: boolean;
  readonly message?: string;
}

/** What was terminated, by its Swedish name ("Ordinärt boende (ORD)"); the code alone only if the document is unknown. */
function terminatedName(id: string, documents: readonly AgreementDocument[]): string {
  if (id === 'ALL') return 'hela samverkansavtalet';
  const doc = documents.find((d) => d.id === id);
  return doc ? `${doc.title} (${doc.id})` : id;
}

type Errors = Partial<Record<'document' | 'noticeDate' | 'reference' | 'dialogue', string>>;

/** The form; shows the recorded result or the error tied to its field. */
export function TerminationForm({ documents }: { readonly documents: readonly AgreementDocument[] }): ReactNode {
  const [document, setDocument] = useState('');
  const [noticeDate, setNoticeDate] = useState(todayInSweden());
  const [reference, setReference] = useState('');
  const [dialogue, setDialogue] = useState(false);
  const [errors, setErrors] = useState<Errors>({});
  const mutation = useApiMutation<TerminationResult, { document: string; noticeDate: string; reference: string; dialogueHeld: boolean }>(
    (body) => ({ path: '/terminations', json: body }),
    ['/agreements', '/terminations', '/decisions'],
  );

  function submit(e: SubmitEvent): void {
    e.preventDefault();
    const found: Errors = {};
    if (document === '') found.document = 'Välj vilken överenskommelse som sägs upp, eller hela samverkansavtalet.';
    if (!isIsoDate(noticeDate)) found.noticeDate = 'Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2026-12-31.';
    if (reference.trim() === '') found.reference = 'Skriv beslutets paragraf eller diarienummer, till exempel SVOM § 12.';
    if (!dialogue) found.dialogue = 'En uppsägning ska föregås av dialog i länsövergripande politisk samverkansarena. Bekräfta att dialogen har förts.';
    setErrors(found);
    const first = Object.keys(found)[0];
    if (first) {
      window.document.getElementById(`term-${first}`)?.focus();
      return;
    }
    mutation.mutate({ document, noticeDate, reference: reference.trim(), dialogueHeld: dialogue });
  }

  const serverField = errorField(mutation.error);
  return (
    <form className="stack narrow" noValidate onSubmit={submit} aria-labelledby="termination-heading">
      <Field>
        <Label htmlFor="term-document">Vad sägs upp?</Label>
        <Select
          id="term-document"
          value={document}
          aria-invalid={errors.document ? true : undefined}
          aria-describedby={errors.document ? 'term-document-error' : undefined}
          onChange={(e) => {
            setDocument(e.target.value);
          }}
        >
          <Select.Option value="">Välj</Select.Option>
          <Select.Option value="ALL">Hela samverkansavtalet</Select.Option>
          {documents.map((d) => (
            <Select.Option key={d.id} value={d.id}>
              {d.shortTitle ?? d.title} ({d.id})
            </Select.Option>
          ))}
        </Select>
        {errors.document ? <ValidationMessage id="term-document-error">{errors.document}</ValidationMessage> : null}
      </Field>
      <Textfield
        id="term-noticeDate"
        label="Datum för uppsägningen"
        description="Dagen då uppsägningen beslutades i länsövergripande politisk samverkansarena (ÅÅÅÅ-MM-DD)."
        inputMode="numeric"
        value={noticeDate}
        error={errors.noticeDate ?? (serverField === 'noticeDate' ? userMessage(mutation.error) : undefined)}
        onChange={(e) => {
          setNoticeDate(e.target.value);
        }}
      />
      <Textfield
        id="term-reference"
        label="Beslutsreferens"
        description="Paragraf eller diarienummer, till exempel SVOM § 12."
        value={reference}
        error={errors.reference}
        onChange={(e) => {
          setReference(e.target.value);
        }}
      />
      <Checkbox
        id="term-dialogue"
        label="Dialog har förts i länsövergripande politisk samverkansarena före uppsägningen"
        checked={dialogue}
        error={errors.dialogue}
        onChange={(e) => {
          setDialogue(e.target.checked);
        }}
      />
      {mutation.isError && serverField !== 'noticeDate' ? (
        <Alert data-color="danger" role="alert">
          {userMessage(mutation.error)}
        </Alert>
      ) : null}
      {mutation.isSuccess ? (
        <Alert data-color="success" role="status">
          <Paragraph>
            Uppsägningen av {terminatedName(mutation.data.document, documents)} är registrerad
            {mutation.data.finalEnd ? ` och gäller till och med ${formatDateLong(mutation.data.finalEnd)}` : ''}.
            {mutation.data.inTime === false ? ' Observera: uppsägningen kom in efter sista dag för den pågående perioden.' : ''}
          </Paragraph>
        </Alert>
      ) : null}
      <div>
        <Button type="submit" disabled={mutation.isPending}>
          {mutation.isPending ? 'Registrerar…' : 'Registrera uppsägning'}
        </Button>
      </div>
    </form>
  );
}
