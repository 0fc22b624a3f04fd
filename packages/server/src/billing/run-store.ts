/**
 * Billing runs, numbered per flow and period (docs/decisions/0060-billing-ledger-and-runs.md):
 * run 1 bills what is billable, each later run (a tilläggskörning) exactly what arrived since —
 * whatever no line of a non-credited basis bills yet (billing keys, unique in the database).
 * A run has a scope: the whole county, or one municipality (then only bases where it is seller
 * or buyer); a municipality economist's runs are always scoped to their municipality.
 *
 * The plan is computed outside the write transaction (SQLite must not hold its writer long) and
 * inserted inside it with the next sequence number. Two simultaneous identical requests both
 * compute the same plan; the second insert hits the unique billing key (or the unique
 * flow/period/sequence) and rolls back, is recomputed once, finds nothing new and answers with
 * the winner's run. Nothing new to bill is an answer (200, `created: false`, a note), not an error.
 */
import { randomUUID } from 'node:crypto';
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import { findMunicipality, invalidInput, SamverkanError, type Agreement } from '@samverkan/core';
import type { Store } from '../store/db.js';
import type { BillingRunsTable, Database } from '../store/schema.js';
import { flag, toFlag } from '../store/flag.js';
import { nowIso } from '../store/clock.js';
import { appendAudit } from '../audit/append-audit.js';
import { actorOf, type SessionUser } from '../auth/session-user.js';
import { municipalityScope, partyScope } from '../auth/scope.js';
import { flowInfo, isBillingFlow, parseBillingPeriod, billingFlows, type BillingFlow, type BillingPeriod } from './periods.js';
import type { FlowResult, RunOptions } from './basis-draft.js';
import { BASIS_PARTIES, fromDraft, insertBasis, listBases, creditNotesOf } from './basis-store.js';
import { basisView, partyName, type InvoiceBasisView } from './basis-view.js';
import { isUniqueViolation } from './unique-violation.js';
import { billablePlan, flowKinds } from './run-plan.js';
import { runLabel, scopeName } from './run-label.js';

export { computeFlow } from './run-plan.js';

type RunRow = Selectable<BillingRunsTable>;

/** A billing run as the API shows it. */
export interface BillingRunView {
  readonly id: string;
  readonly flow: string;
  readonly title: string;
  readonly period: string;
  /** 1 = the run of the flow and period, ≥ 2 = tilläggskörning N. */
  readonly sequence: number;
  readonly supplementary: boolean;
  /** "Körning 1" / "Tilläggskörning 2". */
  readonly label: string;
  /** Null = the whole county; else the municipality code the run was limited to. */
  readonly scope: string | null;
  /** "Hela länet" or the municipality's name. */
  readonly scopeName: string;
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
  /** False when nothing new was billable (or a simultaneous request billed it): `run` is then the latest run. */
  readonly created: boolean;
  readonly run: BillingRunView;
  readonly invoiceBases: readonly InvoiceBasisView[];
  /** Why no run was made (Swedish), when `created` is false. */
  readonly note: string | null;
}

function runView(agreement: Agreement, r: RunRow, visibleBases: number): BillingRunView {
  const flow = r.flow;
  return {
    id: r.id,
    flow,
    title: isBillingFlow(flow) ? flowInfo[flow].title : flow,
    period: r.period,
    sequence: r.sequence,
    supplementary: r.sequence > 1,
    label: runLabel(r.sequence),
    scope: r.scope,
    scopeName: scopeName(agreement, r.scope),
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

/**
 * The scope a run of `user` gets: a municipality economist only their own municipality (asking
 * for another is 403); the region's economists and the administrator the county (null) or the
 * municipality they name.
 */
export function runScope(agreement: Agreement, user: SessionUser, asked: string | undefined): string | null {
  const own = municipalityScope(user);
  const named = asked === undefined ? undefined : findMunicipality(agreement.municipalities, asked, { field: 'scope' }).code;
  if (own === undefined) return named ?? null;
  if (named !== undefined && named !== own) {
    throw new SamverkanError(
      'SAMV_ERR_FORBIDDEN',
      `scope: en kommunekonom startar bara körningar för sin egen kommun (${partyName(agreement, own)}), inte för ${partyName(agreement, named)}.`,
      { field: 'scope', value: asked },
    );
  }
  return own;
}

async function answer(
  db: Kysely<Database>,
  agreement: Agreement,
  user: SessionUser,
  run: RunRow,
  created: boolean,
  note: string | null,
): Promise<StartedRun> {
  const rows = await listBases(db, user, { billingRunId: run.id });
  const credited = await creditNotesOf(
    db,
    rows.map((r) => r.id),
  );
  return {
    created,
    run: runView(agreement, run, rows.length),
    invoiceBases: rows.map((r) => basisView(agreement, r, credited.get(r.id) ?? null)),
    note,
  };
}

/** The newest run of a flow and period that has a basis the user (and scope) may see. */
async function latestRun(
  db: Kysely<Database>,
  user: SessionUser,
  flow: string,
  period: string,
  scope: string | null,
): Promise<RunRow | undefined> {
  return db
    .selectFrom('billing_runs')
    .selectAll('billing_runs')
    .where('billing_runs.flow', '=', flow)
    .where('billing_runs.period', '=', period)
    .where((eb) => {
      let bases = eb
        .selectFrom('invoice_bases')
        .select('invoice_bases.id')
        .whereRef('invoice_bases.billing_run_id', '=', 'billing_runs.id')
        .where(partyScope(user, BASIS_PARTIES));
      if (scope !== null)
        bases = bases.where((b) => b.or([b('invoice_bases.seller_code', '=', scope), b('invoice_bases.buyer_code', '=', scope)]));
      return eb.exists(bases);
    })
    .orderBy('billing_runs.sequence', 'desc')
    .executeTakeFirst();
}

function nothingNewNote(flow: BillingFlow, period: string, latest: RunRow, scope: string | null, agreement: Agreement): string {
  const where = scope === null ? '' : ` där ${scopeName(agreement, scope)} är part`;
  const correction =
    flowKinds[flow] === 'pairs'
      ? ' Fördelningen av en period faktureras en gång per part; en ändrad fördelning rättas genom kreditering.'
      : ' Rättelser görs genom kreditering.';
  return `Inget nytt att fakturera för ${flowInfo[flow].title} ${period}${where}: allt som är fakturerbart är redan fakturerat (senast i ${runLabel(latest.sequence)}).${correction}`;
}

function nothingToBill(
  agreement: Agreement,
  flow: BillingFlow,
  period: BillingPeriod,
  scope: string | null,
  notes: readonly string[],
): SamverkanError {
  const extra = notes.length > 0 ? ` ${notes.join(' ')}` : '';
  if (scope !== null) {
    return new SamverkanError(
      'SAMV_ERR_NOTHING_TO_BILL',
      `scope: det finns inga fakturaunderlag för ${flowInfo[flow].title} ${period.text} där ${scopeName(agreement, scope)} är säljare eller köpare; en kommunekonom kan bara starta körningar för den egna kommunens underlag.${extra}`,
      { field: 'scope', value: scope },
    );
  }
  return new SamverkanError(
    'SAMV_ERR_NOTHING_TO_BILL',
    `period: det finns inga underlag att fakturera för ${flowInfo[flow].title} ${period.text}.${extra} Importera underlagen först.`,
    { field: 'period', value: period.text },
  );
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

/** Insert `plan` as the next run of the flow and period, in one audited transaction; returns its id. */
async function insertRun(
  store: Store,
  user: SessionUser,
  flow: BillingFlow,
  period: BillingPeriod,
  options: RunOptions,
  scope: string | null,
  plan: FlowResult,
): Promise<string> {
  const actor = actorOf(user);
  const cacheBefore = store.kind === 'sqlite' ? await sqliteCacheSize(store.db, -RUN_CACHE_KIB) : undefined;
  try {
    return await store.transaction((trx) => insertRunIn(trx, actor, flow, period, options, scope, plan));
  } finally {
    if (cacheBefore !== undefined) await sqliteCacheSize(store.db, cacheBefore);
  }
}

/**
 * SQLite's page cache while a run writes its lines (KiB): a month of 100 000 lines adds to indexes
 * keyed by random record ids (billing key, record id), and with the default 2 MiB every insert
 * evicts and re-reads index pages (a quarter of the insert time at 100 000 lines, decision 0220).
 * Set back after the run (SQLite frees the pages above the limit when it shrinks).
 */
const RUN_CACHE_KIB = 65_536;

/** Set the SQLite connection's `cache_size` (negative: KiB; positive: pages); returns the value it had. */
async function sqliteCacheSize(db: Kysely<Database>, value: number): Promise<number> {
  const before = await sql<{ cache_size: number }>`pragma cache_size`.execute(db);
  await sql`pragma cache_size = ${sql.raw(String(Math.trunc(value)))}`.execute(db);
  return before.rows[0]?.cache_size ?? -2000;
}

/** The inserts of `insertRun`, inside its transaction. */
async function insertRunIn(
  trx: Transaction<Database>,
  actor: string,
  flow: BillingFlow,
  period: BillingPeriod,
  options: RunOptions,
  scope: string | null,
  plan: FlowResult,
): Promise<string> {
  const last = await trx
    .selectFrom('billing_runs')
    .select((eb) => eb.fn.max('sequence').as('n'))
    .where('flow', '=', flow)
    .where('period', '=', period.text)
    .executeTakeFirst();
  const sequence = (last?.n ?? 0) + 1;
  const id = randomUUID();
  const at = nowIso();
  const demo =
    plan.bases.every((b) => b.inputs.records.length > 0) &&
    (await allDemo(
      trx,
      plan.bases.flatMap((b) => b.inputs.records),
    ));
  await trx
    .insertInto('billing_runs')
    .values({
      id,
      flow,
      period: period.text,
      sequence,
      scope,
      status: 'completed',
      started_by: actor,
      started_at: at,
      finished_at: at,
      demo: toFlag(demo),
      options_json: JSON.stringify(options),
      summary_json: JSON.stringify({ notes: plan.notes }),
    })
    .execute();
  const created: { id: string; seller: string; buyer: string; totalOre: number; lines: number }[] = [];
  for (const b of plan.bases) {
    const basisId = await insertBasis(trx, fromDraft(b, { runId: id, flow, period: period.text, demo, createdAt: at, replacesId: null }));
    created.push({
      id: basisId,
      seller: b.seller.id + (b.seller.unit === undefined ? '' : `/${b.seller.unit}`),
      buyer: b.buyer.id + (b.buyer.unit === undefined ? '' : `/${b.buyer.unit}`),
      totalOre: b.totalOre,
      lines: b.lines.length,
    });
  }
  await appendAudit(trx, {
    actor,
    action: 'create',
    entity: 'billing_runs',
    entityId: id,
    before: null,
    after: { flow, period: period.text, sequence, scope, options, invoiceBases: created, notes: plan.notes },
  });
  return id;
}

/** Start the next run for `flow` and `period` (or answer with the latest when nothing new is billable). */
export async function startBillingRun(
  store: Store,
  agreement: Agreement,
  user: SessionUser,
  input: { flow: string; period: string; options?: RunOptions; scope?: string | undefined },
): Promise<StartedRun> {
  const flow = requireFlow(input.flow);
  const period = parseBillingPeriod(flow, input.period);
  const scope = runScope(agreement, user, input.scope);
  const options: RunOptions = input.options ?? {};
  for (let attempt = 1; ; attempt++) {
    const plan = await billablePlan(store.db, agreement, flow, period, options, scope);
    if (plan.bases.length === 0) {
      const latest = await latestRun(store.db, user, flow, period.text, scope);
      if (!latest) throw nothingToBill(agreement, flow, period, scope, plan.notes);
      return answer(store.db, agreement, user, latest, false, nothingNewNote(flow, period.text, latest, scope, agreement));
    }
    try {
      const id = await insertRun(store, user, flow, period, options, scope, plan);
      const run = await store.db.selectFrom('billing_runs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      return await answer(store.db, agreement, user, run, true, null);
    } catch (e) {
      // A simultaneous run claimed some of the same keys (or took the number): recompute once.
      if (!isUniqueViolation(e) || attempt >= 2) {
        if (isUniqueViolation(e))
          throw new SamverkanError(
            'SAMV_ERR_CONFLICT',
            `En annan körning för ${flowInfo[flow].title} ${period.text} pågick samtidigt; försök igen.`,
            { field: 'period', value: period.text },
          );
        throw e;
      }
    }
  }
}

/** Every run, newest first, with the number of bases the user may see. */
export async function listRuns(
  db: Kysely<Database>,
  agreement: Agreement,
  user: SessionUser,
  filter: { flow?: string | undefined; period?: string | undefined },
): Promise<BillingRunView[]> {
  let q = db.selectFrom('billing_runs').selectAll().orderBy('started_at', 'desc').orderBy('sequence', 'desc');
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
  return runs.map((r) => runView(agreement, r, count.get(r.id) ?? 0));
}
