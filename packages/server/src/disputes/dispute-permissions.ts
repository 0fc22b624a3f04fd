/**
 * What the signed-in user may do with one dispute now, and — for a role that only reads — why
 * not, so the web app shows the reason instead of re-implementing the policy. The routes and
 * dispute-decisions.ts enforce the same rules (roles.ts; decision 0071).
 */
import type { Agreement } from '@samverkan/core';
import { can, roleLabels } from '../auth/roles.js';
import type { SessionUser } from '../auth/session-user.js';
import type { DisputeView } from './dispute-view.js';

/** The changes a dispute can undergo. */
export const disputeActions = ['escalate', 'close', 'propose', 'confirm', 'decide'] as const;
export type DisputeAction = (typeof disputeActions)[number];

/** The answer beside a dispute view. */
export interface DisputePermissions {
  readonly allowedActions: readonly DisputeAction[];
  /** Why the user can only read this dispute (their role), or null when they may act on it. */
  readonly readOnlyReason: string | null;
}

/** The party a user speaks for as an economist (the region, or their municipality), or null. */
function ownParty(agreement: Agreement, user: SessionUser): string | null {
  if (user.role === 'region_economist') return agreement.meta.region.id;
  if (user.role === 'municipality_economist') return user.municipality;
  return null;
}

/** What `user` may do with `d` now. */
export function disputePermissions(
  agreement: Agreement,
  user: SessionUser,
  d: Pick<DisputeView, 'status' | 'parties' | 'currentStep' | 'path' | 'pendingDecision'>,
): DisputePermissions {
  if (!can(user.role, 'disputes:change')) {
    return {
      allowedActions: [],
      readOnlyReason: `Som ${roleLabels[user.role]} kan du läsa tvister men inte ändra dem. Parternas ekonomer och administratören registrerar, eskalerar och avslutar tvister.`,
    };
  }
  if (d.status === 'closed') return { allowedActions: [], readOnlyReason: null };
  const allowed: DisputeAction[] = [];
  if (d.currentStep.index < d.path.length - 1) allowed.push('escalate');
  allowed.push('close');
  const party = ownParty(agreement, user);
  if (d.status === 'open') {
    if (party !== null && d.parties.includes(party)) allowed.push('propose');
    const pending = d.pendingDecision;
    if (pending !== null && party === pending.awaitingParty && pending.proposedBy !== user.id) allowed.push('confirm');
    if (can(user.role, 'disputes:record-decision')) allowed.push('decide');
  }
  return { allowedActions: allowed, readOnlyReason: null };
}

/** The view with `allowedActions` and `readOnlyReason` beside it. */
export function withDisputePermissions<T extends Pick<DisputeView, 'status' | 'parties' | 'currentStep' | 'path' | 'pendingDecision'>>(
  agreement: Agreement,
  user: SessionUser,
  d: T,
): T & DisputePermissions {
  return { ...d, ...disputePermissions(agreement, user, d) };
}
