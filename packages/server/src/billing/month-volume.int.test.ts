/**
 * A month of 20 000 records through every record flow gets its bases, with no refusal: the
 * records' import row ids go to core as system keys, never screened for personnummer (about
 * 0,09 % of random UUIDs look like one, so such a month used to fail almost always). Some ids
 * here are crafted to look like a personnummer, so the test fails on the old behaviour every
 * time, not by chance. Every record ends up on the lines of exactly one basis.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { containsPersonnummer } from '@samverkan/core';
import { sqliteTarget, postgresTarget } from '../testing/databases.testkit.js';
import { startBillingRun } from './run-store.js';
import {
  daytimeRecord,
  inpatientRecord,
  insertRecords,
  ombudRecord,
  openLedgerStore,
  userOf,
  workOrderRecord,
  type LedgerStore,
  type TestRecord,
} from './ledger.testkit.js';

const N = 20_000;
const CODES = ['2326', '2305', '2361', '2309', '2303', '2313', '2321', '2380'] as const;

/** Record ids: every 1 000th one a valid UUID whose last group reads as a personnummer. */
function ids(salt: number): string[] {
  const crafted = (k: number): string =>
    `3f2a9c1${String(salt)}-7b4d-4e8a-9c3b-1985${String(1 + (k % 12)).padStart(2, '0')}${String(1 + k).padStart(2, '0')}1234`;
  return Array.from({ length: N }, (_v, i) => (i % 1000 === 0 ? crafted(i / 1000) : randomUUID()));
}

const day = (i: number): string => `2026-09-${String(1 + (i % 28)).padStart(2, '0')}`;
const code = (i: number): string => CODES[i % CODES.length] ?? '2380';

const flows: readonly { flow: string; kind: string; record: (i: number, id: string) => TestRecord }[] = [
  {
    flow: 'dagtid',
    kind: 'daytime-assignments',
    record: (i, id) =>
      i % 2 === 0
        ? daytimeRecord(day(i), code(i), 'region', 30 + (i % 90), id)
        : daytimeRecord(day(i), 'region', code(i), 30 + (i % 90), id),
  },
  {
    flow: 'synhorsel',
    kind: 'ombud-tasks',
    record: (i, id) => ombudRecord(day(i), code(i), i % 3 === 0 ? 'horcentralen' : 'syncentralen', 20 + (i % 100), id),
  },
  {
    flow: 'mt-variable',
    kind: 'mt-work-orders',
    record: (i, id) => workOrderRecord(day(i), code(i), 15 + (i % 120), i % 4 === 0 ? 12500 : 0, 0, id),
  },
  { flow: 'inpatient-staff', kind: 'inpatient-staff', record: (i, id) => inpatientRecord(day(i), code(i), 10000 + i, id) },
];

for (const target of [sqliteTarget, postgresTarget]) {
  describe.skipIf(!target.available)(`${target.name}: a month of ${String(N)} records per flow`, () => {
    let l: LedgerStore;
    beforeAll(async () => {
      l = await openLedgerStore(target);
    });
    afterAll(async () => {
      await l.close();
    });

    for (const [salt, f] of flows.entries()) {
      it(`${f.flow}: every record billed once, no personnummer refusal`, { timeout: 120_000 }, async () => {
        const recordIds = ids(salt);
        expect(recordIds.filter((id) => containsPersonnummer(id)).length).toBeGreaterThanOrEqual(N / 1000);
        await insertRecords(
          l.store,
          f.kind,
          recordIds.map((id, i) => f.record(i, id)),
        );
        const run = await startBillingRun(l.store, l.agreement, userOf('region'), { flow: f.flow, period: '2026-09' });
        expect(run.created).toBe(true);
        expect(run.invoiceBases.length).toBeGreaterThan(0);
        const claimed = await l.store.db
          .selectFrom('invoice_lines')
          .innerJoin('invoice_bases', 'invoice_bases.id', 'invoice_lines.invoice_basis_id')
          .select(['invoice_lines.record_id', 'invoice_lines.amount_ore'])
          .where('invoice_bases.billing_run_id', '=', run.run.id)
          .execute();
        expect(new Set(claimed.map((c) => c.record_id)).size).toBe(N);
        const total = run.invoiceBases.reduce((s, b) => s + b.totalOre, 0);
        expect(claimed.reduce((s, c) => s + c.amount_ore, 0)).toBe(total);
      });
    }
  });
}
