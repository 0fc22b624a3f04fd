/**
 * Property: for any records imported in batches and any runs (county-wide and scoped to a
 * municipality) interleaved with credits, once a last county-wide run has billed what is left,
 * the bases of a period that are not credited add up to exactly the priced billable records of
 * the period (core over all of them at once), the whole ledger (credited bases and credit notes
 * included) adds up to the same, and no record component is on two lines of non-credited bases —
 * checked after every step, not only at the end. Two flows: syn- och hörselombud (one line per
 * task, municipality → region) and MT rörlig del (up to three lines per work order, region → municipality).
 */
import fc from 'fast-check';
import { SamverkanError } from '@samverkan/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseTargets } from '../testing/databases.testkit.js';
import { startBillingRun } from './run-store.js';
import { creditBasis } from './basis-actions.js';
import { computeFlow } from './run-plan.js';
import { parseBillingPeriod } from './periods.js';
import {
  insertRecords,
  ombudRecord,
  openLedgerStore,
  userOf,
  workOrderRecord,
  type LedgerStore,
  type TestRecord,
} from './ledger.testkit.js';

const CODES = ['2380', '2309', '2321'] as const;
const FLOWS = [
  { flow: 'synhorsel', kind: 'ombud-tasks' },
  { flow: 'mt-variable', kind: 'mt-work-orders' },
] as const;

type Command =
  | {
      readonly t: 'import';
      readonly flow: 0 | 1;
      readonly records: readonly { readonly m: number; readonly minutes: number; readonly extra: number; readonly hor: boolean }[];
    }
  | { readonly t: 'run'; readonly flow: 0 | 1; readonly scope: number | null; readonly asMunicipality: boolean }
  | { readonly t: 'credit'; readonly pick: number };

const code = (m: number): string => CODES[m % CODES.length] ?? '2380';
const flowIndex = fc.constantFrom<0 | 1>(0, 1);
const command: fc.Arbitrary<Command> = fc.oneof(
  fc.record({
    t: fc.constant('import' as const),
    flow: flowIndex,
    records: fc.array(fc.record({ m: fc.nat(2), minutes: fc.integer({ min: 1, max: 200 }), extra: fc.nat(30000), hor: fc.boolean() }), {
      minLength: 1,
      maxLength: 4,
    }),
  }),
  fc.record({ t: fc.constant('run' as const), flow: flowIndex, scope: fc.option(fc.nat(2), { nil: null }), asMunicipality: fc.boolean() }),
  fc.record({ t: fc.constant('credit' as const), pick: fc.nat(20) }),
);

const PERIODS = [
  ...['02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12'].map((m) => `2026-${m}`),
  ...['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12'].map((m) => `2027-${m}`),
];

for (const target of databaseTargets) {
  describe.skipIf(!target.available)(`${target.name}: the ledger adds up`, () => {
    let l: LedgerStore;
    let next = 0;
    beforeAll(async () => {
      l = await openLedgerStore(target);
    });
    afterAll(async () => {
      await l.close();
    });

    const record = (flow: 0 | 1, period: string, r: { m: number; minutes: number; extra: number; hor: boolean }, i: number): TestRecord => {
      const date = `${period}-${String(1 + (i % 28)).padStart(2, '0')}`;
      return flow === 0
        ? ombudRecord(date, code(r.m), r.hor ? 'horcentralen' : 'syncentralen', r.minutes)
        : workOrderRecord(date, code(r.m), r.minutes, r.extra, r.hor ? r.extra : 0);
    };

    /** No record component on two lines of bases that are not credited (credit notes carry no key). */
    const noDoubleBilling = async (period: string): Promise<void> => {
      const lines = await l.store.db
        .selectFrom('invoice_lines')
        .innerJoin('invoice_bases', 'invoice_bases.id', 'invoice_lines.invoice_basis_id')
        .select(['invoice_lines.record_id', 'invoice_lines.category', 'invoice_lines.billing_key'])
        .where('invoice_bases.period', '=', period)
        .where('invoice_bases.status', '<>', 'credited')
        .where('invoice_bases.credit_of', 'is', null)
        .execute();
      const components = lines.map((x) => `${x.record_id ?? ''}:${x.category ?? ''}`);
      expect(new Set(components).size).toBe(components.length);
      expect(lines.every((x) => x.billing_key !== null)).toBe(true);
    };

    const apply = async (period: string, c: Command, seq: { n: number }): Promise<void> => {
      if (c.t === 'import') {
        const f = FLOWS[c.flow];
        await insertRecords(
          l.store,
          f.kind,
          c.records.map((r) => record(c.flow, period, r, seq.n++)),
        );
        return;
      }
      if (c.t === 'run') {
        const scope = c.scope === null ? undefined : code(c.scope);
        const user = c.asMunicipality && scope !== undefined ? userOf({ municipality: scope }) : userOf('region');
        try {
          await startBillingRun(l.store, l.agreement, user, {
            flow: FLOWS[c.flow].flow,
            period,
            ...(scope === undefined ? {} : { scope }),
          });
        } catch (e) {
          // Nothing at all to bill (no records yet, or none of the municipality's) is the one refusal expected.
          if (!(e instanceof SamverkanError && e.code === 'SAMV_ERR_NOTHING_TO_BILL')) throw e;
        }
        return;
      }
      const open = await l.store.db
        .selectFrom('invoice_bases')
        .select(['id', 'status'])
        .where('period', '=', period)
        .where('credit_of', 'is', null)
        .where('status', '<>', 'credited')
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      const b = open[c.pick % Math.max(open.length, 1)];
      if (b === undefined) return;
      if (b.status === 'draft')
        await l.store.db
          .updateTable('invoice_bases')
          .set({ status: 'approved', approved_by: 'user:test', approved_at: new Date().toISOString() })
          .where('id', '=', b.id)
          .execute();
      await creditBasis(l.store, l.agreement, userOf('admin'), b.id, { reason: 'Egenskapstest' });
    };

    it('sums of non-credited bases equal the priced records; no component billed twice', { timeout: 120_000 }, async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(command, { minLength: 1, maxLength: 12 }), async (commands) => {
          const period = PERIODS[next++ % PERIODS.length] ?? '2026-02';
          const seq = { n: 0 };
          for (const c of commands) {
            await apply(period, c, seq);
            await noDoubleBilling(period);
          }
          for (const f of [0, 1] as const) await apply(period, { t: 'run', flow: f, scope: null, asMunicipality: false }, seq);
          await noDoubleBilling(period);
          for (const f of FLOWS) {
            const priced = await computeFlow(l.store.db, l.agreement, f.flow, parseBillingPeriod(f.flow, period), {});
            const expected = priced.bases.reduce((s, b) => s + b.totalOre, 0);
            const bases = await l.store.db
              .selectFrom('invoice_bases')
              .select(['total_ore', 'status', 'credit_of'])
              .where('flow', '=', f.flow)
              .where('period', '=', period)
              .execute();
            const standing = bases.filter((b) => b.status !== 'credited' && b.credit_of === null).reduce((s, b) => s + b.total_ore, 0);
            const ledger = bases.reduce((s, b) => s + b.total_ore, 0);
            expect(standing).toBe(expected);
            expect(ledger).toBe(expected);
          }
        }),
        { numRuns: PERIODS.length, endOnFailure: true },
      );
    });
  });
}
