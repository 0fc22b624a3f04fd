/**
 * Property: whatever a month of daytime assignments holds (many records with the same pricing
 * inputs, evenings, Storsjögläntan, travel that counts or not, both directions), a run stores for
 * every billable record exactly one line, and that line is what core prices the record at when
 * given it alone: the same quantity, unit price, amount and date. Records core does not bill have
 * no line. So a batched write (multi-row INSERTs of up to 500 lines, issue 11) that put a value in
 * the wrong column, dropped or repeated a chunk, or a shared computation that mixed up two records
 * fails here. The run's audit seal (line digests hashed as the lines were written, not read back)
 * must equal the digests `audit verify` computes from the database. Every line's steps, read
 * back through `lineView` (what the basis page, the PDF and the exports show), give the very JSON
 * text of the steps the run computed, although known step shapes are stored as values only
 * (line-steps.ts, decision 0250).
 */
import fc from 'fast-check';
import { daytimeInvoiceBasis, SamverkanError, type DaytimeAssignment } from '@samverkan/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { digestsOf } from '../audit/object-digests.js';
import { effectiveAgreement } from '../reference/effective-agreement.js';
import { currentIndexSeries } from '../reference/index-values.js';
import { databaseTargets } from '../testing/databases.testkit.js';
import { startBillingRun } from './run-store.js';
import { billablePlan } from './run-plan.js';
import { parseBillingPeriod } from './periods.js';
import { lineView } from './basis-view.js';
import { LINES_PER_INSERT } from './line-insert.js';
import { insertRecords, openLedgerStore, userOf, type LedgerStore, type TestRecord } from './ledger.testkit.js';

const CODES = ['2380', '2309', '2321', '2326'] as const;

interface Assignment {
  readonly day: number;
  readonly start: string;
  readonly m: number;
  readonly toRegion: boolean;
  readonly intervention: number;
  readonly administration: number;
  readonly reporting: number;
  readonly travel: number;
  readonly travelCombinable: boolean;
  readonly storsjoglantan: boolean;
}

// Small domains, so that many records share every pricing input (what a shared computation would reuse).
const assignment: fc.Arbitrary<Assignment> = fc.record({
  day: fc.integer({ min: 1, max: 28 }),
  start: fc.constantFrom('07:30', '08:00', '09:00', '13:15', '16:45', '17:00', '21:00'),
  m: fc.nat(CODES.length - 1),
  toRegion: fc.boolean(),
  intervention: fc.constantFrom(1, 30, 59, 60, 61, 120, 185),
  administration: fc.constantFrom(0, 10),
  reporting: fc.constantFrom(0, 5),
  travel: fc.constantFrom(0, 20, 45),
  travelCombinable: fc.boolean(),
  storsjoglantan: fc.constantFrom(false, false, false, true),
});

function data(month: string, a: Assignment, i: number): DaytimeAssignment {
  const code = CODES[a.m] ?? '2380';
  const [lender, hirer] = a.toRegion ? [code, 'region'] : ['region', code];
  return {
    reference: `P-${String(i)}`,
    date: `${month}-${String(a.day).padStart(2, '0')}`,
    // Evenings and nights are only recorded for a municipality's nurse working for the region (the importer refuses others).
    start: a.toRegion || (a.start >= '08:00' && a.start < '17:00') ? a.start : '09:00',
    lender,
    hirer,
    minutes: {
      intervention: a.intervention,
      administration: a.administration,
      reporting: a.reporting,
      travel: a.travel,
      travelCombinable: a.travelCombinable,
    },
    storsjoglantan: a.storsjoglantan,
    registeredMunicipality: code,
  };
}

function record(d: DaytimeAssignment): TestRecord {
  const municipality = d.lender === 'region' ? d.hirer : d.lender;
  return { period: d.date.slice(0, 7), seller: d.lender, buyer: d.hirer, municipality, data: { ...d } };
}

for (const target of databaseTargets) {
  describe.skipIf(!target.available)(`${target.name}: every record of a run priced as if alone`, () => {
    let l: LedgerStore;
    let month = 0;
    beforeAll(async () => {
      l = await openLedgerStore(target);
    });
    afterAll(async () => {
      await l.close();
    });

    /** Import `list` as a month of its own, bill it, and compare each line with core's price of its record alone. */
    const check = async (list: readonly Assignment[]): Promise<void> => {
      // A month of its own each time, in the years the demo data has index values for.
      const period = `${String(2026 + Math.floor(month / 12))}-${String(1 + (month % 12)).padStart(2, '0')}`;
      month++;
      const assignments = list.map((a, i) => data(period, a, i));
      const ids = await insertRecords(l.store, 'daytime-assignments', assignments.map(record));
      const agreement = await effectiveAgreement(l.store.db, l.agreement);
      const index = await currentIndexSeries(l.store.db);
      const alone = assignments.map((a, i) => {
        const r = daytimeInvoiceBasis(agreement, { month: period, assignments: [{ ...a, key: ids[i] ?? '' }], index });
        return r.bases.flatMap((b) => b.lines);
      });
      const billable = alone.filter((lines) => lines.length > 0).length;
      // The steps the run will store, by billing key (computed as the run computes them).
      const plan = await billablePlan(l.store.db, l.agreement, 'dagtid', parseBillingPeriod('dagtid', period), {}, null);
      const planned = new Map(plan.bases.flatMap((b) => b.lines.map((x) => [x.billingKey, JSON.stringify(x.steps)] as const)));
      let run;
      try {
        run = await startBillingRun(l.store, l.agreement, userOf('region'), { flow: 'dagtid', period });
      } catch (e) {
        // Nothing billable at all (every record an evening or Storsjögläntan) is the one refusal expected.
        expect(billable).toBe(0);
        expect(e).toBeInstanceOf(SamverkanError);
        expect((e as SamverkanError).code).toBe('SAMV_ERR_NOTHING_TO_BILL');
        return;
      }
      const all = await l.store.db
        .selectFrom('invoice_lines')
        .innerJoin('invoice_bases', 'invoice_bases.id', 'invoice_lines.invoice_basis_id')
        .select([
          'invoice_lines.record_id',
          'invoice_lines.quantity',
          'invoice_lines.unit_price_ore',
          'invoice_lines.amount_ore',
          'invoice_lines.line_date',
          'invoice_lines.reference',
          'invoice_lines.billing_key',
          'invoice_bases.seller_code',
          'invoice_bases.buyer_code',
        ])
        .where('invoice_bases.billing_run_id', '=', run.run.id)
        .execute();
      // The demo data has records of some months too: they are billed alongside and not checked here.
      const mine = new Set(ids);
      const lines = all.filter((x) => x.record_id !== null && mine.has(x.record_id));
      expect(lines.length).toBe(billable);
      const byRecord = new Map(lines.map((x) => [x.record_id, x]));
      expect(byRecord.size).toBe(lines.length);
      ids.forEach((id, i) => {
        const expected = alone[i] ?? [];
        const line = byRecord.get(id);
        const a = assignments[i];
        if (expected.length === 0 || a === undefined) {
          expect(line, `record ${String(i)} is not billed`).toBeUndefined();
          return;
        }
        const [e] = expected;
        expect(expected.length).toBe(1);
        expect(line, `record ${String(i)} has its line`).toBeDefined();
        expect([line?.quantity, line?.unit_price_ore, line?.amount_ore, line?.line_date, line?.reference]).toEqual([
          String(e?.quantity),
          e?.unitPriceOre,
          e?.amountOre,
          a.date,
          a.reference,
        ]);
        expect([line?.seller_code, line?.buyer_code, line?.billing_key]).toEqual([a.lender, a.hirer, `record:${id}:${e?.category ?? ''}`]);
      });
      // Every stored line reads back with exactly the steps computed for it, in the compact form where one fits.
      const stored = await l.store.db
        .selectFrom('invoice_lines')
        .innerJoin('invoice_bases', 'invoice_bases.id', 'invoice_lines.invoice_basis_id')
        .selectAll('invoice_lines')
        .where('invoice_bases.billing_run_id', '=', run.run.id)
        .execute();
      expect(stored.length).toBe(planned.size);
      for (const row of stored) {
        expect(JSON.stringify(lineView(row).steps), `steps of ${String(row.billing_key)}`).toBe(planned.get(row.billing_key ?? ''));
        if (row.record_id !== null && mine.has(row.record_id)) expect(row.steps_json.startsWith('{"v":1,')).toBe(true);
      }
      const total = alone.flat().reduce((s, x) => s + x.amountOre, 0);
      expect(lines.reduce((s, x) => s + x.amount_ore, 0)).toBe(total);
      expect(run.invoiceBases.reduce((s, b) => s + b.totalOre, 0)).toBe(all.reduce((s, x) => s + x.amount_ore, 0));
      // The seal hashed the lines as written; audit verify reads them back: the same digests.
      const audit = await l.store.db
        .selectFrom('audit_log')
        .select('state_json')
        .where('entity', '=', 'billing_runs')
        .where('entity_id', '=', run.run.id)
        .executeTakeFirstOrThrow();
      const sealed = (JSON.parse(audit.state_json ?? '{}') as { invoice_bases?: Record<string, string | null> }).invoice_bases ?? {};
      expect(Object.keys(sealed).length).toBe(run.invoiceBases.length);
      expect(await digestsOf(l.store.db, 'invoice_bases', Object.keys(sealed))).toEqual(sealed);
    };

    it('mixed months: one line per billable record, at its own price', { timeout: 180_000 }, async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(assignment, { minLength: 1, maxLength: 40 }), async (list) => {
          await check(list);
        }),
        { numRuns: 12, endOnFailure: true },
      );
    });

    it('a month of more lines than one INSERT holds, many with the same inputs', { timeout: 180_000 }, async () => {
      // One pair (one basis) with more billable records than one INSERT holds: chunks end inside it.
      const list = fc.sample(
        assignment.map((a) => ({ ...a, m: 0, toRegion: false })),
        { numRuns: 3 * LINES_PER_INSERT + 7, seed: 11 },
      );
      await check(list);
    });
  });
}
