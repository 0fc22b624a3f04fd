/**
 * What the signed-in user may do with one invoice basis now, with the reason for each action
 * they may not take. The web app shows the answer (a disabled button with the reason) instead of
 * re-implementing the policy; `requireSellerSide` (basis-actions.ts) enforces the same rule.
 */
import type { Agreement } from '@samverkan/core';
import { can, roleLabels } from '../auth/roles.js';
import type { SessionUser } from '../auth/session-user.js';
import { partyName, type InvoiceBasisView } from './basis-view.js';

/** The changes a basis can undergo. */
export const basisActions = ['edit', 'approve', 'send', 'credit'] as const;
export type BasisAction = (typeof basisActions)[number];

/** An action the basis's state offers but the user may not take, and why (Swedish, for the UI). */
export interface DeniedBasisAction {
  readonly action: BasisAction;
  readonly reason: string;
}

/** The answer beside a basis view. */
export interface BasisPermissions {
  readonly allowedActions: readonly BasisAction[];
  readonly deniedActions: readonly DeniedBasisAction[];
}

const verbs: Readonly<Record<BasisAction, string>> = {
  edit: 'ändra',
  approve: 'godkänna',
  send: 'markera underlaget som skickat',
  credit: 'kreditera',
};

/** True when `user` decides for the seller `sellerCode` (admin, or an economist of the seller's side). */
export function decidesForSeller(agreement: Agreement, user: SessionUser, sellerCode: string): boolean {
  if (!can(user.role, 'invoices:decide')) return false;
  if (user.role === 'admin') return true;
  if (user.role === 'region_economist') return sellerCode === agreement.meta.region.id;
  if (user.role === 'municipality_economist') return sellerCode === user.municipality;
  return false;
}

/** The actions the basis's state offers, whoever asks (the same checks the store's UPDATEs make). */
function offeredByState(b: InvoiceBasisView): BasisAction[] {
  const credited = b.status === 'credited' || b.creditedBy !== null;
  if (b.status === 'draft') return ['edit', 'approve'];
  const offered: BasisAction[] = [];
  if (b.status === 'approved' && !credited) offered.push('send');
  if ((b.status === 'approved' || b.status === 'sent') && b.creditOf === null && !credited) offered.push('credit');
  return offered;
}

function reason(agreement: Agreement, user: SessionUser, sellerCode: string, action: BasisAction): string {
  const seller = partyName(agreement, sellerCode);
  if (!can(user.role, 'invoices:decide')) {
    return `Som ${roleLabels[user.role]} kan du läsa fakturaunderlag men inte ${verbs[action]}. Det gör säljarens ekonomer (${seller}) eller administratören.`;
  }
  const you = `${roleLabels[user.role]}${user.municipality === null ? '' : ` för ${partyName(agreement, user.municipality)}`}`;
  return `Bara säljaren kan ${verbs[action]}: säljare är ${seller}, och du är ${you}. Säljarens ekonomer eller administratören gör det.`;
}

/** What `user` may do with `b` now, and why not where the state offers an action the user may not take. */
export function basisPermissions(agreement: Agreement, user: SessionUser, b: InvoiceBasisView): BasisPermissions {
  const offered = offeredByState(b);
  if (decidesForSeller(agreement, user, b.seller.id)) return { allowedActions: offered, deniedActions: [] };
  return { allowedActions: [], deniedActions: offered.map((action) => ({ action, reason: reason(agreement, user, b.seller.id, action) })) };
}

/** The view with `allowedActions` and `deniedActions` beside it. */
export function withBasisPermissions<T extends InvoiceBasisView>(agreement: Agreement, user: SessionUser, b: T): T & BasisPermissions {
  return { ...b, ...basisPermissions(agreement, user, b) };
}
