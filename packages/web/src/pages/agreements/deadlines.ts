/**
 * Deadlines that warn (issue 12): every notice deadline within 90 days and every document that
 * ends without renewal (GEMUTV 2027-12-31), with a countdown, grouped by date so seven documents
 * with the same deadline make one notice. Dates are calendar dates (ÅÅÅÅ-MM-DD); the day count is
 * exact because both are read as UTC midnights.
 */
import type { DocumentLifecycle } from './types.js';

/** How far ahead a notice deadline is shown. */
export const NOTICE_HORIZON_DAYS = 90;

/** One notice of the banner. */
export interface DeadlineNotice {
  readonly kind: 'notice' | 'expiry';
  readonly date: string;
  readonly days: number;
  /** The documents it concerns, as `ORD (Ordinärt boende)`. */
  readonly documents: readonly { readonly id: string; readonly title: string }[];
}

/** Days from `from` to `to` (both ÅÅÅÅ-MM-DD). */
export function daysBetween(from: string, to: string): number {
  const utc = (d: string): number => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)));
  return Math.round((utc(to) - utc(from)) / 86_400_000);
}

/** "i dag", "i morgon", "om 30 dagar". */
export function countdown(days: number): string {
  if (days === 0) return 'i dag';
  if (days === 1) return 'i morgon';
  return `om ${String(days)} dagar`;
}

/** The notices for `today`: notice deadlines within the horizon, then documents that end, by date. */
export function deadlineNotices(lifecycles: readonly DocumentLifecycle[], today: string): DeadlineNotice[] {
  const groups = new Map<string, DeadlineNotice & { documents: { id: string; title: string }[] }>();
  const add = (kind: DeadlineNotice['kind'], date: string, doc: DocumentLifecycle): void => {
    const key = `${kind}|${date}`;
    const g = groups.get(key) ?? { kind, date, days: daysBetween(today, date), documents: [] };
    g.documents.push({ id: doc.id, title: doc.title });
    groups.set(key, g);
  };
  for (const doc of lifecycles) {
    if (doc.status === 'expired' || doc.status === 'terminated') continue;
    const deadline = doc.noticeDeadline;
    if (doc.autoRenews && deadline !== null) {
      const days = daysBetween(today, deadline);
      if (days >= 0 && days <= NOTICE_HORIZON_DAYS) add('notice', deadline, doc);
    }
    if (!doc.autoRenews && daysBetween(today, doc.periodEnd) >= 0) add('expiry', doc.periodEnd, doc);
  }
  return [...groups.values()].sort((a, b) => a.date.localeCompare(b.date) || a.kind.localeCompare(b.kind));
}
