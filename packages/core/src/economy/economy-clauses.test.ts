import { describe, expect, it } from 'vitest';
import { shippedAgreement } from '../agreement/shipped-agreement.testkit.js';
import { EMPTY_INDEX_SERIES } from '../indexation/index-series.js';
import type { Trace } from '../trace.js';
import { parseAllocationKey } from './allocation-key-file.js';
import { daytimeInvoiceBasis } from './daytime-assignments.js';
import { developmentFinancing, developmentFollowUp } from './development-funds.js';
import { data, exampleIndex, exampleKeyText } from './economy.testkit.js';
import { inpatientStaffInvoiceBasis } from './inpatient-staff.js';
import type { InvoiceBasis } from './invoice-line.js';
import { mtFixedInvoice } from './mt-fixed.js';
import { mtVariableInvoiceBasis } from './mt-variable.js';
import { normalVariation } from './normal-variation.js';
import { priceQuote } from './price-quote.js';
import { reconcileTillaggsbelopp } from './tillaggsbelopp-reconciliation.js';
import { ombudInvoiceBasis } from './vision-hearing-ombud.js';

function cited(t: Trace, bases: readonly InvoiceBasis[] = []): string[] {
  return [
    ...t.clauses,
    ...t.parameters.map((p) => p.clause),
    ...t.steps.flatMap((s) => s.clauses ?? []),
    ...bases.flatMap((b) => b.lines.map((l) => l.clause)),
  ];
}

describe('every clause an economy result cites exists in the agreement data', () => {
  it('holds for all six flows, the price quote and the normal variation', () => {
    const d = data();
    const m = (intervention: number) => ({ intervention, administration: 0, reporting: 0, travel: 0, travelCombinable: true });
    const key = parseAllocationKey(exampleKeyText(), 'k.yaml', d.municipalities);
    const day = daytimeInvoiceBasis(d, {
      month: '2026-03',
      index: exampleIndex,
      assignments: [
        {
          date: '2026-03-02',
          start: '09:00',
          minutes: m(30),
          lender: 'Berg',
          hirer: 'region',
          storsjoglantan: false,
          registeredMunicipality: null,
          homeRegion: 'Region Dalarna',
        },
        {
          date: '2026-03-02',
          start: '22:00',
          minutes: m(30),
          lender: 'Berg',
          hirer: 'region',
          storsjoglantan: false,
          registeredMunicipality: 'Berg',
        },
        {
          date: '2026-03-02',
          start: '10:00',
          minutes: m(30),
          lender: 'Berg',
          hirer: 'region',
          storsjoglantan: true,
          registeredMunicipality: 'Berg',
        },
      ],
    });
    const ombud = ombudInvoiceBasis(d, {
      month: '2026-03',
      index: exampleIndex,
      assignments: [{ date: '2026-03-02', municipality: 'Åre', service: 'syncentralen', minutes: m(20) }],
    });
    const counts = d.municipalities.map((x) => ({ municipality: x.code, devices: 10 }));
    const fixed = mtFixedInvoice(d, { year: 2025, half: 1, inventory: { counts }, index: EMPTY_INDEX_SERIES });
    const variable = mtVariableInvoiceBasis(d, {
      month: '2026-03',
      index: exampleIndex,
      orders: [{ date: '2026-03-02', municipality: 'Krokom', minutes: 10, travelOre: 100 }],
    });
    const inpatient = inpatientStaffInvoiceBasis(d, {
      month: '2026-03',
      costs: [{ municipality: 'Berg', document: 'SABO', agreementReference: 'A1', date: '2026-03-02', kind: 'salary', amountOre: 100 }],
    });
    const till = reconcileTillaggsbelopp(d, { year: 2026, connected: 200, index: exampleIndex, key });
    const budgets = [{ area: 'Ekonomisk analys och uppföljning', year: 2026, budgetOre: 1000, outcomeOre: 900 }];
    const gem = developmentFinancing(d, { year: 2026, budgets, choices: { I10: 'equal' } });
    const follow = developmentFollowUp(d, 2026, budgets);
    const nv = normalVariation(d, [
      { year: 2023, count: 140 },
      { year: 2024, count: 150 },
    ]);
    const quotes = (['dagtid', 'synhorsel', 'mt'] as const).map((f) => priceQuote(d, f, 2025, 30, EMPTY_INDEX_SERIES));
    const all = [
      ...cited(day.trace, day.bases),
      ...day.recorded.map((r) => r.clause),
      ...day.homeRegionReport.map((h) => h.clause),
      ...cited(ombud.trace, ombud.bases),
      ...cited(fixed.trace, fixed.bases),
      ...cited(variable.trace, variable.bases),
      ...cited(inpatient.trace, inpatient.bases),
      ...cited(till.trace),
      ...cited(gem.trace),
      ...cited(follow.trace),
      ...cited(nv.trace),
      ...quotes.flatMap((q) => cited(q.trace)),
    ];
    const known = shippedAgreement().clauses;
    const missing = [...new Set(all)].filter((c) => !known.has(c));
    expect(missing).toEqual([]);
    expect(new Set(all).size).toBeGreaterThan(12);
  });

  it('I6 whole-kronor: every indexed money parameter rounds to the option’s step, half-up', () => {
    const i6 = data()
      .interpretations.get('I6')
      ?.options.find((o) => o.id === 'whole-kronor');
    const step = i6?.values?.['stepOre'];
    expect(step).toBe(100);
    const indexed = [...data().parameters.values()].filter((p) => p.indexation && p.unit.startsWith('ore'));
    expect(indexed.map((p) => p.id).sort()).toEqual([
      'dagtid.timpris',
      'mt.timpris',
      'synhor.timpris',
      'till.justeringsbelopp',
      'till.tillaggsbelopp',
    ]);
    for (const p of indexed) {
      expect(p.indexation?.rounding).toEqual({ step, mode: 'half-up' });
      expect(p.interpretations).toContain('I6');
    }
  });
});
