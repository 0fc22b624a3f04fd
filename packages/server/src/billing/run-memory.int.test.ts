/**
 * Billing runs give their memory back: five months billed one after the other on one store, with
 * the heap measured after a full collection following each run; every figure must be within a tolerance of the one after the first run. A run that
 * kept its records, drafts or answer reachable (a cache, a listener, a closure) grows the heap by
 * megabytes per run and fails here. Speed is measured in bench/billing, not here.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseTargets } from '../testing/databases.testkit.js';
import { startBillingRun } from './run-store.js';
import { daytimeRecord, insertRecords, openLedgerStore, userOf, type LedgerStore } from './ledger.testkit.js';

const N = 4_000;
const MONTHS = ['2027-01', '2027-02', '2027-03', '2027-04', '2027-05', '2027-06'] as const;
/** A month of N records, its drafts and answer are several MiB live: a run kept reachable shows above this after five runs. */
const TOLERANCE_MIB = 8;
const CODES = ['2326', '2305', '2361', '2309', '2303', '2313', '2321', '2380'] as const;

/** A full collection, also when the worker was not started with --expose-gc. */
function gcFunction(): () => void {
  const existing = (globalThis as { gc?: () => void }).gc;
  if (existing) return existing;
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

function heapMiB(gc: () => void): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed / 2 ** 20;
}

for (const target of databaseTargets) {
  describe.skipIf(!target.available)(`${target.name}: billing runs return their memory`, () => {
    let l: LedgerStore;
    beforeAll(async () => {
      l = await openLedgerStore(target);
      for (const m of MONTHS) {
        await insertRecords(
          l.store,
          'daytime-assignments',
          Array.from({ length: N }, (_v, i) => {
            const code = CODES[i % CODES.length] ?? '2380';
            const day = `${m}-${String(1 + (i % 28)).padStart(2, '0')}`;
            return i % 2 === 0 ? daytimeRecord(day, code, 'region', 30 + (i % 90)) : daytimeRecord(day, 'region', code, 30 + (i % 90));
          }),
        );
      }
    }, 120_000);
    afterAll(async () => {
      await l.close();
    });

    it('five runs leave the heap where the first run left it', { timeout: 180_000 }, async () => {
      const gc = gcFunction();
      const region = userOf('region');
      const [first, ...rest] = MONTHS;
      // The first run loads code and fills the statement and agreement caches: the baseline is after it.
      const warm = await startBillingRun(l.store, l.agreement, region, { flow: 'dagtid', period: first });
      expect(warm.created).toBe(true);
      const baseline = heapMiB(gc);
      const after: number[] = [];
      for (const m of rest) {
        const run = await startBillingRun(l.store, l.agreement, region, { flow: 'dagtid', period: m });
        expect(run.created).toBe(true);
        expect(run.invoiceBases.length).toBeGreaterThan(0);
        // The answer summarises: no lines, steps or trace in it.
        expect(run.invoiceBases.every((b) => !('lines' in b) && !('trace' in b))).toBe(true);
        after.push(heapMiB(gc));
      }
      const growth = after.map((h) => h - baseline);
      expect(
        Math.max(...growth),
        `heap after each run minus the baseline (${baseline.toFixed(1)} MiB): ${growth.map((g) => g.toFixed(1)).join(', ')} MiB`,
      ).toBeLessThan(TOLERANCE_MIB);
    });
  });
}
