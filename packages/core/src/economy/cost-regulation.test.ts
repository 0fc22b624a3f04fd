import { describe, expect, it } from 'vitest';
import { caught, data } from './economy.testkit.js';
import { costRegulationInvoiceBasis, type CostRegulation } from './cost-regulation.js';

const reg: CostRegulation = {
  dispute: 'd-1',
  document: 'ORD',
  subject: 'Insats under utredning',
  clause: 'ORD.tvist',
  decidedOn: '2026-03-14',
  payer: 'region',
  payee: '2380',
  amountOre: 1234567,
};

describe('cost regulation after a dispute (ORD.tvist)', () => {
  it('one line payee → payer per dispute, quantity 1 at the amount, one basis per pair', () => {
    const r = costRegulationInvoiceBasis(data(), {
      month: '2026-03',
      regulations: [
        reg,
        { ...reg, dispute: 'd-2', amountOre: 100 },
        { ...reg, dispute: 'd-3', payer: '2380', payee: 'region', clause: 'SABO.tvist', document: 'SABO' },
      ],
    });
    expect(r.bases.map((b) => [b.seller.id, b.buyer.id, b.totalOre, b.lines.length])).toEqual([
      ['2380', 'region', 1234667, 2],
      ['region', '2380', 1234567, 1],
    ]);
    const line = r.bases[0]?.lines[0];
    expect(line).toMatchObject({
      quantity: 1,
      unit: 'lump-sum',
      unitPriceOre: 1234567,
      amountOre: 1234567,
      clause: 'ORD.tvist',
      reference: 'd-1',
      date: '2026-03-14',
    });
    expect(line?.description).toBe('Kostnadsreglering efter tvist ORD (Insats under utredning), beslut 2026-03-14, tvist-id d-1');
    expect(r.trace.clauses).toEqual(['ORD.tvist', 'SABO.tvist']);
    expect(r.trace.steps.map((s) => s.id)).toEqual([
      'tvist[0]:kostnadsreglering',
      'tvist[1]:kostnadsreglering',
      'tvist[2]:kostnadsreglering',
    ]);
  });

  it('refuses a zero amount, a decision outside the month, a non-Tvist clause and the same party on both sides', () => {
    const run = (r: CostRegulation) => costRegulationInvoiceBasis(data(), { month: '2026-03', regulations: [r] });
    expect(caught(() => run({ ...reg, amountOre: 0 })).location.field).toBe('tvist[0].belopp');
    expect(caught(() => run({ ...reg, decidedOn: '2026-04-01' })).location.field).toBe('tvist[0].beslutsdag');
    expect(caught(() => run({ ...reg, clause: 'ORD.ansvarsfordelning' })).location.field).toBe('tvist[0].klausul');
    expect(caught(() => run({ ...reg, payee: 'region' })).location.field).toBe('tvist[0].betalare');
  });
});
