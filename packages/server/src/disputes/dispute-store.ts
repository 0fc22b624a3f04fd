/**
 * Disputes in the store (agreement.md, "Disputes"). Opening, escalating one step along the
 * agreement's path and closing are each one audited transaction; decisions are proposed,
 * confirmed or recorded from a forum's minutes in dispute-decisions.ts (decision 0071). A municipality
 * economist sees and changes only disputes where their municipality is a party: every query
 * here carries `partyScope`, so another municipality's dispute is simply not found.
 */
import { randomUUID } from 'node:crypto';
import type { Transaction, Updateable } from 'kysely';
import { invalidInput, parseDate, SamverkanError, todayInStockholm, type Agreement } from '@samverkan/core';
import type { Store } from '../store/db.js';
import type { Database, DisputeRow, DisputesTable } from '../store/schema.js';
import { toFlag } from '../store/flag.js';
import { nowIso } from '../store/clock.js';
import { appendAudit } from '../audit/append-audit.js';
import { partyScope, municipalityScope } from '../auth/scope.js';
import { actorOf, type SessionUser } from '../auth/session-user.js';
import { disputeView, escalationPath, type DisputeView } from './dispute-view.js';

/** What opens a dispute. */
export interface NewDispute {
  readonly document: string;
  readonly level: string;
  readonly subject: string;
  readonly parties: readonly string[];
  readonly openedOn?: string | undefined;
  readonly note?: string | undefined;
  readonly demo?: boolean;
  /**
   * When the opening was recorded (ISO timestamp); now unless given. Only the demo seed gives it,
   * so that a demo dispute's "opened" event falls on the day it says it was opened.
   */
  readonly recordedAt?: string | undefined;
}

const PARTY_COLUMNS = ['party_a_code', 'party_b_code'] as const;

function notFound(id: string): SamverkanError {
  return new SamverkanError('SAMV_ERR_NOT_FOUND', `Tvisten ${id} finns inte (eller din kommun är inte part i den).`, {
    field: 'id',
    value: id,
  });
}

function checkParties(agreement: Agreement, user: SessionUser, parties: readonly string[]): [string, string] {
  const known = [agreement.meta.region.id, ...agreement.municipalities.map((m) => m.code)];
  const [a, b] = parties;
  if (parties.length !== 2 || a === undefined || b === undefined || a === b) {
    throw invalidInput('parties', 'parties: ange exakt två olika parter (kommunkod eller "region").', parties);
  }
  for (const p of parties) {
    if (!known.includes(p))
      throw new SamverkanError('SAMV_ERR_UNKNOWN_MUNICIPALITY', `parties: "${p}" är ingen part i avtalet (${known.join(', ')}).`, {
        field: 'parties',
        value: p,
      });
  }
  const own = municipalityScope(user);
  if (own !== undefined && !parties.includes(own)) {
    throw new SamverkanError('SAMV_ERR_FORBIDDEN', `parties: din kommun (${own}) måste vara part i tvister du registrerar.`, {
      field: 'parties',
    });
  }
  return [a, b];
}

/** One dispute the user may see, inside a transaction: the row and its view (not found outside the user's scope). */
export async function loadDispute(
  trx: Transaction<Database>,
  agreement: Agreement,
  user: SessionUser,
  id: string,
): Promise<{ row: DisputeRow; view: DisputeView }> {
  const row = await trx.selectFrom('disputes').selectAll().where('id', '=', id).where(partyScope(user, PARTY_COLUMNS)).executeTakeFirst();
  if (!row) throw notFound(id);
  const steps = await trx.selectFrom('dispute_steps').selectAll().where('dispute_id', '=', id).execute();
  const proposals = await trx.selectFrom('dispute_proposals').selectAll().where('dispute_id', '=', id).execute();
  return { row, view: disputeView(agreement, row, steps, proposals) };
}

/** Mark the dispute's pending proposals superseded by `user`'s action (a new proposal, a recorded decision, escalation, closing). */
export async function supersedeProposals(trx: Transaction<Database>, disputeId: string, user: SessionUser, at: string): Promise<void> {
  await trx
    .updateTable('dispute_proposals')
    .set({ status: 'superseded', settled_by: user.id, settled_at: at })
    .where('dispute_id', '=', disputeId)
    .where('status', '=', 'pending')
    .execute();
}

/** Columns that say nothing is decided. */
export const NO_DECISION = {
  decided_on: null,
  decided_by_forum: null,
  decision_basis: null,
  decided_by: null,
  decision_proposal_id: null,
  forum_minutes: null,
} as const;

/** Open a dispute at the first step of its path. */
export async function openDispute(store: Store, agreement: Agreement, user: SessionUser, input: NewDispute): Promise<DisputeView> {
  const path = escalationPath(agreement, input.document, input.level);
  const [a, b] = checkParties(agreement, user, input.parties);
  const openedOn = input.openedOn === undefined ? todayInStockholm().toString() : parseDate(input.openedOn, 'openedOn').toString();
  const first = path.steps[0];
  if (first === undefined) throw new SamverkanError('SAMV_ERR_AGREEMENT_DATA', `Tvistordningen för ${input.document} saknar steg.`);
  return store.transaction(async (trx) => {
    const id = randomUUID();
    const at = input.recordedAt ?? nowIso();
    await trx
      .insertInto('disputes')
      .values({
        id,
        document: input.document,
        level: input.level,
        subject: input.subject.trim(),
        party_a_code: a,
        party_b_code: b,
        opened_on: openedOn,
        current_step: 0,
        status: 'open',
        outcome: null,
        cost_regulation_ore: null,
        cost_regulation_payer: null,
        cost_regulation_payee: null,
        decided_on: null,
        created_by: actorOf(user),
        created_at: at,
        demo: toFlag(input.demo ?? false),
      })
      .execute();
    await trx
      .insertInto('dispute_steps')
      .values({
        id: randomUUID(),
        dispute_id: id,
        step_no: 0,
        forum: first.forum,
        action: 'opened',
        note: input.note ?? null,
        actor: actorOf(user),
        at,
      })
      .execute();
    const { view } = await loadDispute(trx, agreement, user, id);
    await appendAudit(trx, { actor: actorOf(user), action: 'create', entity: 'disputes', entityId: id, before: null, after: view });
    return view;
  });
}

/** Disputes the user may see, newest first. */
export async function listDisputes(store: Store, agreement: Agreement, user: SessionUser): Promise<DisputeView[]> {
  const rows = await store.db
    .selectFrom('disputes')
    .selectAll()
    .where(partyScope(user, PARTY_COLUMNS))
    .orderBy('opened_on', 'desc')
    .orderBy('created_at', 'desc')
    .execute();
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const steps = await store.db.selectFrom('dispute_steps').selectAll().where('dispute_id', 'in', ids).execute();
  const proposals = await store.db.selectFrom('dispute_proposals').selectAll().where('dispute_id', 'in', ids).execute();
  return rows.map((r) =>
    disputeView(
      agreement,
      r,
      steps.filter((s) => s.dispute_id === r.id),
      proposals.filter((p) => p.dispute_id === r.id),
    ),
  );
}

/** One dispute the user may see. */
export async function getDispute(store: Store, agreement: Agreement, user: SessionUser, id: string): Promise<DisputeView> {
  return store.transaction(async (trx) => (await loadDispute(trx, agreement, user, id)).view);
}

/** The changes after opening besides decisions (dispute-decisions.ts). */
export type DisputeAction = { kind: 'escalate'; note?: string | undefined } | { kind: 'close'; note?: string | undefined };

/** Escalate one step or close; either supersedes a pending proposal. */
export async function changeDispute(
  store: Store,
  agreement: Agreement,
  user: SessionUser,
  id: string,
  action: DisputeAction,
): Promise<DisputeView> {
  return store.transaction(async (trx) => {
    const { row, view: before } = await loadDispute(trx, agreement, user, id);
    if (row.status === 'closed')
      throw new SamverkanError('SAMV_ERR_CONFLICT', `Tvisten ${id} är avslutad och kan inte ändras.`, {
        field: 'status',
        value: row.status,
      });
    let set: Updateable<DisputesTable>;
    let step = row.current_step;
    let note: string | null;
    switch (action.kind) {
      case 'escalate': {
        if (row.current_step + 1 >= before.path.length) {
          throw new SamverkanError(
            'SAMV_ERR_CONFLICT',
            `Tvisten är redan i sista steget (${before.currentStep.forumName}); avtalet anger ingen högre instans.`,
            { field: 'currentStep' },
          );
        }
        step = row.current_step + 1;
        // The decision no longer stands once the dispute goes to the next forum: no billing from it.
        set = { current_step: step, status: 'open', ...NO_DECISION };
        note = action.note ?? null;
        break;
      }
      case 'close':
        set = { status: 'closed' };
        note = action.note ?? null;
        break;
    }
    const at = nowIso();
    await trx.updateTable('disputes').set(set).where('id', '=', id).where(partyScope(user, PARTY_COLUMNS)).execute();
    await supersedeProposals(trx, id, user, at);
    const forum = before.path[step]?.forum ?? before.currentStep.forum;
    const actionName = action.kind === 'escalate' ? 'escalated' : 'closed';
    await trx
      .insertInto('dispute_steps')
      .values({ id: randomUUID(), dispute_id: id, step_no: step, forum, action: actionName, note, actor: actorOf(user), at })
      .execute();
    const { view: after } = await loadDispute(trx, agreement, user, id);
    await appendAudit(trx, { actor: actorOf(user), action: action.kind, entity: 'disputes', entityId: id, before, after });
    return after;
  });
}
