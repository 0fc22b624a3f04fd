/**
 * The lock triggers of migration 0006, by raw SQL on SQLite and PostgreSQL: every way of changing
 * an approved, sent or credited basis or its lines behind the service's back is refused, and
 * nothing changed; the few changes the service makes (approved → sent, → credited with a reason,
 * releasing a credited basis's billing keys) still pass. Also: a basis is inserted only as a
 * draft and approved only when its total is the sum of its lines.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type RawBuilder } from 'kysely';
import { ore, TraceBuilder, type Agreement, type CalculationStep } from '@samverkan/core';
import { databaseTargets } from '../testing/databases.testkit.js';
import { insertBasis, type NewBasis } from './basis-store.js';
import { openLedgerStore, type LedgerStore } from './ledger.testkit.js';

const steps: CalculationStep[] = [{ id: 's', description: 'test', inputs: {}, result: ore(100), unit: 'öre' }];

function basis(agreement: Agreement, period: string, keys: readonly string[]): NewBasis {
  return {
    runId: null,
    flow: 'synhorsel',
    period,
    seller: { code: '2380', unit: null },
    buyer: { code: 'region', unit: 'syncentralen' },
    totalOre: 100 * keys.length,
    trace: new TraceBuilder(agreement).step(...steps).build(),
    inputs: null,
    creditOf: null,
    replacesId: null,
    demo: false,
    createdAt: '2026-01-01T00:00:00.000Z',
    lines: keys.map((k) => ({
      description: 'rad',
      quantity: '1',
      unit: 'started-hour',
      unitPriceOre: 100,
      amountOre: 100,
      baseQuantity: 1,
      category: 'c',
      clause: null,
      date: null,
      reference: null,
      creditsLineId: null,
      steps,
      billingKey: k,
      recordId: `rec-${k}`,
    })),
  };
}

for (const target of databaseTargets) {
  describe.skipIf(!target.available)(`${target.name}: locked invoice bases`, () => {
    let l: LedgerStore;
    let n = 0;
    const ids = { draft: '', approved: '', sent: '', credited: '' };
    const lineOf = { draft: '', approved: '', sent: '', credited: '' };

    const exec = (q: RawBuilder<unknown>) => q.execute(l.store.db);
    const snapshot = async (): Promise<string> => {
      const bases = await l.store.db.selectFrom('invoice_bases').selectAll().orderBy('id').execute();
      const lines = await l.store.db.selectFrom('invoice_lines').selectAll().orderBy('id').execute();
      return JSON.stringify({ bases, lines });
    };
    const make = async (status: 'draft' | 'approved' | 'sent' | 'credited'): Promise<{ id: string; line: string }> => {
      n += 1;
      const id = await l.store.transaction((trx) =>
        insertBasis(trx, basis(l.agreement, `2031-${String(n).padStart(2, '0')}`, [`k${String(n)}a`, `k${String(n)}b`])),
      );
      if (status !== 'draft')
        await exec(sql`update invoice_bases set status = 'approved', approved_by = 'user:t', approved_at = 'x' where id = ${id}`);
      if (status === 'sent' || status === 'credited')
        await exec(sql`update invoice_bases set status = 'sent', sent_at = 'x' where id = ${id}`);
      if (status === 'credited')
        await exec(sql`update invoice_bases set status = 'credited', credited_at = 'x', credit_reason = 'Fel pris' where id = ${id}`);
      const line = await l.store.db
        .selectFrom('invoice_lines')
        .select('id')
        .where('invoice_basis_id', '=', id)
        .orderBy('line_no')
        .executeTakeFirstOrThrow();
      return { id, line: line.id };
    };

    beforeAll(async () => {
      l = await openLedgerStore(target);
      for (const s of ['draft', 'approved', 'sent', 'credited'] as const) {
        const m = await make(s);
        ids[s] = m.id;
        lineOf[s] = m.line;
      }
    });
    afterAll(async () => {
      await l.close();
    });

    type Tamper = readonly [string, () => RawBuilder<unknown>];
    const locked = ['approved', 'sent', 'credited'] as const;
    const tampering = (s: (typeof locked)[number]): Tamper[] => [
      [
        'move a draft line into it',
        () => sql`update invoice_lines set invoice_basis_id = ${ids[s]}, line_no = 90 where id = ${lineOf.draft}`,
      ],
      [
        'move its line out to a draft',
        () => sql`update invoice_lines set invoice_basis_id = ${ids.draft}, line_no = 91 where id = ${lineOf[s]}`,
      ],
      ['change a line amount', () => sql`update invoice_lines set amount_ore = 1 where id = ${lineOf[s]}`],
      ['change a line quantity', () => sql`update invoice_lines set quantity = '9' where id = ${lineOf[s]}`],
      ['change a unit price', () => sql`update invoice_lines set unit_price_ore = 1 where id = ${lineOf[s]}`],
      ['change a base quantity', () => sql`update invoice_lines set base_quantity = 60 where id = ${lineOf[s]}`],
      ['change a description', () => sql`update invoice_lines set description = 'annat' where id = ${lineOf[s]}`],
      ['change a line id', () => sql`update invoice_lines set id = 'ny-rad' where id = ${lineOf[s]}`],
      ['set a billing key', () => sql`update invoice_lines set billing_key = 'stulen' where id = ${lineOf[s]}`],
      ['delete a line', () => sql`delete from invoice_lines where id = ${lineOf[s]}`],
      [
        'insert a line',
        () =>
          sql`insert into invoice_lines (id, invoice_basis_id, line_no, description, quantity, unit, unit_price_ore, amount_ore, steps_json) values ('extra', ${ids[s]}, 99, 'x', '1', 'piece', 1, 1, '[]')`,
      ],
      ['change the id', () => sql`update invoice_bases set id = 'nytt-id' where id = ${ids[s]}`],
      ['change the total', () => sql`update invoice_bases set total_ore = 1 where id = ${ids[s]}`],
      ['change the seller', () => sql`update invoice_bases set seller_code = '2309' where id = ${ids[s]}`],
      ['change the buyer', () => sql`update invoice_bases set buyer_code = '2309' where id = ${ids[s]}`],
      ['change the period', () => sql`update invoice_bases set period = '2099-01' where id = ${ids[s]}`],
      ['change the flow', () => sql`update invoice_bases set flow = 'dagtid' where id = ${ids[s]}`],
      ['change the note', () => sql`update invoice_bases set note = 'x' where id = ${ids[s]}`],
      ['go back to draft', () => sql`update invoice_bases set status = 'draft' where id = ${ids[s]}`],
      ['delete the basis', () => sql`delete from invoice_bases where id = ${ids[s]}`],
    ];
    const transitions: Tamper[] = [
      ['release an approved basis’s keys', () => sql`update invoice_lines set billing_key = null where id = ${lineOf.approved}`],
      ['release a sent basis’s keys', () => sql`update invoice_lines set billing_key = null where id = ${lineOf.sent}`],
      [
        'release a key and change the amount',
        () => sql`update invoice_lines set billing_key = null, amount_ore = 5 where id = ${lineOf.credited}`,
      ],
      ['sent → approved', () => sql`update invoice_bases set status = 'approved' where id = ${ids.sent}`],
      ['credited → sent', () => sql`update invoice_bases set status = 'sent' where id = ${ids.credited}`],
      ['credited → approved', () => sql`update invoice_bases set status = 'approved' where id = ${ids.credited}`],
      ['credit without a reason', () => sql`update invoice_bases set status = 'credited', credited_at = 'x' where id = ${ids.approved}`],
      [
        'credit a draft',
        () => sql`update invoice_bases set status = 'credited', credited_at = 'x', credit_reason = 'Fel pris' where id = ${ids.draft}`,
      ],
      ['send a draft', () => sql`update invoice_bases set status = 'sent', sent_at = 'x' where id = ${ids.draft}`],
      ['change sent_at of a sent basis', () => sql`update invoice_bases set sent_at = 'y' where id = ${ids.sent}`],
      [
        'clear sent_at when crediting',
        () =>
          sql`update invoice_bases set status = 'credited', credited_at = 'x', credit_reason = 'Fel pris', sent_at = null where id = ${ids.sent}`,
      ],
      ['change a credit reason', () => sql`update invoice_bases set credit_reason = 'Annat skäl' where id = ${ids.credited}`],
      ['an unknown status', () => sql`update invoice_bases set status = 'paid' where id = ${ids.approved}`],
      [
        'insert a basis as approved',
        () =>
          sql`insert into invoice_bases (id, flow, period, seller_code, buyer_code, status, total_ore, trace_json, created_at) values ('direkt', 'synhorsel', '2031-12', '2380', 'region', 'approved', 0, '{}', 'x')`,
      ],
    ];

    const cases = [
      ...locked.flatMap((s) => tampering(s).map(([name, q]) => [`${s}: ${name}`, q] as const)),
      ...transitions.map(([name, q]) => [name, q] as const),
    ];
    it.each(cases)('refuses: %s (and nothing changes)', async (_name, q) => {
      const before = await snapshot();
      await expect(exec(q())).rejects.toThrow(/SAMV_LOCKED/);
      expect(await snapshot()).toBe(before);
    });

    it('refuses approving a draft whose total is not the sum of its lines', async () => {
      const { id, line } = await make('draft');
      await exec(sql`update invoice_lines set amount_ore = 7 where id = ${line}`);
      await expect(exec(sql`update invoice_bases set status = 'approved', approved_at = 'x' where id = ${id}`)).rejects.toThrow(
        /SAMV_LOCKED/,
      );
    });

    it('lets the service’s own changes pass: approve, send, credit with a reason, release the credited keys', async () => {
      const { id } = await make('draft');
      await exec(sql`update invoice_bases set status = 'approved', approved_by = 'user:t', approved_at = 'x' where id = ${id}`);
      await exec(sql`update invoice_bases set status = 'sent', sent_at = 'x' where id = ${id}`);
      await exec(sql`update invoice_bases set status = 'credited', credited_at = 'y', credit_reason = 'Fel pris' where id = ${id}`);
      await exec(sql`update invoice_lines set billing_key = null where invoice_basis_id = ${id}`);
      const row = await l.store.db
        .selectFrom('invoice_bases')
        .select(['status', 'sent_at', 'credit_reason'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      expect(row).toEqual({ status: 'credited', sent_at: 'x', credit_reason: 'Fel pris' });
      const keys = await l.store.db.selectFrom('invoice_lines').select('billing_key').where('invoice_basis_id', '=', id).execute();
      expect(keys.map((k) => k.billing_key)).toEqual([null, null]);
      // A draft stays editable, and a draft line may move between drafts.
      const other = await make('draft');
      await exec(sql`update invoice_lines set description = 'ändrad' where id = ${other.line}`);
    });

    it('a billing key is claimed by one line only while its basis is not credited', async () => {
      await expect(l.store.transaction((trx) => insertBasis(trx, basis(l.agreement, '2032-01', ['k1a'])))).rejects.toThrow();
      const released = await l.store.db
        .selectFrom('invoice_lines')
        .select('billing_key')
        .where('invoice_basis_id', '=', ids.credited)
        .execute();
      expect(released.every((r) => r.billing_key !== null)).toBe(true);
      await exec(sql`update invoice_lines set billing_key = null where invoice_basis_id = ${ids.credited}`);
      const key = `k${String(4)}a`;
      await l.store.transaction((trx) => insertBasis(trx, basis(l.agreement, '2032-02', [key])));
    });
  });
}
