/**
 * What a run would bill now: the flow computed for the period from what no line of a non-credited
 * basis bills yet, limited to the run's scope (docs/decisions/0060-billing-ledger-and-runs.md):
 * - record flows compute from the unclaimed records only (amounts are per record, so a subset
 *   prices exactly as it would inside the whole month);
 * - allocation flows (mt-fixed, tillaggsbelopp, development-funds) split one total, so a pair once
 *   billed for a period is never billed again by a run: only pairs without any line yet; a
 *   changed split is corrected by crediting;
 * - cost-regulation bills each dispute once;
 * - a scope (a municipality) keeps only the bases where it is seller or buyer.
 * Allocation and dispute lines whose key is claimed are dropped as well; between computing and
 * storing, the unique index is the last word.
 */
import { sumOre, type Agreement } from '@samverkan/core';
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';
import { effectiveAgreement } from '../reference/effective-agreement.js';
import { currentIndexSeries } from '../reference/index-values.js';
import type { BasisDraft, FlowResult, RunOptions } from './basis-draft.js';
import { allocationPairPrefix, claimedKeys, claimedWithPrefix } from './billing-keys.js';
import type { RecordSelection } from './flow-records.js';
import { flowComputations } from './flows/index.js';
import type { BillingFlow, BillingPeriod } from './periods.js';

/** How a flow's lines relate to what they bill. */
export type FlowKind = 'records' | 'pairs' | 'disputes';

/** What each flow bills: records, allocation pairs or disputes. */
export const flowKinds: Readonly<Record<BillingFlow, FlowKind>> = {
  dagtid: 'records',
  synhorsel: 'records',
  'mt-variable': 'records',
  'inpatient-staff': 'records',
  'mt-fixed': 'pairs',
  tillaggsbelopp: 'pairs',
  'development-funds': 'pairs',
  'cost-regulation': 'disputes',
};

/** Compute a flow for a period with the current index values and effective parameters. */
export async function computeFlow(
  db: Kysely<Database>,
  agreement: Agreement,
  flow: BillingFlow,
  period: BillingPeriod,
  options: RunOptions,
  records?: RecordSelection,
): Promise<FlowResult> {
  const [effective, index] = await Promise.all([effectiveAgreement(db, agreement), currentIndexSeries(db)]);
  return flowComputations[flow]({ db, agreement: effective, index, period, options, ...(records === undefined ? {} : { records }) });
}

/** True when `scope` (a municipality, or null for the county) is a party of `b`. */
export function inScope(b: Pick<BasisDraft, 'seller' | 'buyer'>, scope: string | null): boolean {
  return scope === null || b.seller.id === scope || b.buyer.id === scope;
}

/** `b` with only the lines `keep` accepts: total re-summed, the trace without the dropped lines' own steps. */
export function keepLines(b: BasisDraft, keep: (key: string) => boolean): BasisDraft | undefined {
  const lines = b.lines.filter((l) => keep(l.billingKey));
  if (lines.length === b.lines.length) return b;
  if (lines.length === 0) return undefined;
  const kept = new Set(lines.flatMap((l) => l.steps.map((s) => s.id)));
  const dropped = new Set(b.lines.filter((l) => !keep(l.billingKey)).flatMap((l) => l.steps.map((s) => s.id)));
  const records = new Set(lines.flatMap((l) => (l.recordId === null ? [] : [l.recordId])));
  return {
    ...b,
    lines,
    totalOre: sumOre(lines.map((l) => l.line.amountOre)),
    trace: { ...b.trace, steps: b.trace.steps.filter((s) => kept.has(s.id) || !dropped.has(s.id)) },
    inputs: records.size === 0 ? b.inputs : { ...b.inputs, records: b.inputs.records.filter((r) => records.has(r)) },
  };
}

/** Pair prefixes of an allocation flow's period that some non-credited line already bills. */
async function billedPairs(db: Kysely<Database>, flow: BillingFlow, period: string, bases: readonly BasisDraft[]): Promise<Set<string>> {
  const claimed = await claimedWithPrefix(db, `alloc:${flow}:${period}:`);
  const prefixes = bases.map((b) => allocationPairPrefix(flow, period, b.seller, b.buyer));
  return new Set(prefixes.filter((p) => claimed.some((k) => k.startsWith(p))));
}

/** What a run for `flow` and `period` limited to `scope` would bill now (bases may be empty). */
export async function billablePlan(
  db: Kysely<Database>,
  agreement: Agreement,
  flow: BillingFlow,
  period: BillingPeriod,
  options: RunOptions,
  scope: string | null,
): Promise<FlowResult> {
  const kind = flowKinds[flow];
  const result = await computeFlow(db, agreement, flow, period, options, kind === 'records' ? { kind: 'unclaimed' } : undefined);
  let bases = result.bases.filter((b) => inScope(b, scope));
  if (kind === 'pairs') {
    const billed = await billedPairs(db, flow, period.text, bases);
    bases = bases.filter((b) => !billed.has(allocationPairPrefix(flow, period.text, b.seller, b.buyer)));
  }
  // Unclaimed records have no claimed component, so only pairs and disputes need the key check.
  const claimed =
    kind === 'records'
      ? new Set<string>()
      : await claimedKeys(
          db,
          bases.flatMap((b) => b.lines.map((l) => l.billingKey)),
        );
  const kept = claimed.size === 0 ? bases : bases.flatMap((b) => keepLines(b, (k) => !claimed.has(k)) ?? []);
  return { bases: kept, notes: result.notes };
}
