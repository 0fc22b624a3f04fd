/** Shapes of the dispute endpoints (docs/api.md, Tvister). */

/** One step of an escalation path. */
export interface PathStep {
  readonly index: number;
  readonly forum: string;
  readonly forumName: string;
  readonly description: string;
}

/** One recorded action on a dispute. */
export interface DisputeEvent {
  readonly stepNo: number;
  readonly forum: string;
  readonly action: string;
  readonly note: string | null;
  readonly actor: string;
  /** The actor's display name. */
  readonly actorName?: string;
  readonly at: string;
}

/** A proposed decision waiting for (or settled by) the other party (decision 0071). */
export interface Proposal {
  readonly id: string;
  readonly stepNo: number;
  readonly forum: string;
  readonly forumName: string;
  readonly outcome: string;
  readonly costRegulationOre: number | null;
  readonly costRegulationPayer: string | null;
  readonly costRegulationPayee: string | null;
  /** User id of the proposer. */
  readonly proposedBy: string;
  readonly proposedByName?: string;
  readonly proposedByParty: string;
  readonly proposedAt: string;
  readonly status: 'pending' | 'confirmed' | 'superseded';
  /** The party whose economist may confirm it. */
  readonly awaitingParty: string;
  readonly settledBy: string | null;
  readonly settledAt: string | null;
}

/** The standing decision and the forum that took it. */
export interface Decision {
  readonly forum: string;
  readonly forumName: string;
  readonly basis: 'parties' | 'forum-minutes';
  readonly decidedOn: string | null;
  /** User id of whoever confirmed or recorded it. */
  readonly decidedBy: string;
  readonly decidedByName?: string;
  readonly proposalId: string | null;
  readonly proposedBy: string | null;
  readonly proposedByParty: string | null;
  readonly forumMinutes: string | null;
}

/** Status of a dispute. */
export type DisputeStatus = 'open' | 'decided' | 'closed';

/** A dispute record (packages/server/src/disputes/dispute-view.ts). */
export interface Dispute {
  readonly id: string;
  /** What the signed-in user may do now (disputes/dispute-permissions.ts on the server). */
  readonly allowedActions?: readonly ('escalate' | 'close' | 'propose' | 'confirm' | 'decide')[];
  /** Why the user can only read the dispute (their role), or null. */
  readonly readOnlyReason?: string | null;
  readonly document: string;
  readonly level: string;
  readonly subject: string;
  readonly parties: readonly [string, string];
  readonly openedOn: string;
  readonly status: DisputeStatus;
  readonly currentStep: PathStep;
  readonly path: readonly PathStep[];
  readonly clause: string;
  readonly note: string | null;
  readonly outcome: string | null;
  readonly costRegulationOre: number | null;
  /** Who pays the cost regulation (`region` or a municipality code). */
  readonly costRegulationPayer: string | null;
  /** Who receives it. */
  readonly costRegulationPayee: string | null;
  /** Day of the standing decision. */
  readonly decidedOn: string | null;
  readonly decision: Decision | null;
  readonly pendingDecision: Proposal | null;
  readonly proposals: readonly Proposal[];
  readonly history: readonly DisputeEvent[];
}

/** Swedish status names. */
export function statusName(s: DisputeStatus): string {
  switch (s) {
    case 'open':
      return 'Pågår';
    case 'decided':
      return 'Avgjord';
    case 'closed':
      return 'Avslutad';
  }
}

/** Swedish names of the dispute levels (disputes.yaml). */
export function levelName(level: string): string {
  const names: Readonly<Record<string, string>> = {
    individ: 'Individnivå',
    organisation: 'Organisatorisk nivå',
    'storlek-fordelning': 'Tilläggsbeloppets storlek eller fördelning',
    utforande: 'Tolkning av vem som utför',
  };
  return names[level] ?? level;
}

/** Swedish names of the actions. */
export function actionName(a: string): string {
  const names: Readonly<Record<string, string>> = {
    opened: 'Öppnad',
    escalated: 'Eskalerad',
    proposed: 'Förslag till beslut',
    decided: 'Beslut',
    closed: 'Avslutad',
  };
  return names[a] ?? a;
}
