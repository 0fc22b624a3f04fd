/**
 * Deciding a dispute where the agreement says (docs/decisions/0071-dispute-decisions.md). The
 * decision is always taken by the forum of the dispute's current escalation step (ORD.tvist and
 * the other Tvist clauses), and stands only when
 * - one party's economist proposed it and the OTHER party's economist confirmed it (a region party
 *   by a region economist, a municipality by that municipality's economist), or
 * - a user with `disputes:record-decision` (the administrator, who keeps the forums' minutes)
 *   recorded it with a reference to the forum's minutes.
 * One party alone can never decide: the proposer cannot confirm, nor can anyone of the same party.
 * Only a standing decision has `decided_on`, so the `cost-regulation` flow bills nothing else.
 */
import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import { SamverkanError, todayInStockholm, type Agreement } from '@samverkan/core';
import type { Store } from '../store/db.js';
import type { Database, DisputeRow } from '../store/schema.js';
import { nowIso } from '../store/clock.js';
import { appendAudit } from '../audit/append-audit.js';
import { actorOf, type SessionUser } from '../auth/session-user.js';
import { effectiveAgreement } from '../reference/effective-agreement.js';
import { costRegulationMax, costRegulationOf, type CostRegulationColumns, type Decision } from './cost-regulation.js';
import { loadDispute, supersedeProposals } from './dispute-store.js';
import type { DisputeView } from './dispute-view.js';

/** A decision recorded from a forum's minutes. */
export interface ForumDecision extends Decision {
  /** Reference to the forum's minutes, e.g. "Lokal samverkansarena Östersund 2026-03-04 § 5". */
  readonly forumMinutes: string;
}

function partyName(agreement: Agreement, code: string): string {
  if (code === agreement.meta.region.id) return agreement.meta.region.name;
  return agreement.municipalities.find((m) => m.code === code)?.name ?? code;
}

/** The party a user speaks for in `row`'s dispute as its economist, or a refusal. */
function economistParty(agreement: Agreement, user: SessionUser, row: DisputeRow, doing: string): string {
  const parties = [row.party_a_code, row.party_b_code];
  const party =
    user.role === 'region_economist' ? agreement.meta.region.id : user.role === 'municipality_economist' ? user.municipality : null;
  if (party === null) {
    throw new SamverkanError(
      'SAMV_ERR_FORBIDDEN',
      `${doing} görs av en ekonom hos en av parterna; ett forums beslut enligt protokoll registreras med POST /api/v1/disputes/{id}/decide.`,
      { field: 'role', value: user.role },
    );
  }
  if (!parties.includes(party)) {
    throw new SamverkanError(
      'SAMV_ERR_FORBIDDEN',
      `${doing}: ${partyName(agreement, party)} är inte part i tvisten (${parties.map((p) => partyName(agreement, p)).join(' och ')}).`,
      { field: 'parties', value: party },
    );
  }
  return party;
}

function requireOpen(row: DisputeRow, view: DisputeView): void {
  if (row.status === 'closed')
    throw new SamverkanError('SAMV_ERR_CONFLICT', `Tvisten ${row.id} är avslutad och kan inte ändras.`, {
      field: 'status',
      value: row.status,
    });
  if (row.status === 'decided') {
    throw new SamverkanError(
      'SAMV_ERR_CONFLICT',
      `Tvisten är redan avgjord av ${view.decision?.forumName ?? view.currentStep.forumName}; eskalera den till nästa steg om parterna inte enas, eller avsluta den.`,
      { field: 'status', value: row.status },
    );
  }
}

async function regulationColumns(
  trx: Transaction<Database>,
  agreement: Agreement,
  parties: readonly string[],
  d: Decision,
): Promise<CostRegulationColumns> {
  const max = costRegulationMax(await effectiveAgreement(trx, agreement), todayInStockholm());
  return costRegulationOf(parties, d, max);
}

async function decide(
  trx: Transaction<Database>,
  row: DisputeRow,
  user: SessionUser,
  at: string,
  d: {
    outcome: string;
    columns: CostRegulationColumns;
    forum: string;
    basis: 'parties' | 'forum-minutes';
    proposalId: string | null;
    forumMinutes: string | null;
  },
): Promise<void> {
  await trx
    .updateTable('disputes')
    .set({
      status: 'decided',
      outcome: d.outcome,
      ...d.columns,
      decided_on: todayInStockholm().toString(),
      decided_by_forum: d.forum,
      decision_basis: d.basis,
      decided_by: user.id,
      decision_proposal_id: d.proposalId,
      forum_minutes: d.forumMinutes,
    })
    .where('id', '=', row.id)
    .where('status', '=', 'open')
    .execute();
  await trx
    .insertInto('dispute_steps')
    .values({
      id: randomUUID(),
      dispute_id: row.id,
      step_no: row.current_step,
      forum: d.forum,
      action: 'decided',
      note: d.outcome,
      actor: actorOf(user),
      at,
    })
    .execute();
}

/** One party's economist proposes a decision in the current step; it replaces any earlier pending proposal. */
export async function proposeDecision(
  store: Store,
  agreement: Agreement,
  user: SessionUser,
  id: string,
  d: Decision,
): Promise<DisputeView> {
  return store.transaction(async (trx) => {
    const { row, view: before } = await loadDispute(trx, agreement, user, id);
    const party = economistParty(agreement, user, row, 'Förslag till beslut');
    requireOpen(row, before);
    const columns = await regulationColumns(trx, agreement, before.parties, d);
    const at = nowIso();
    await supersedeProposals(trx, id, user, at);
    const forum = before.currentStep.forum;
    await trx
      .insertInto('dispute_proposals')
      .values({
        id: randomUUID(),
        dispute_id: id,
        step_no: row.current_step,
        forum,
        outcome: d.outcome.trim(),
        ...columns,
        proposed_by: user.id,
        proposed_by_party: party,
        proposed_at: at,
        status: 'pending',
        settled_by: null,
        settled_at: null,
      })
      .execute();
    await trx
      .insertInto('dispute_steps')
      .values({
        id: randomUUID(),
        dispute_id: id,
        step_no: row.current_step,
        forum,
        action: 'proposed',
        note: d.outcome.trim(),
        actor: actorOf(user),
        at,
      })
      .execute();
    const { view: after } = await loadDispute(trx, agreement, user, id);
    await appendAudit(trx, { actor: actorOf(user), action: 'propose', entity: 'disputes', entityId: id, before, after });
    return after;
  });
}

/** The other party's economist confirms the pending proposal `proposalId`: the forum of its step has decided. */
export async function confirmDecision(
  store: Store,
  agreement: Agreement,
  user: SessionUser,
  id: string,
  proposalId: string,
): Promise<DisputeView> {
  return store.transaction(async (trx) => {
    const { row, view: before } = await loadDispute(trx, agreement, user, id);
    const party = economistParty(agreement, user, row, 'Bekräftelse av beslut');
    requireOpen(row, before);
    const proposal = await trx
      .selectFrom('dispute_proposals')
      .selectAll()
      .where('id', '=', proposalId)
      .where('dispute_id', '=', id)
      .executeTakeFirst();
    if (!proposal || proposal.status !== 'pending' || proposal.step_no !== row.current_step) {
      throw new SamverkanError(
        'SAMV_ERR_CONFLICT',
        `proposalId: förslaget ${proposalId} väntar inte på bekräftelse i tvisten (det finns inte, har ersatts av ett nyare förslag eller beslut, eller tvisten har eskalerats).`,
        { field: 'proposalId', value: proposalId },
      );
    }
    if (proposal.proposed_by === user.id) {
      throw new SamverkanError(
        'SAMV_ERR_FORBIDDEN',
        'Du lade själv fram förslaget och kan inte bekräfta det; den andra partens ekonom bekräftar.',
        { field: 'proposalId', value: proposalId },
      );
    }
    if (proposal.proposed_by_party === party) {
      const other = before.parties.find((p) => p !== party) ?? '';
      throw new SamverkanError(
        'SAMV_ERR_FORBIDDEN',
        `Förslaget kommer från ${partyName(agreement, party)}, din egen part; en part kan inte ensam avgöra en tvist. En ekonom hos ${partyName(agreement, other)} bekräftar.`,
        { field: 'proposalId', value: proposalId },
      );
    }
    // The bound may have been lowered since the proposal: check again at the decision.
    const columns = await regulationColumns(trx, agreement, before.parties, {
      outcome: proposal.outcome,
      costRegulationOre: proposal.cost_regulation_ore ?? undefined,
      costRegulationPayer: proposal.cost_regulation_payer ?? undefined,
      costRegulationPayee: proposal.cost_regulation_payee ?? undefined,
    });
    const at = nowIso();
    await trx
      .updateTable('dispute_proposals')
      .set({ status: 'confirmed', settled_by: user.id, settled_at: at })
      .where('id', '=', proposalId)
      .where('status', '=', 'pending')
      .execute();
    await decide(trx, row, user, at, {
      outcome: proposal.outcome,
      columns,
      forum: proposal.forum,
      basis: 'parties',
      proposalId,
      forumMinutes: null,
    });
    const { view: after } = await loadDispute(trx, agreement, user, id);
    await appendAudit(trx, { actor: actorOf(user), action: 'decide', entity: 'disputes', entityId: id, before, after });
    return after;
  });
}

/** Record the decision the current step's forum took, from its minutes (needs `disputes:record-decision`). */
export async function recordForumDecision(
  store: Store,
  agreement: Agreement,
  user: SessionUser,
  id: string,
  d: ForumDecision,
): Promise<DisputeView> {
  return store.transaction(async (trx) => {
    const { row, view: before } = await loadDispute(trx, agreement, user, id);
    requireOpen(row, before);
    const columns = await regulationColumns(trx, agreement, before.parties, d);
    const at = nowIso();
    await supersedeProposals(trx, id, user, at);
    await decide(trx, row, user, at, {
      outcome: d.outcome.trim(),
      columns,
      forum: before.currentStep.forum,
      basis: 'forum-minutes',
      proposalId: null,
      forumMinutes: d.forumMinutes.trim(),
    });
    const { view: after } = await loadDispute(trx, agreement, user, id);
    await appendAudit(trx, { actor: actorOf(user), action: 'decide', entity: 'disputes', entityId: id, before, after });
    return after;
  });
}
