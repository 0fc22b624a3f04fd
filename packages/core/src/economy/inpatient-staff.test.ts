import { describe, expect, it } from 'vitest';
import { caught, data } from './economy.testkit.js';
import { inpatientStaffInvoiceBasis, type InpatientCost } from './inpatient-staff.js';

const cost: InpatientCost = {
  municipality: 'Ragunda',
  document: 'ORD',
  agreementReference: 'Överenskommelse avd 12 / Ragunda hemtjänst 2026-03-02',
  date: '2026-03-03',
  kind: 'salary',
  amountOre: 1845000,
};

describe('flow 4: municipal staff in inpatient care', () => {
  it('municipality invoices the region the actual salary, travel and travel-time amounts, with the written agreement reference', () => {
    const r = inpatientStaffInvoiceBasis(data(), {
      month: '2026-03',
      costs: [cost, { ...cost, kind: 'travel', amountOre: 32000 }, { ...cost, kind: 'travel-time', amountOre: 41050, document: 'SABO' }],
    });
    const b = r.bases[0]!;
    expect(b.seller).toEqual({ id: '2303', name: 'Ragunda', kind: 'kommun' });
    expect(b.buyer.id).toBe('region');
    expect(b.lines.map((l) => [l.category, l.amountOre, l.clause, l.reference])).toEqual([
      ['sluten-vard-salary', 1845000, 'ORD.nar-kommunens-personal-deltar-i-sluten-vard', cost.agreementReference],
      ['sluten-vard-travel', 32000, 'ORD.nar-kommunens-personal-deltar-i-sluten-vard', cost.agreementReference],
      ['sluten-vard-travel-time', 41050, 'SABO.nar-kommunens-personal-deltar-i-sluten-vard', cost.agreementReference],
    ]);
    expect(b.totalOre).toBe(1845000 + 32000 + 41050);
    expect(r.trace.clauses).toEqual([
      'ORD.nar-kommunens-personal-deltar-i-sluten-vard',
      'SABO.nar-kommunens-personal-deltar-i-sluten-vard',
    ]);
  });

  it('requires the agreement reference and refuses negative or fractional amounts and personnummer', () => {
    const run = (c: InpatientCost) => inpatientStaffInvoiceBasis(data(), { month: '2026-03', costs: [c] });
    expect(caught(() => run({ ...cost, agreementReference: ' ' })).location.field).toBe('kostnad[0].overenskommelse');
    expect(caught(() => run({ ...cost, amountOre: -5 })).location.field).toBe('kostnad[0].belopp');
    expect(caught(() => run({ ...cost, amountOre: 10.5 })).code).toBe('SAMV_ERR_NOT_INTEGER_ORE');
    const pnr = ['20', '010101', '1234'].join('');
    expect(caught(() => run({ ...cost, agreementReference: `avser ${pnr}` })).code).toBe('SAMV_ERR_PERSONNUMMER');
  });
});
