/** Open a dispute: document, level, parties, subject (never personal data about a patient). */
import { useState, type SubmitEvent, type ReactNode } from 'react';
import { Alert, Button, Select, Textfield } from '@digdir/designsystemet-react';
import { useApiMutation } from '../../api/hooks.js';
import { userMessage } from '../../api/errors.js';
import { partyName, type Municipality } from '../../api/municipalities.js';
import { useDocumentNames } from '../../api/documents.js';
import { SelectField } from '../../components/select-field.js';
import { isIsoDate, todayInSweden } from '../../format/dates.js';
import { navigate } from '../../router.js';
import { levelName, type Dispute } from './types.js';

const DOCUMENTS = ['ORD', 'SABO', 'SYNHOR', 'PALL', 'MT', 'TILL'] as const;
const LEVELS: Readonly<Record<(typeof DOCUMENTS)[number], readonly string[]>> = {
  ORD: ['individ', 'organisation'],
  SABO: ['individ', 'organisation'],
  SYNHOR: ['individ', 'organisation'],
  PALL: ['individ', 'organisation'],
  MT: ['organisation'],
  TILL: ['utforande', 'storlek-fordelning'],
};

type Key = 'document' | 'level' | 'partyA' | 'partyB' | 'subject' | 'openedOn';

/** The form for a new dispute; goes to the new record when saved. */
export function NewDisputeForm({ municipalities }: { readonly municipalities: readonly Municipality[] }): ReactNode {
  const [v, setV] = useState<Record<Key, string>>({
    document: '',
    level: '',
    partyA: '',
    partyB: '',
    subject: '',
    openedOn: todayInSweden(),
  });
  const [errors, setErrors] = useState<Partial<Record<Key, string>>>({});
  const documentName = useDocumentNames();
  const create = useApiMutation<
    { dispute: Dispute },
    { document: string; level: string; subject: string; parties: [string, string]; openedOn: string }
  >((body) => ({ path: '/disputes', json: body }), ['/disputes']);
  const set = (k: Key) => (value: string) => {
    setV((old) => ({ ...old, [k]: value, ...(k === 'document' ? { level: '' } : {}) }));
  };
  const parties = ['region', ...municipalities.map((m) => m.code)];
  const levels = DOCUMENTS.find((d) => d === v.document) ? LEVELS[v.document as (typeof DOCUMENTS)[number]] : [];

  function submit(e: SubmitEvent): void {
    e.preventDefault();
    const found: Partial<Record<Key, string>> = {};
    if (v.document === '') found.document = 'Välj vilken överenskommelse tvisten gäller.';
    if (v.level === '') found.level = 'Välj nivå för tvisten.';
    if (v.partyA === '') found.partyA = 'Välj den första parten.';
    if (v.partyB === '') found.partyB = 'Välj den andra parten.';
    else if (v.partyB === v.partyA) found.partyB = 'Välj en annan part än den första – en tvist har två olika parter.';
    if (v.subject.trim().length < 5) found.subject = 'Beskriv kort vad tvisten gäller, utan personuppgifter (minst 5 tecken).';
    if (!isIsoDate(v.openedOn)) found.openedOn = 'Skriv datumet som ÅÅÅÅ-MM-DD.';
    setErrors(found);
    const first = Object.keys(found)[0];
    if (first) {
      document.getElementById(`dispute-${first}`)?.focus();
      return;
    }
    create.mutate(
      { document: v.document, level: v.level, subject: v.subject.trim(), parties: [v.partyA, v.partyB], openedOn: v.openedOn },
      {
        onSuccess: ({ dispute }) => {
          navigate(`/tvister/${dispute.id}`);
        },
      },
    );
  }

  return (
    <form className="stack narrow" noValidate onSubmit={submit}>
      <SelectField id="dispute-document" label="Överenskommelse" value={v.document} error={errors.document} onChange={set('document')}>
        <Select.Option value="">Välj</Select.Option>
        {DOCUMENTS.map((d) => (
          <Select.Option key={d} value={d}>
            {documentName(d)}
          </Select.Option>
        ))}
      </SelectField>
      <SelectField id="dispute-level" label="Nivå" value={v.level} error={errors.level} onChange={set('level')}>
        <Select.Option value="">{v.document === '' ? 'Välj överenskommelse först' : 'Välj'}</Select.Option>
        {levels.map((l) => (
          <Select.Option key={l} value={l}>
            {levelName(l)}
          </Select.Option>
        ))}
      </SelectField>
      <SelectField id="dispute-partyA" label="Part 1" value={v.partyA} error={errors.partyA} onChange={set('partyA')}>
        <Select.Option value="">Välj</Select.Option>
        {parties.map((p) => (
          <Select.Option key={p} value={p}>
            {partyName(p, municipalities)}
          </Select.Option>
        ))}
      </SelectField>
      <SelectField id="dispute-partyB" label="Part 2" value={v.partyB} error={errors.partyB} onChange={set('partyB')}>
        <Select.Option value="">Välj</Select.Option>
        {parties.map((p) => (
          <Select.Option key={p} value={p}>
            {partyName(p, municipalities)}
          </Select.Option>
        ))}
      </SelectField>
      <Textfield
        id="dispute-subject"
        label="Vad gäller tvisten?"
        description="Skriv inga namn eller personnummer – beskriv frågan, till exempel ”Vem ansvarar för sjukvårdsmaterial efter utskrivning”."
        multiline
        rows={3}
        value={v.subject}
        error={errors.subject}
        onChange={(e) => {
          set('subject')(e.target.value);
        }}
      />
      <Textfield
        id="dispute-openedOn"
        label="Öppnad datum"
        description="ÅÅÅÅ-MM-DD"
        inputMode="numeric"
        value={v.openedOn}
        error={errors.openedOn}
        onChange={(e) => {
          set('openedOn')(e.target.value);
        }}
      />
      {create.isError ? (
        <Alert data-color="danger" role="alert">
          {userMessage(create.error)}
        </Alert>
      ) : null}
      <div>
        <Button type="submit" disabled={create.isPending}>
          {create.isPending ? 'Sparar…' : 'Öppna tvist'}
        </Button>
      </div>
    </form>
  );
}
