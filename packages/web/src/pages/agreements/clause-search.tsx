/** Search the agreement's clauses (`GET /clauses?q=`), as you type. */
import { useDeferredValue, useState, type ReactNode } from 'react';
import { Paragraph, Tag, Textfield } from '@digdir/designsystemet-react';
import { query } from '../../api/client.js';
import { useApiQuery } from '../../api/hooks.js';
import { QueryView } from '../../components/query-view.js';
import type { Clause } from './types.js';

const LIMIT = 8;

/** The search field and the matching clauses with their quotes. */
export function ClauseSearch(): ReactNode {
  const [text, setText] = useState('');
  const q = useDeferredValue(text.trim());
  const result = useApiQuery<{ clauses: readonly Clause[] }>(`/clauses${query({ q })}`, { keepPrevious: true });
  return (
    <div className="stack">
      <Textfield
        id="clause-search"
        label="Sök i klausulerna"
        description="Sök på ord i rubrik eller citat, till exempel uppsägning, tvist eller Storsjögläntan."
        type="search"
        value={text}
        onChange={(e) => {
          setText(e.target.value);
        }}
      />
      <QueryView query={result} label="klausuler">
        {({ clauses }) => {
          return (
            <>
              <Paragraph role="status" data-size="sm">
                {clauses.length === 0
                  ? 'Inga klausuler matchar sökningen. Prova ett annat ord.'
                  : clauses.length > LIMIT
                    ? `${String(clauses.length)} klausuler. De ${String(LIMIT)} första visas – skriv fler ord för att hitta rätt.`
                    : `${String(clauses.length)} ${clauses.length === 1 ? 'klausul' : 'klausuler'}.`}
              </Paragraph>
              <ul className="clause-list">
                {clauses.slice(0, LIMIT).map((c) => (
                  <li key={c.id}>
                    <Tag data-color="neutral">{c.id}</Tag> <strong>{c.heading}</strong>
                    <blockquote lang="sv">”{c.quote}”</blockquote>
                  </li>
                ))}
              </ul>
            </>
          );
        }}
      </QueryView>
    </div>
  );
}
