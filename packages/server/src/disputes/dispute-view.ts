/**
 * A dispute as the API shows it: the record, its escalation path from the agreement's
 * disputes.yaml (forum per step, with the clause), where it stands, and its history.
 */
import type { Agreement, DisputePath } from '@samverkan/core';
import { SamverkanError } from '@samverkan/core';
import type { DisputeProposalRow, DisputeRow, DisputeStepRow } from '../store/schema.js';
import { flag } from '../store/flag.js';

/** One step of an escalation path with the forum's name. */
export interface PathStepView {
  readonly index: number;
  readonly forum: string;
  readonly forumName: string;
  readonly description: string;
}

/** A decision proposed by one party's economist (decision 0071). */
export interface ProposalView {
  readonly id: string;
  readonly stepNo: number;
  /** The forum of the step it was proposed in, and its Swedish name. */
  readonly forum: string;
  readonly forumName: string;
  readonly outcome: string;
  readonly costRegulationOre: number | null;
  readonly costRegulationPayer: string | null;
  readonly costRegulationPayee: string | null;
  /** User id of the proposer, and the party they speak for. */
  readonly proposedBy: string;
  readonly proposedByParty: string;
  readonly proposedAt: string;
  /** pending | confirmed | superseded. */
  readonly status: string;
  /** The party whose economist may confirm it (the other party). */
  readonly awaitingParty: string;
  /** User id of whoever confirmed it, or whose action superseded it. */
  readonly settledBy: string | null;
  readonly settledAt: string | null;
}

/** The standing decision: which forum took it and how (decision 0071). */
export interface DecisionView {
  readonly forum: string;
  readonly forumName: string;
  /** `parties`: proposed by one party's economist, confirmed by the other's; `forum-minutes`: recorded from the forum's minutes. */
  readonly basis: 'parties' | 'forum-minutes';
  readonly decidedOn: string | null;
  /** User id of whoever confirmed the proposal or recorded the forum's decision. */
  readonly decidedBy: string;
  /** For `parties`: the proposal, its proposer and their party. */
  readonly proposalId: string | null;
  readonly proposedBy: string | null;
  readonly proposedByParty: string | null;
  /** For `forum-minutes`: the reference to the minutes. */
  readonly forumMinutes: string | null;
}

/** A dispute with its path and history. */
export interface DisputeView {
  readonly id: string;
  readonly document: string;
  readonly level: string;
  readonly subject: string;
  readonly parties: readonly [string, string];
  readonly openedOn: string;
  readonly status: string;
  readonly currentStep: PathStepView;
  readonly path: readonly PathStepView[];
  readonly clause: string;
  readonly note: string | null;
  readonly outcome: string | null;
  readonly costRegulationOre: number | null;
  /** Who pays the cost regulation (`region` or a municipality code). */
  readonly costRegulationPayer: string | null;
  /** Who receives it. */
  readonly costRegulationPayee: string | null;
  /** Day of the decision that stands (null while open or after escalation). */
  readonly decidedOn: string | null;
  /** The standing decision and the forum that took it (null while open or after escalation). */
  readonly decision: DecisionView | null;
  /** A proposal in the current step waiting for the other party's confirmation. */
  readonly pendingDecision: ProposalView | null;
  /** Every proposal, oldest first. */
  readonly proposals: readonly ProposalView[];
  readonly createdBy: string;
  readonly demo: boolean;
  readonly history: readonly { stepNo: number; forum: string; action: string; note: string | null; actor: string; at: string }[];
}

/** The escalation path for a document and level; a combination the agreement lacks is an error naming what exists. */
export function escalationPath(agreement: Agreement, document: string, level: string): DisputePath {
  const path = agreement.disputePaths.find((p) => p.documents.includes(document) && p.level === level);
  if (!path) {
    const levels = agreement.disputePaths.filter((p) => p.documents.includes(document)).map((p) => p.level);
    throw new SamverkanError(
      'SAMV_ERR_INVALID_INPUT',
      levels.length === 0
        ? `document: dokumentet ${document} har ingen tvistordning i avtalet.`
        : `level: dokumentet ${document} har ingen tvistordning på nivån "${level}" (finns: ${levels.join(', ')}).`,
      { field: levels.length === 0 ? 'document' : 'level', value: levels.length === 0 ? document : level },
    );
  }
  return path;
}

/** The Swedish name of a forum of a dispute's path; a forum with one per municipality is named with the municipal party's name. */
export function forumName(agreement: Agreement, forum: string, parties: readonly string[] = []): string {
  if (forum === 'ledningsfunktioner') return 'Ansvariga ledningsfunktioner';
  const f = agreement.forums.find((x) => x.id === forum);
  if (!f) return forum;
  const local = f.perMunicipality === true ? agreement.municipalities.find((m) => parties.includes(m.code)) : undefined;
  return local === undefined ? f.name : `${f.name} (${local.name})`;
}

function proposalView(agreement: Agreement, parties: readonly string[], p: DisputeProposalRow): ProposalView {
  return {
    id: p.id,
    stepNo: p.step_no,
    forum: p.forum,
    forumName: forumName(agreement, p.forum, parties),
    outcome: p.outcome,
    costRegulationOre: p.cost_regulation_ore,
    costRegulationPayer: p.cost_regulation_payer,
    costRegulationPayee: p.cost_regulation_payee,
    proposedBy: p.proposed_by,
    proposedByParty: p.proposed_by_party,
    proposedAt: p.proposed_at,
    status: p.status,
    awaitingParty: parties.find((x) => x !== p.proposed_by_party) ?? '',
    settledBy: p.settled_by,
    settledAt: p.settled_at,
  };
}

function decisionView(
  agreement: Agreement,
  row: DisputeRow,
  parties: readonly string[],
  proposals: readonly ProposalView[],
): DecisionView | null {
  if (row.status !== 'decided' || row.decided_by_forum === null || row.decided_by === null) return null;
  const basis = row.decision_basis === 'parties' ? 'parties' : 'forum-minutes';
  const proposal = proposals.find((p) => p.id === row.decision_proposal_id);
  return {
    forum: row.decided_by_forum,
    forumName: forumName(agreement, row.decided_by_forum, parties),
    basis,
    decidedOn: row.decided_on,
    decidedBy: row.decided_by,
    proposalId: row.decision_proposal_id,
    proposedBy: proposal?.proposedBy ?? null,
    proposedByParty: proposal?.proposedByParty ?? null,
    forumMinutes: row.forum_minutes,
  };
}

/** Build the view of a stored dispute. */
export function disputeView(
  agreement: Agreement,
  row: DisputeRow,
  steps: readonly DisputeStepRow[],
  proposalRows: readonly DisputeProposalRow[] = [],
): DisputeView {
  const path = escalationPath(agreement, row.document, row.level);
  const parties = [row.party_a_code, row.party_b_code];
  const pathView = path.steps.map((s, index) => ({
    index,
    forum: s.forum,
    forumName: forumName(agreement, s.forum, parties),
    description: s.description,
  }));
  const proposals = [...proposalRows]
    .sort((a, b) => (a.proposed_at < b.proposed_at ? -1 : a.proposed_at > b.proposed_at ? 1 : 0))
    .map((p) => proposalView(agreement, parties, p));
  const current = pathView[Math.min(row.current_step, pathView.length - 1)];
  if (current === undefined)
    throw new SamverkanError('SAMV_ERR_AGREEMENT_DATA', `Tvistordningen för ${row.document} ${row.level} saknar steg.`);
  return {
    id: row.id,
    document: row.document,
    level: row.level,
    subject: row.subject,
    parties: [row.party_a_code, row.party_b_code],
    openedOn: row.opened_on,
    status: row.status,
    currentStep: current,
    path: pathView,
    clause: path.clause,
    note: path.note ?? null,
    outcome: row.outcome,
    costRegulationOre: row.cost_regulation_ore,
    costRegulationPayer: row.cost_regulation_payer,
    costRegulationPayee: row.cost_regulation_payee,
    decidedOn: row.decided_on,
    decision: decisionView(agreement, row, parties, proposals),
    pendingDecision: proposals.find((p) => p.status === 'pending') ?? null,
    proposals,
    createdBy: row.created_by,
    demo: flag(row.demo),
    history: [...steps]
      .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.step_no - b.step_no))
      .map((s) => ({ stepNo: s.step_no, forum: s.forum, action: s.action, note: s.note, actor: s.actor, at: s.at })),
  };
}
