/**
 * A tiny hash router (no dependency, keeps the guide's first load small). Routes live after `#`,
 * e.g. `#/ansvarsguide?housing=ordinart`, so the server needs no fallback route and a shared
 * guide link carries its (non-personal) answers in the query.
 */
import { useSyncExternalStore } from 'react';

/** The current location inside the app. */
export interface Location {
  /** Path without the leading `#`, always starting with `/`. */
  readonly path: string;
  /** Path segments, e.g. `['ekonomi', 'fakturaunderlag', '12']`. */
  readonly segments: readonly string[];
  readonly query: URLSearchParams;
}

const CHANGE = 'samverkan:navigate';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  window.addEventListener(CHANGE, onChange);
  return () => {
    window.removeEventListener('hashchange', onChange);
    window.removeEventListener(CHANGE, onChange);
  };
}

const snapshot = (): string => window.location.hash;

/** Parse a hash (`#/a/b?x=1`) into a location. */
export function parseHash(hash: string): Location {
  const raw = hash.replace(/^#/, '');
  const [pathPart = '', queryPart = ''] = raw.split('?', 2);
  const path = pathPart.startsWith('/') ? pathPart : `/${pathPart}`;
  const segments = path
    .split('/')
    .filter((s) => s !== '')
    .map((s) => decodeURIComponent(s));
  return { path, segments, query: new URLSearchParams(queryPart) };
}

/** The current location; re-renders on navigation. */
export function useLocation(): Location {
  const hash = useSyncExternalStore(subscribe, snapshot, () => '');
  return parseHash(hash);
}

/** The href for an app path, for `<a href>`. */
export function href(path: string, query?: URLSearchParams): string {
  const q = query?.toString() ?? '';
  return `#${path}${q ? `?${q}` : ''}`;
}

/** Go to an app path (adds a history entry). */
export function navigate(path: string, query?: URLSearchParams): void {
  window.location.hash = href(path, query).slice(1);
}

/**
 * Replace the query of the current route without adding a history entry (used for form state
 * that lives in the URL, so Back leaves the page instead of undoing every keystroke).
 */
export function replaceQuery(query: URLSearchParams): void {
  const { path } = parseHash(window.location.hash);
  window.history.replaceState(window.history.state, '', href(path, query));
  window.dispatchEvent(new Event(CHANGE));
}
