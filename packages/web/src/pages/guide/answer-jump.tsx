/**
 * On a phone the answer comes after every question (the layout is one column), several screens
 * down. This compact bar sticks to the bottom of the question column and says who is responsible
 * so far, with a "Till svaret" link that moves focus to the answer. From 62rem the answer stands
 * beside the questions and the bar is hidden (guide.css).
 */
import type { MouseEvent, ReactNode } from 'react';
import type { AssessResult } from './assess.js';
import { partyText } from './answer-text.js';

function jump(e: MouseEvent<HTMLAnchorElement>): void {
  // The app routes on the hash, so the link moves focus itself instead of changing the hash.
  e.preventDefault();
  const heading = document.getElementById('answer-heading');
  heading?.focus();
  heading?.scrollIntoView({ block: 'start' });
}

/** The sticky answer summary with the jump link. */
export function AnswerJump({ answer }: { readonly answer: AssessResult | undefined }): ReactNode {
  const care = answer?.careResponsibility;
  const products = answer?.products.length ?? 0;
  return (
    <div className="answer-jump no-print" data-testid="answer-jump">
      <p className="answer-jump-text" aria-live="polite">
        {care === undefined ? (
          'Svaret visas när du har svarat på de första frågorna.'
        ) : (
          <>
            <span className="answer-jump-label">Ansvarar: </span>
            <strong>{partyText(care.party, care.municipality, care.unit)}</strong>
            {products > 0 ? ` · ${String(products)} ${products === 1 ? 'produkt' : 'produkter'}` : ''}
          </>
        )}
      </p>
      <a href="#answer-heading" onClick={jump} className="answer-jump-link">
        Till svaret
      </a>
    </div>
  );
}
