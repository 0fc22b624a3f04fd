/**
 * The billing ledger on SQLite and PostgreSQL, through the service functions the routes call:
 * a record imported after its period's run is billed by a tilläggskörning and nowhere else; a
 * second run with nothing new answers with the latest run; a municipality economist's run holds
 * only their municipality's bases, and without any there is nothing to run; a credited record is
 * billed again exactly once, by the corrected draft; allocation pairs are billed once per period.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SamverkanError } from '@samverkan/core';
import { sql } from 'kysely';
import { databaseTargets } from '../testing/databases.testkit.js';
import { startBillingRun } from './run-store.js';
import { creditBasis, sendBasis } from './basis-actions.js';
import { unbilled } from './unbilled.js';
import { daytimeRecord, insertRecords, ombudRecord, openLedgerStore, userOf, type LedgerStore } from './ledger.testkit.js';

const region = userOf('region');
const admin = userOf('admin');
const ostersund = userOf({ municipality: '2380' });
const krokom = userOf({ municipality: '2309' });

async function refusal(p: Promise<unknown>): Promise<SamverkanError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof SamverkanError) return e;
    throw e;
  }
  throw new Error('expected a SamverkanError');
}

for (const target of databaseTargets) {
  describe.skipIf(!target.available)(`${target.name}: billing ledger`, () => {
    let l: LedgerStore;
    const approve = async (id: string): Promise<void> => {
      await l.store.db
        .updateTable('invoice_bases')
        .set({ status: 'approved', approved_by: 'user:test', approved_at: new Date().toISOString() })
        .where('id', '=', id)
        .execute();
    };
    /** Lines of non-credited bases, per record id. */
    const claims = async (recordIds: readonly string[]): Promise<Map<string, number>> => {
      const rows = await l.store.db
        .selectFrom('invoice_lines')
        .select(['record_id'])
        .where('record_id', 'in', [...recordIds])
        .where('billing_key', 'is not', null)
        .execute();
      const m = new Map<string, number>();
      for (const r of rows) if (r.record_id !== null) m.set(r.record_id, (m.get(r.record_id) ?? 0) + 1);
      return m;
    };

    beforeAll(async () => {
      l = await openLedgerStore(target);
    });
    afterAll(async () => {
      await l.close();
    });

    it('a record imported after its period’s run is billed by a tilläggskörning, and nowhere else', async () => {
      const first = await insertRecords(l.store, 'ombud-tasks', [
        ombudRecord('2026-05-04', '2380', 'syncentralen', 50),
        ombudRecord('2026-05-05', '2309', 'horcentralen', 70),
      ]);
      const run1 = await startBillingRun(l.store, l.agreement, region, { flow: 'synhorsel', period: '2026-05' });
      expect(run1).toMatchObject({
        created: true,
        note: null,
        run: { sequence: 1, supplementary: false, label: 'Körning 1', scope: null, scopeName: 'Hela länet' },
      });
      expect(run1.invoiceBases.map((b) => [b.seller.id, b.runLabel])).toEqual(
        expect.arrayContaining([
          ['2380', 'Körning 1'],
          ['2309', 'Körning 1'],
        ]),
      );
      expect((await unbilled(l.store.db, l.agreement, region, 'synhorsel', '2026-05')).periods).toEqual([
        { period: '2026-05', unbilledRecords: 0, records: [] },
      ]);

      // Krokom's export ran later: one more task of May, for a pair already billed.
      const [late] = await insertRecords(l.store, 'ombud-tasks', [ombudRecord('2026-05-20', '2309', 'horcentralen', 61)]);
      if (late === undefined) throw new Error('no id');
      const pending = await unbilled(l.store.db, l.agreement, region, 'synhorsel', undefined);
      // (January holds the demo data's tasks, not billed in this database.)
      expect(pending.periods).toEqual([
        { period: '2026-01', unbilledRecords: 5 },
        { period: '2026-05', unbilledRecords: 1 },
      ]);
      const listed = await unbilled(l.store.db, l.agreement, krokom, 'synhorsel', '2026-05');
      expect(listed.periods[0]?.records?.map((r) => [r.id, r.date])).toEqual([[late, '2026-05-20']]);
      expect((await unbilled(l.store.db, l.agreement, ostersund, 'synhorsel', '2026-05')).periods[0]?.unbilledRecords).toBe(0);

      const run2 = await startBillingRun(l.store, l.agreement, admin, { flow: 'synhorsel', period: '2026-05' });
      expect(run2).toMatchObject({ created: true, run: { sequence: 2, supplementary: true, label: 'Tilläggskörning 2' } });
      expect(run2.invoiceBases).toHaveLength(1);
      expect(run2.invoiceBases[0]).toMatchObject({
        seller: { id: '2309' },
        buyer: { id: 'region', unit: 'horcentralen' },
        runSequence: 2,
        runLabel: 'Tilläggskörning 2',
        totalOre: 2 * 34800,
      });
      const lines = await l.store.db
        .selectFrom('invoice_lines')
        .select(['record_id', 'invoice_basis_id'])
        .where('record_id', 'in', [late, ...first])
        .execute();
      expect(lines.filter((x) => x.record_id === late).map((x) => x.invoice_basis_id)).toEqual([run2.invoiceBases[0]?.id]);
      expect([...(await claims([late, ...first])).values()]).toEqual([1, 1, 1]);

      // Nothing new: the latest run, not an error, and no third run.
      const again = await startBillingRun(l.store, l.agreement, region, { flow: 'synhorsel', period: '2026-05' });
      expect(again.created).toBe(false);
      expect(again.run.id).toBe(run2.run.id);
      expect(again.note).toMatch(/^Inget nytt att fakturera för Syn- och hörselombud 2026-05: .*Tilläggskörning 2/);
      const runs = await l.store.db
        .selectFrom('billing_runs')
        .select('sequence')
        .where('flow', '=', 'synhorsel')
        .where('period', '=', '2026-05')
        .orderBy('sequence')
        .execute();
      expect(runs.map((r) => r.sequence)).toEqual([1, 2]);
    });

    it('two simultaneous identical runs give one run; the other answers with it', async () => {
      await insertRecords(l.store, 'ombud-tasks', [
        ombudRecord('2026-06-02', '2380', 'syncentralen', 30),
        ombudRecord('2026-06-03', '2321', 'syncentralen', 30),
      ]);
      const [a, b] = await Promise.all([
        startBillingRun(l.store, l.agreement, region, { flow: 'synhorsel', period: '2026-06' }),
        startBillingRun(l.store, l.agreement, admin, { flow: 'synhorsel', period: '2026-06' }),
      ]);
      expect([a.created, b.created].sort()).toEqual([false, true]);
      expect(a.run.id).toBe(b.run.id);
      const stored = await l.store.db
        .selectFrom('billing_runs')
        .select('id')
        .where('flow', '=', 'synhorsel')
        .where('period', '=', '2026-06')
        .execute();
      expect(stored).toHaveLength(1);
    });

    it('a municipality economist runs only their municipality’s bases; with none there is nothing to run', async () => {
      await insertRecords(l.store, 'daytime-assignments', [
        daytimeRecord('2026-07-06', '2380', 'region', 61),
        daytimeRecord('2026-07-07', 'region', '2380', 30),
        daytimeRecord('2026-07-08', '2321', 'region', 30),
      ]);
      const none = await refusal(startBillingRun(l.store, l.agreement, krokom, { flow: 'dagtid', period: '2026-07' }));
      expect(none.code).toBe('SAMV_ERR_NOTHING_TO_BILL');
      expect(none.httpStatus).toBe(422);
      expect(none.message).toContain('där Krokom är säljare eller köpare');
      expect(
        await l.store.db.selectFrom('billing_runs').select('id').where('flow', '=', 'dagtid').where('period', '=', '2026-07').execute(),
      ).toEqual([]);
      const other = await refusal(startBillingRun(l.store, l.agreement, krokom, { flow: 'dagtid', period: '2026-07', scope: '2380' }));
      expect(other.code).toBe('SAMV_ERR_FORBIDDEN');

      const own = await startBillingRun(l.store, l.agreement, ostersund, { flow: 'dagtid', period: '2026-07' });
      expect(own.run).toMatchObject({ sequence: 1, scope: '2380', scopeName: 'Östersund' });
      const stored = await l.store.db
        .selectFrom('invoice_bases')
        .select(['seller_code', 'buyer_code'])
        .where('billing_run_id', '=', own.run.id)
        .execute();
      expect(stored.map((b) => `${b.seller_code}→${b.buyer_code}`).sort()).toEqual(['2380→region', 'region→2380']);

      // The region's county-wide run then bills what is left (Strömsund's), as Tilläggskörning 2.
      const rest = await startBillingRun(l.store, l.agreement, region, { flow: 'dagtid', period: '2026-07' });
      expect(rest.run).toMatchObject({ sequence: 2, scope: null });
      expect(rest.invoiceBases.map((b) => `${b.seller.id}→${b.buyer.id}`)).toEqual(['2321→region']);
      // Östersund asking again: nothing new where Östersund is a party; the answer is its own run.
      const again = await startBillingRun(l.store, l.agreement, ostersund, { flow: 'dagtid', period: '2026-07' });
      expect(again).toMatchObject({ created: false, run: { id: own.run.id } });
      expect(again.note).toContain('där Östersund är part');
    });

    it('a credited record is billed again exactly once, by the corrected draft; the credited basis is never sent', async () => {
      const ids = await insertRecords(l.store, 'ombud-tasks', [
        ombudRecord('2026-08-03', '2361', 'syncentralen', 50),
        ombudRecord('2026-08-04', '2361', 'syncentralen', 70),
      ]);
      const run = await startBillingRun(l.store, l.agreement, region, { flow: 'synhorsel', period: '2026-08' });
      const basis = run.invoiceBases[0];
      if (basis === undefined) throw new Error('no basis');
      await approve(basis.id);
      await l.store.db
        .updateTable('invoice_bases')
        .set({ status: 'sent', sent_at: new Date().toISOString() })
        .where('id', '=', basis.id)
        .execute();
      const noReason = await refusal(creditBasis(l.store, l.agreement, admin, basis.id, {}));
      expect(noReason.code).toBe('SAMV_ERR_INVALID_INPUT');
      expect(noReason.location.field).toBe('reason');
      expect(noReason.message).toMatch(/^reason: /);

      const { credited, creditNote, replacement } = await creditBasis(l.store, l.agreement, admin, basis.id, {
        reason: 'Fel timpris i underlaget',
      });
      expect(credited).toMatchObject({ status: 'credited', creditReason: 'Fel timpris i underlaget', creditedBy: creditNote.id });
      expect(credited.sentAt).not.toBeNull();
      expect(credited.creditedAt).not.toBeNull();
      expect(creditNote).toMatchObject({ creditOf: basis.id, creditReason: 'Fel timpris i underlaget', totalOre: -basis.totalOre });
      expect(replacement).toMatchObject({ replaces: basis.id, status: 'draft', totalOre: basis.totalOre });
      const claimed = await l.store.db
        .selectFrom('invoice_lines')
        .select(['record_id', 'invoice_basis_id'])
        .where('record_id', 'in', ids)
        .where('billing_key', 'is not', null)
        .execute();
      expect(claimed.map((c) => c.invoice_basis_id)).toEqual([replacement?.id, replacement?.id]);
      expect([...(await claims(ids)).values()]).toEqual([1, 1]);
      // No run bills them a second time.
      const after = await startBillingRun(l.store, l.agreement, region, { flow: 'synhorsel', period: '2026-08' });
      expect(after.created).toBe(false);
      const sent = await refusal(sendBasis(l.store, l.agreement, admin, basis.id));
      expect(sent.code).toBe('SAMV_ERR_CONFLICT');
      expect(sent.message).toContain('krediterat och kan inte markeras som skickat');
      const audit = await l.store.db
        .selectFrom('audit_log')
        .select(['action', 'after_json'])
        .where('entity', '=', 'invoice_bases')
        .where('entity_id', '=', basis.id)
        .where('action', '=', 'credit')
        .execute();
      expect(audit.map((a) => (JSON.parse(a.after_json ?? '{}') as { reason?: string }).reason)).toEqual(['Fel timpris i underlaget']);
    });

    it('an allocation flow bills each pair once per period; a second run points to crediting', async () => {
      expect(await unbilled(l.store.db, l.agreement, region, 'tillaggsbelopp', undefined)).toEqual({
        flow: 'tillaggsbelopp',
        counts: 'pairs',
        periods: [{ period: '2026', unbilledRecords: 8 }],
      });
      expect((await unbilled(l.store.db, l.agreement, krokom, 'tillaggsbelopp', undefined)).periods).toEqual([
        { period: '2026', unbilledRecords: 1 },
      ]);
      expect((await unbilled(l.store.db, l.agreement, region, 'mt-fixed', undefined)).periods).toEqual([
        { period: '2026-H1', unbilledRecords: 8 },
      ]);
      const first = await startBillingRun(l.store, l.agreement, region, { flow: 'tillaggsbelopp', period: '2026' });
      expect(first.created).toBe(true);
      expect(first.invoiceBases).toHaveLength(8);
      const second = await startBillingRun(l.store, l.agreement, region, { flow: 'tillaggsbelopp', period: '2026' });
      expect(second).toMatchObject({ created: false, run: { id: first.run.id } });
      expect(second.note).toContain('rättas genom kreditering');
      const keys = await l.store.db
        .selectFrom('invoice_lines')
        .select('billing_key')
        .where(sql<boolean>`billing_key like ${'alloc:tillaggsbelopp:2026:%'}`)
        .execute();
      expect(keys).toHaveLength(8);
      expect((await unbilled(l.store.db, l.agreement, region, 'tillaggsbelopp', undefined)).periods).toEqual([]);
    });
  });
}
