import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  buildIndexSeries,
  parseAllocationKey,
  reconcileTillaggsbelopp,
  type CalculationStep,
  type ReconciliationResult,
} from '@samverkan/core';
import { readAgreement } from '../../agreement/read-agreement-dir.js';
import { invoiceFixture, municipality, region } from '../render-fixtures.testkit.js';
import type { InvoiceDocument } from '../invoice-document.js';
import { kronorText } from '../swedish-text.js';
import { hasPoppler, maybeScreenshot, pdfText } from './pdf-text.testkit.js';
import { renderSettlementPdf } from './settlement-pdf.js';
import { settlementFromDocuments } from './tillaggsbelopp-settlement.js';

const agreement = readAgreement();
const keyFile = new URL('../../../../../agreements/jamtland-2026/examples/allocation-key.example.yaml', import.meta.url);
const key = parseAllocationKey(readFileSync(keyFile, 'utf8'), 'allocation-key.example.yaml', agreement.municipalities);
const index = buildIndexSeries([
  { series: 'LPIK', year: 2025, percent: '3' },
  { series: 'LPIK', year: 2026, percent: '2,5' },
]);

/** The bases the tillaggsbelopp flow stores: general steps plus each municipality's own share step. */
function documents(r: ReconciliationResult): InvoiceDocument[] {
  return r.allocations.map((a, i) => {
    const own: CalculationStep = {
      id: `andel:${a.code}`,
      description: `${a.name}: andel av tilläggsbeloppet enligt fördelningsnyckeln (största rest)`,
      formula: 'tilläggsbelopp × andel',
      inputs: { andel: a.share, tilläggsbeloppÖre: r.totalOre },
      result: a.amountOre,
      unit: 'öre',
    };
    const steps = [...r.trace.steps, own];
    const line = {
      lineNo: 1,
      description: 'Tilläggsbelopp 2026 efter avstämning',
      quantity: '1',
      unit: 'lump-sum',
      unitPriceOre: a.amountOre,
      baseQuantity: 1,
      amountOre: a.amountOre,
      category: 'tillaggsbelopp',
      clause: 'TILL.bakgrund.fordelning',
      date: null,
      reference: null,
      steps,
    };
    return invoiceFixture('tillaggsbelopp', {
      basisId: `b${String(i)}`,
      invoiceNumber: `K${a.code}-2027-000001`,
      issueDate: `2027-02-${String(10 + i)}`,
      seller: { ...municipality, code: a.code, legalName: `${a.name} kommun` },
      buyer: region,
      period: { text: '2026', from: '2026-01-01', to: '2026-12-31' },
      lines: [line],
      totalOre: a.amountOre,
      trace: { ...r.trace, steps },
      provenance: { final: true, warnings: [] },
    });
  });
}

describe('tilläggsbelopp settlement', () => {
  const r = reconcileTillaggsbelopp(agreement, { year: 2026, connected: 175, index, key });
  const docs = documents(r);

  it('is read back from the stored bases exactly as reconciled: count, interval, policy, chain, key and every part', () => {
    const s = settlementFromDocuments(docs);
    expect([s.year, s.connected, s.lower, s.upper, s.inside, s.policy, s.personsAdjusted]).toEqual([
      2026,
      175,
      129,
      169,
      false,
      'beyond-bound',
      6,
    ]);
    expect([s.tillaggsbeloppOre, s.adjustmentPerPersonOre, s.adjustmentOre, s.totalOre]).toEqual([
      r.baseOre,
      r.adjustmentPerPersonOre,
      r.adjustmentOre,
      r.totalOre,
    ]);
    expect(s.indexChain.map((c) => [c.year, c.percent, c.tillaggsbeloppOre, c.justeringsbeloppOre])).toEqual([
      [2025, '3', 384749100, 2671800],
      [2026, '2.5', 394367800, 2738600],
    ]);
    expect([s.baseYear, s.baseTillaggsbeloppOre, s.baseJusteringsbeloppOre]).toEqual([2024, 373542800, 2594000]);
    expect(s.allocations.map((a) => a.amountOre)).toEqual(r.allocations.map((a) => a.amountOre));
    expect(s.allocations.reduce((t, a) => t + a.amountOre, 0)).toBe(r.totalOre);
    expect(s.key.example).toBe(true);
    expect(s.issued).toBe('2027-02-17');
    expect(s.warnings).toEqual([]);
  });

  it('says so when a municipality\u2019s basis is missing from the selection, and refuses other flows', () => {
    const s = settlementFromDocuments(docs.slice(1));
    expect(s.allocations[0]?.amountOre).toBe(0);
    expect(s.warnings.join(' ')).toMatch(/någon kommuns underlag saknas/);
    expect(() => settlementFromDocuments([invoiceFixture('dagtid')])).toThrow(/minst ett godkänt underlag av flödet tillaggsbelopp/);
  });

  it.runIf(hasPoppler)('PDF (pdftotext present): count, interval, policy, index chain, key, every part and the total', async () => {
    const pdf = await renderSettlementPdf(settlementFromDocuments(docs));
    maybeScreenshot(pdf, 'pdf-tillaggsbelopp-avstamning');
    const text = pdfText(pdf).replace(/[ ]+/g, ' ');
    expect(text).toContain('Avstämning av tilläggsbeloppet 2026');
    expect(text).toContain('Anslutna personer 175 under 2026');
    expect(text).toContain('Normalvariation 129–169 personer');
    expect(text).toContain('Referensantal 144 personer');
    expect(text).toContain('utanför närmaste gräns i normalvariationen (tolkning I3)');
    expect(text).toContain('personer utanför närmaste gräns');
    expect(text.replace(/\s+/g, ' ')).toContain('6 personer × 27 386,00 kr = 164 316,00 kr');
    expect(text).toMatch(/2025 LPIK 2025 3 %, utfall 3 847 491,00 kr 26 718,00 kr/);
    expect(text).toMatch(/2026 LPIK 2026 2,5 %, utfall 3 943 678,00 kr 27 386,00 kr/);
    expect(text).toContain(`Efter avstämning ${kronorText(r.totalOre).replace(/\u00a0/g, ' ')}`);
    expect(text).toContain('(EXEMPEL)');
    for (const a of r.allocations) {
      const amount = kronorText(a.amountOre).replace(/\u00a0/g, ' ');
      expect(text).toContain(`${a.name} ${a.share.replace('.', ',')} ${amount}`);
      // The chart lists the part again beside its bar.
      expect(text.split(`${a.name} `).length).toBeGreaterThanOrEqual(3);
    }
    expect(text).toMatch(new RegExp(`Summa ${kronorText(r.totalOre).replace(/\u00a0/g, ' ')}`));
  });
});
