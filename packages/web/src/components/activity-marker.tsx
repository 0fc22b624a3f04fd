/**
 * Marks the document with how many queries and mutations are in flight (`<html data-requests="2">`).
 * Nothing shows it: it lets the browser tests wait until every answer a page asked for has arrived
 * and been rendered before they click. Without it a late answer (a document's name replacing its
 * code, say) could move the layout between Playwright's hit check and its click, so the click
 * landed on another element (a CI run failed that way, December 2026).
 */
import { useEffect } from 'react';
import { useIsFetching, useIsMutating } from '@tanstack/react-query';

/** Renders nothing; keeps `data-requests` on the root element current. */
export function ActivityMarker(): null {
  const inFlight = useIsFetching() + useIsMutating();
  useEffect(() => {
    document.documentElement.dataset['requests'] = String(inFlight);
  }, [inFlight]);
  return null;
}
