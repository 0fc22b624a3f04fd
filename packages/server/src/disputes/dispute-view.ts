/**
 * A dispute as the API shows it: the record, its escalation path from the agreement's
 * disputes.yaml (forum per step, with the clause), where it stands, and its history.
 */
import type { Agreement, DisputePath } from '@samverkan/core';
import { SamverkanError } from '@samverkan/core';
import type { DisputeRow, DisputeStepRow } from '../store/schema.js';
import { flag } from '../store/flag.js';

/** One step of an escalation path with the forum's name. */
export interface PathStepView {
  readonly index: number;
  readonly forum: string;
  readonly forumName: string;
  readonly description: string;
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

function forumName(agreement: Agreement, forum: string): string {
  if (forum === 'ledningsfunktioner') return 'Ansvariga ledningsfunktioner';
  return agreement.forums.find((f) => f.id === forum)?.name ?? forum;
}

/** Build the view of a stored dispute. */
export function disputeView(agreement: Agreement, row: DisputeRow, steps: readonly DisputeStepRow[]): DisputeView {
  const path = escalationPath(agreement, row.document, row.level);
  const pathView = path.steps.map((s, index) => ({ index, forum: s.forum, forumName: forumName(agreement, s.forum), description: s.description }));
  const current = pathView[Math.min(row.current_step, pathView.length - 1)];
  if (current === undefined) throw new SamverkanError('SAMV_ERR_AGREEMENT_DATA', `Tvistordningen för ${row.document} ${row.level} saknar steg.`);
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
    createdBy: row.created_by,
    demo: flag(row.demo),
    history: [...steps]
      .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.step_no - b.step_no))
      .map((s) => ({ stepNo: s.step_no, forum: s.forum, action: s.action, note: s.note, actor: s.actor, at: s.at })),
  };
}
