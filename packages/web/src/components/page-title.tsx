/**
 * Page titles and focus after navigation: each page sets `document.title`, and when the path
 * changes the new page's h1 takes focus so that screen-reader and keyboard users start at the top
 * of the new content (WCAG 2.4.2, 2.4.3).
 */
import { useEffect, useRef, type ReactNode } from 'react';
import { Heading } from '@digdir/designsystemet-react';

let focusOnNextHeading = false;

/** Called by the app when the path changes (not on first load). */
export function requestHeadingFocus(): void {
  focusOnNextHeading = true;
}

/** Set the document title to "<title> – Samverkan". */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} – Samverkan`;
  }, [title]);
}

/** The page's h1; sets the title and takes focus after navigation. */
export function PageHeading({ children, title }: { readonly children: ReactNode; readonly title: string }): ReactNode {
  usePageTitle(title);
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusOnNextHeading) {
      focusOnNextHeading = false;
      ref.current?.focus();
    }
  }, []);
  return (
    <Heading ref={ref} level={1} data-size="lg" tabIndex={-1} className="page-heading">
      {children}
    </Heading>
  );
}
