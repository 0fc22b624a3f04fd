/**
 * A Designsystemet table inside a focusable, labelled scroll region, so wide tables scroll
 * sideways on a phone without breaking the page and can be scrolled with the keyboard
 * (WCAG 1.4.10 Reflow, 2.1.1 Keyboard).
 */
import type { ReactNode } from 'react';
import { Table } from '@digdir/designsystemet-react';

/** The table; `caption` names it for screen readers and the scroll region. */
export function ScrollTable({
  caption,
  children,
  captionHidden = false,
}: {
  readonly caption: string;
  readonly children: ReactNode;
  readonly captionHidden?: boolean;
}): ReactNode {
  return (
    <div className="table-scroll" role="region" aria-label={caption} tabIndex={0}>
      <Table zebra border data-size="sm">
        <caption className={captionHidden ? 'visually-hidden' : 'table-caption'}>{caption}</caption>
        {children}
      </Table>
    </div>
  );
}
