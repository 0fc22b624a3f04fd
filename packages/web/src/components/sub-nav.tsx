/** The sub-navigation of a section (Ekonomi, Administration); only entries the role may see. */
import type { ReactNode } from 'react';
import { href } from '../router.js';

/** A labelled list of links; the current one is marked with aria-current. */
export function SubNav({
  label,
  items,
  current,
}: {
  readonly label: string;
  readonly items: readonly { path: string; title: string }[];
  readonly current: string;
}): ReactNode {
  return (
    <nav aria-label={label} className="sub-nav no-print">
      <ul>
        {items.map((i) => (
          <li key={i.path}>
            <a href={href(i.path)} aria-current={i.path === current ? 'page' : undefined}>
              {i.title}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
