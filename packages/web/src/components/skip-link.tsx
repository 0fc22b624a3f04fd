/** "Hoppa till huvudinnehållet": the first focusable element (WCAG 2.4.1). */
import type { MouseEvent, ReactNode } from 'react';

function jump(e: MouseEvent<HTMLAnchorElement>): void {
  // The app routes on the hash, so the link moves focus itself instead of changing the hash.
  e.preventDefault();
  const main = document.getElementById('main');
  main?.focus();
  main?.scrollIntoView();
}

/** The skip link, visible when focused. */
export function SkipLink(): ReactNode {
  return (
    <a className="skip-link" href="#main" onClick={jump}>
      Hoppa till huvudinnehållet
    </a>
  );
}
