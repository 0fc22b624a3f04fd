/**
 * Billing runs: one run per flow and period (unique index), computed with core from the stored
 * records, the current index values and the effective parameters, and stored with one draft
 * invoice basis per seller–buyer pair, in one audited transaction. Two simultaneous requests for
 * the same run produce one run: the check for an existing run is repeated inside the transaction
 * (which writers of the audit chain enter one at a time), and the unique index catches anything
 * else; the loser gets the existing run (not an error).
 */
import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import { invalidInput, SamverkanError, type Agreement } from '@samverkan/core';
import type { Store } from '../store/db.js';
import type { BillingRunsTable, Database } from '../store/schema.js';
import { flag, toFlag } from '../store/flag.js';
import { nowIso } from '../store/clock.js';
import { appendAudit } from '../audit/append-audit.js';
import { actorOf, type SessionUser } from '../auth/session-user.js';
import { effectiveAgreement } from '../reference/effective-agreement.js';
import { currentIndexSeries } from '../reference/index-values.js';
import { flowComputations } from './flows/index.js';
import { flowInfo, isBillingFlow, parseBillingPeriod, billingFlows, type BillingFlow, type BillingPeriod } from './periods.js';
import type { FlowResult, RunOptions } from './basis-draft.js';
import { BASIS_PARTIES, fromDraft, insertBasis, listBases, creditNotesOf } from './basis-store.js';
import { partyScope } from '../auth/scope.js';
import { basisView, type InvoiceBasisView } from './basis-view.js';
import { isUniqueViolation } from './unique-violation.js';

type RunRow = Selectable<BillingRunsTable>;

/** A billing run as the API shows it. */
export interface BillingRunView {
  readonly id: string;
  readonly flow: string;
  readonly title: string;
  readonly period: string;
  readonly status: string;
  readonly startedBy: string;
  readonly startedAt: string;
  readonly finishedAt: string | null;
  readonly options: RunOptions;
  /** What the run registered but did not bill, and reports beside the bases (Swedish). */
  readonly notes: readonly string[];
  /** Bases of the run the user may see. */
  readonly invoiceBasisCount: number;
  readonly demo: boolean;
}

/** What starting a run answers. */
export interface StartedRun {
  /** False when the run existed already (this or a simultaneous request made it). */
  readonly created: boolean;
  readonly run: BillingRunView;
  readonly invoiceBases: readonly InvoiceBasisView[];
}

function runView(r: RunRow, visibleBases: number): BillingRunView {
  const flow = r.flow;
  return {
    id: r.id,
    flow,
    title: isBillingFlow(flow) ? flowInfo[flow].title : flow,
    period: r.period,
    status: r.status,
    startedBy: r.started_by,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    options: r.options_json === null ? {} : (JSON.parse(r.options_json) as RunOptions),
    notes: r.summary_json === null ? [] : (JSON.parse(r.summary_json) as { notes: string[] }).notes,
    invoiceBasisCount: visibleBases,
    demo: flag(r.demo),
  };
}

/** Parse and check the flow name. */
export function requireFlow(text: string): BillingFlow {
  if (!isBillingFlow(text)) throw invalidInput('flow', `flow: okänt flöde "${text}". Välj ett av: ${billingFlows.join(', ')}.`, text);
  return text;
}

/** Compute a flow for a period with the current index values and effective parameters. */
export async function computeFlow(db: Kysely<Database>, agreement: Agreement, flow: BillingFlow, period: BillingPeriod, options: RunOptions): Promise<FlowResult> {
  const [effective, index] = await Promise.all([effectiveAgreement(db, agreement), currentIndexSeries(db)]);
  return flowComputations[flow]({ db, agreement: effective, index, period, options });
}

async function answer(db: Kysely<Database>, agreement: Agreement, user: SessionUser, run: RunRow, created: boolean): Promise<StartedRun> {
  const rows = await listBases(db, user, { billingRunId: run.id });
  const credited = await creditNotesOf(db, rows.map((r) => r.id));
  return { created, run: runView(run, rows.length), invoiceBases: rows.map((r) => basisView(agreement, r, credited.get(r.id) ?? null)) };
}

async function existingRun(db: Kysely<Database>, flow: string, period: string): Promise<RunRow | undefined> {
  return db.selectFrom('billing_runs').selectAll().where('flow', '=', flow).where('period', '=', period).executeTakeFirst();
}

/** Start (or find) the run for `flow` and `period`. */
export async function startBillingRun(store: Store, agreement: Agreement, user: SessionUser, input: { flow: string; period: string; options?: RunOptions }): Promise<StartedRun> {
  const flow = requireFlow(input.flow);
  const period = parseBillingPeriod(flow, input.period);
  const before = await existingRun(store.db, flow, period.text);
  if (before) return answer(store.db, agreement, user, before, false);
  const options: RunOptions = input.options ?? {};
  const result = await computeFlow(store.db, agreement, flow, period, options);
  if (result.bases.length === 0) {
    throw new SamverkanError(
      'SAMV_ERR_INVALID_INPUT',
      `period: det finns inga underlag att fakturera för ${flowInfo[flow].title} ${period.text}.${result.notes.length > 0 ? ` ${result.notes.join(' ')}` : ''} Importera underlagen först.`,
      { field: 'period', value: period.text },
    );
  }
  const actor = actorOf(user);
  let outcome: { id: string; created: boolean };
  try {
    outcome = await store.transaction(async (trx) => {
      const raced = await existingRun(trx, flow, period.text);
      if (raced) return { id: raced.id, created: false };
      const id = randomUUID();
      const at = nowIso();
      const demo = result.bases.every((b) => b.inputs.records.length > 0) && (await allDemo(trx, result.bases.flatMap((b) => b.inputs.records)));
      await trx
        .insertInto('billing_runs')
        .values({ id, flow, period: period.text, status: 'completed', started_by: actor, started_at: at, finished_at: at, demo: toFlag(demo), options_json: JSON.stringify(options), summary_json: JSON.stringify({ notes: result.notes }) })
        .execute();
      const created: { id: string; seller: string; buyer: string; totalOre: number }[] = [];
      for (const b of result.bases) {
        const basisId = await insertBasis(trx, fromDraft(b, { runId: id, flow, period: period.text, demo, createdAt: at, replacesId: null }));
        created.push({ id: basisId, seller: b.seller.id + (b.seller.unit === undefined ? '' : `/${b.seller.unit}`), buyer: b.buyer.id + (b.buyer.unit === undefined ? '' : `/${b.buyer.unit}`), totalOre: b.totalOre });
      }
      await appendAudit(trx, { actor, action: 'create', entity: 'billing_runs', entityId: id, before: null, after: { flow, period: period.text, options, invoiceBases: created, notes: result.notes } });
      return { id, created: true };
    });
  } catch (e) {
    if (!isUniqueViolation(e)) throw e;
    const winner = await existingRun(store.db, flow, period.text);
    if (!winner) throw e;
    return answer(store.db, agreement, user, winner, false);
  }
  const run = await store.db.selectFrom('billing_runs').selectAll().where('id', '=', outcome.id).executeTakeFirstOrThrow();
  return answer(store.db, agreement, user, run, outcome.created);
}

/** True when every record is demo data (the run then is demo data too). */
async function allDemo(db: Kysely<Database>, recordIds: readonly string[]): Promise<boolean> {
  for (let i = 0; i < recordIds.length; i += 500) {
    const chunk = recordIds.slice(i, i + 500);
    const real = await db.selectFrom('import_rows').select('id').where('id', 'in', chunk).where('demo', '=', 0).limit(1).execute();
    if (real.length > 0) return false;
  }
  return true;
}

/** Every run, newest first, with the number of bases the user may see. */
export async function listRuns(db: Kysely<Database>, user: SessionUser, filter: { flow?: string | undefined; period?: string | undefined }): Promise<BillingRunView[]> {
  let q = db.selectFrom('billing_runs').selectAll().orderBy('started_at', 'desc');
  if (filter.flow !== undefined) q = q.where('flow', '=', filter.flow);
  if (filter.period !== undefined) q = q.where('period', '=', filter.period);
  const runs = await q.execute();
  const counts = await db
    .selectFrom('invoice_bases')
    .select(['billing_run_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where(partyScope(user, BASIS_PARTIES))
    .groupBy('billing_run_id')
    .execute();
  const count = new Map(counts.map((c) => [c.billing_run_id, c.n]));
  return runs.map((r) => runView(r, count.get(r.id) ?? 0));
}
