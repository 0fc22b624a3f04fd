/**
 * What is not billed yet, per period of a flow: for record flows the records that a run would
 * bill now (imported, billable, and on no line of a non-credited basis); for allocation flows the
 * seller–buyer pairs without a line yet; for cost regulation the decided disputes not billed.
 * Computed with the same plan a run uses (run-plan.ts), so "not yet billed" and "what the next
 * run bills" cannot disagree. A municipality economist sees only what involves their
 * municipality. Records that are registered but never billed (evenings, Storsjögläntan) are not
 * counted: no run will bill them.
 */
import { isSamverkanError, mtSnapshotDate, type Agreement } from '@samverkan/core';
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';
import { municipalityScope, partyScope } from '../auth/scope.js';
import type { SessionUser } from '../auth/session-user.js';
import { notClaimed, type StoredRecord } from './flow-records.js';
import { parseBillingPeriod, type BillingFlow } from './periods.js';
import { billablePlan, flowKinds, type FlowKind } from './run-plan.js';
import { disputeKey } from './billing-keys.js';

/** The import kind each record flow reads. */
const recordKinds: Partial<Readonly<Record<BillingFlow, string>>> = {
  dagtid: 'daytime-assignments',
  synhorsel: 'ombud-tasks',
  'mt-variable': 'mt-work-orders',
  'inpatient-staff': 'inpatient-staff',
};

/** One record not yet billed. */
export interface UnbilledRecord {
  readonly id: string;
  readonly line: number;
  readonly filename: string;
  readonly date: string | null;
  /** Swedish: what the record would be billed as. */
  readonly summary: string;
}

/** One period with something not yet billed. */
export interface UnbilledPeriod {
  readonly period: string;
  /** Records (record flows), pairs (allocation flows) or disputes (cost regulation) not yet billed. */
  readonly unbilledRecords: number;
  /** The first 100 records, when one period was asked for (record flows). */
  readonly records?: readonly UnbilledRecord[];
  /** Why the period could not be computed (e.g. a missing index value), in Swedish. */
  readonly problem?: string;
}

/** The answer of `GET /api/v1/billing-runs/unbilled`. */
export interface UnbilledView {
  readonly flow: BillingFlow;
  /** What `unbilledRecords` counts. */
  readonly counts: FlowKind;
  readonly periods: readonly UnbilledPeriod[];
}

const LISTED = 100;

async function candidatePeriods(db: Kysely<Database>, agreement: Agreement, flow: BillingFlow, user: SessionUser): Promise<string[]> {
  const kind = recordKinds[flow];
  if (kind !== undefined) {
    const rows = await db
      .selectFrom('import_rows')
      .select('import_rows.period')
      .distinct()
      .where('import_rows.kind', '=', kind)
      .where(notClaimed)
      .where(partyScope(user, ['import_rows.seller_code', 'import_rows.buyer_code', 'import_rows.municipality_code']))
      .execute();
    return rows.map((r) => r.period);
  }
  if (flow === 'cost-regulation') {
    const rows = await db
      .selectFrom('disputes')
      .select(['id', 'decided_on'])
      .where('decided_on', 'is not', null)
      .where('cost_regulation_ore', 'is not', null)
      .execute();
    const billed = new Set(
      (
        await db
          .selectFrom('invoice_lines')
          .select('billing_key')
          .where('billing_key', 'in', rows.length === 0 ? ['-'] : rows.map((r) => disputeKey(r.id)))
          .execute()
      ).map((r) => r.billing_key),
    );
    return [
      ...new Set(
        rows.filter((r) => !billed.has(disputeKey(r.id))).flatMap((r) => (r.decided_on === null ? [] : [r.decided_on.slice(0, 7)])),
      ),
    ];
  }
  const stateKind = flow === 'mt-fixed' ? 'mt-inventory' : flow === 'tillaggsbelopp' ? 'connected-counts' : 'development-budgets';
  const periods = (await db.selectFrom('import_rows').select('period').distinct().where('kind', '=', stateKind).execute()).map(
    (r) => r.period,
  );
  if (flow !== 'mt-fixed') return periods;
  // An inventory date is the snapshot of the half-year whose snapshot date it is (I8).
  const years = [...new Set(periods.map((p) => Number(p.slice(0, 4))))].flatMap((y) => [y, y + 1]);
  return years.flatMap((y) =>
    ([1, 2] as const).flatMap((h) => (periods.includes(mtSnapshotDate(agreement, y, h).date) ? [`${String(y)}-H${String(h)}`] : [])),
  );
}

const unitText: Readonly<Record<string, string>> = {
  'started-hour': 'påbörjade timmar',
  hour: 'timmar',
  minute: 'minuter',
  piece: 'st',
  'lump-sum': 'klumpsumma',
};

function summaryOf(line: { description: string; quantity: number; unit: string }, seller: string, buyer: string): string {
  return `${line.description}: ${seller} → ${buyer}, ${String(line.quantity)} ${unitText[line.unit] ?? line.unit}`;
}

/** What is not yet billed for `flow` (one period, or every period that has something). */
export async function unbilled(
  db: Kysely<Database>,
  agreement: Agreement,
  user: SessionUser,
  flow: BillingFlow,
  period: string | undefined,
): Promise<UnbilledView> {
  const scope = municipalityScope(user) ?? null;
  const periods =
    period === undefined ? (await candidatePeriods(db, agreement, flow, user)).sort() : [parseBillingPeriod(flow, period).text];
  const out: UnbilledPeriod[] = [];
  for (const p of periods) {
    try {
      const plan = await billablePlan(db, agreement, flow, parseBillingPeriod(flow, p), {}, scope);
      const lines = plan.bases.flatMap((b) => b.lines.map((l) => ({ ...l, seller: b.seller.name, buyer: b.buyer.name })));
      const kind = flowKinds[flow];
      const recordIds = [...new Set(lines.flatMap((l) => (l.recordId === null ? [] : [l.recordId])))];
      const count = kind === 'records' ? recordIds.length : kind === 'pairs' ? plan.bases.length : lines.length;
      if (count === 0 && period === undefined) continue;
      const entry: UnbilledPeriod = { period: p, unbilledRecords: count };
      if (period !== undefined && kind === 'records') {
        const first = recordIds.slice(0, LISTED);
        const info = await recordInfo(db, first);
        const records = first.flatMap((id) => {
          const line = lines.find((l) => l.recordId === id);
          const r = info.get(id);
          return line === undefined || r === undefined
            ? []
            : [
                {
                  id,
                  line: r.line,
                  filename: r.filename,
                  date: line.line.date ?? null,
                  summary: summaryOf(line.line, line.seller, line.buyer),
                },
              ];
        });
        out.push({ ...entry, records });
      } else out.push(entry);
    } catch (e) {
      if (!isSamverkanError(e)) throw e;
      out.push({ period: p, unbilledRecords: 0, problem: e.message });
    }
  }
  return { flow, counts: flowKinds[flow], periods: out };
}

async function recordInfo(db: Kysely<Database>, ids: readonly string[]): Promise<Map<string, Pick<StoredRecord, 'line' | 'filename'>>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('import_rows')
    .innerJoin('imports', 'imports.id', 'import_rows.import_id')
    .select(['import_rows.id', 'import_rows.line', 'imports.filename'])
    .where('import_rows.id', 'in', [...ids])
    .execute();
  return new Map(rows.map((r) => [r.id, { line: r.line, filename: r.filename }]));
}
