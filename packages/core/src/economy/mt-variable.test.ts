import { describe, expect, it } from 'vitest';
import { caught, data, exampleIndex } from './economy.testkit.js';
import { mtVariableInvoiceBasis, type MtWorkOrder } from './mt-variable.js';

const order: MtWorkOrder = {
  date: '2026-02-10',
  municipality: 'Bräcke',
  minutes: 37,
  travelOre: 45000,
  consumablesOre: 12050,
  sparePartsOre: 89900,
  reference: 'AO-2026-114',
};

describe('flow 3: MT variable part (MT.bilaga-1-rorlig-del)', () => {
  it('I7 actual-minutes: 37 min pro rata at 1 156 kr/h = 712,87 kr, plus travel, consumables and spare parts', () => {
    const r = mtVariableInvoiceBasis(data(), { month: '2026-02', orders: [order], index: exampleIndex });
    expect(r.incrementMinutes).toBe(1);
    const b = r.bases[0]!;
    expect(b.buyer).toEqual({ id: '2305', name: 'Bräcke', kind: 'kommun' });
    expect(b.seller).toMatchObject({ id: 'region', unit: 'MT' });
    expect(b.lines.map((l) => [l.category, l.quantity, l.unit, l.unitPriceOre, l.baseQuantity, l.amountOre])).toEqual([
      ['mt-rorlig-arbete', 37, 'minute', 115600, 60, 71287],
      ['mt-rorlig-resa', 1, 'lump-sum', 45000, 1, 45000],
      ['mt-rorlig-forbrukningsmaterial', 1, 'lump-sum', 12050, 1, 12050],
      ['mt-rorlig-reservdelar', 1, 'lump-sum', 89900, 1, 89900],
    ]);
    expect(b.totalOre).toBe(71287 + 45000 + 12050 + 89900);
    expect(r.trace.interpretations).toContainEqual({ id: 'I7', option: 'actual-minutes' });
  });

  it('I7 quarter-hour: 37 min bill as 45 min = 867,00 kr', () => {
    const r = mtVariableInvoiceBasis(data(), {
      month: '2026-02',
      orders: [{ ...order, travelOre: 0, consumablesOre: 0, sparePartsOre: 0 }],
      index: exampleIndex,
      choices: { I7: 'quarter-hour' },
    });
    expect(r.incrementMinutes).toBe(15);
    expect(r.bases[0]!.lines).toHaveLength(1);
    expect(r.bases[0]!.lines[0]).toMatchObject({ quantity: 45, amountOre: 86700 });
    expect(r.trace.interpretations).toContainEqual({ id: 'I7', option: 'quarter-hour' });
  });

  it('invoices each ordering municipality separately and refuses negative costs and unknown options', () => {
    const r = mtVariableInvoiceBasis(data(), {
      month: '2026-02',
      orders: [order, { ...order, municipality: '2361' }, { ...order, minutes: 60 }],
      index: exampleIndex,
    });
    expect(r.bases.map((b) => [b.buyer.name, b.lines.length])).toEqual([
      ['Bräcke', 8],
      ['Härjedalen', 4],
    ]);
    expect(
      caught(() => mtVariableInvoiceBasis(data(), { month: '2026-02', orders: [{ ...order, travelOre: -1 }], index: exampleIndex }))
        .location.field,
    ).toBe('uppdrag[0].resekostnad');
    expect(
      caught(() => mtVariableInvoiceBasis(data(), { month: '2026-02', orders: [], index: exampleIndex, choices: { I7: 'half-hour' } }))
        .message,
    ).toContain('actual-minutes, quarter-hour');
  });
});
