/**
 * Dispute views with the display names of the people in them (auth/actor-names.ts): who opened
 * it, who acted in each event, who proposed, confirmed or recorded a decision. The ids stay
 * beside the names (events carry `user:<username>`, proposals and decisions the user id).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';
import { actorNames, type ActorNames } from '../auth/actor-names.js';
import type { DecisionView, DisputeView, ProposalView } from './dispute-view.js';

/** A proposal with names. */
export type NamedProposal = ProposalView & { readonly proposedByName: string; readonly settledByName: string | null };

/** A dispute view with names beside every actor id. */
export type NamedDisputeView = Omit<DisputeView, 'history' | 'proposals' | 'pendingDecision' | 'decision'> & {
  readonly createdByName: string;
  readonly history: readonly (DisputeView['history'][number] & { readonly actorName: string })[];
  readonly proposals: readonly NamedProposal[];
  readonly pendingDecision: NamedProposal | null;
  readonly decision: (DecisionView & { readonly decidedByName: string; readonly proposedByName: string | null }) | null;
};

function actorsOf(d: DisputeView): (string | null)[] {
  return [
    d.createdBy,
    ...d.history.map((e) => e.actor),
    ...d.proposals.flatMap((p) => [p.proposedBy, p.settledBy]),
    d.decision?.decidedBy ?? null,
    d.decision?.proposedBy ?? null,
  ];
}

function named(d: DisputeView, name: ActorNames): NamedDisputeView {
  const proposal = (p: ProposalView): NamedProposal => ({
    ...p,
    proposedByName: name(p.proposedBy),
    settledByName: p.settledBy === null ? null : name(p.settledBy),
  });
  return {
    ...d,
    createdByName: name(d.createdBy),
    history: d.history.map((e) => ({ ...e, actorName: name(e.actor) })),
    proposals: d.proposals.map(proposal),
    pendingDecision: d.pendingDecision === null ? null : proposal(d.pendingDecision),
    decision:
      d.decision === null
        ? null
        : {
            ...d.decision,
            decidedByName: name(d.decision.decidedBy),
            proposedByName: d.decision.proposedBy === null ? null : name(d.decision.proposedBy),
          },
  };
}

/** Name the people of each dispute (one lookup for the batch). */
export async function withDisputeNames(db: Kysely<Database>, disputes: readonly DisputeView[]): Promise<NamedDisputeView[]> {
  const name = await actorNames(db, disputes.flatMap(actorsOf));
  return disputes.map((d) => named(d, name));
}

/** Name the people of one dispute. */
export async function withDisputeName(db: Kysely<Database>, dispute: DisputeView): Promise<NamedDisputeView> {
  return named(dispute, await actorNames(db, actorsOf(dispute)));
}
