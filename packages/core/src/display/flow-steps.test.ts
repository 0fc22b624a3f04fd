/**
 * Issue 12 (c): every flow run on the shipped agreement with example inputs, and every step it
 * produces rendered through the glossary (renderStep), holds no internal identifier (`Öre`,
 * `ore_`, `_per_`, camelCase, English unit or rounding ids, a raw "I6 (whole-kronor)").
 */
import { describe, expect, it } from 'vitest';
import { parseAllocationKey } from '../economy/allocation-key-file.js';
import { costRegulationInvoiceBasis } from '../economy/cost-regulation.js';
import { daytimeInvoiceBasis } from '../economy/daytime-assignments.js';
import { developmentFinancing, developmentFollowUp } from '../economy/development-funds.js';
import { data, exampleIndex, exampleKeyText } from '../economy/economy.testkit.js';
import { inpatientStaffInvoiceBasis } from '../economy/inpatient-staff.js';
import { mtFixedInvoice } from '../economy/mt-fixed.js';
import { mtVariableInvoiceBasis } from '../economy/mt-variable.js';
import { normalVariation } from '../economy/normal-variation.js';
import { priceQuote } from '../economy/price-quote.js';
import { reconcileTillaggsbelopp } from '../economy/tillaggsbelopp-reconciliation.js';
import { ombudInvoiceBasis } from '../economy/vision-hearing-ombud.js';
import type { CalculationStep, Trace } from '../trace.js';
import { INTERNAL_IDENTIFIER } from './glossary.js';
import { describeInterpretation, renderStep } from './step-text.js';

/** Every calculation step anywhere in a result (trace steps and invoice-line steps). */
function stepsIn(value: unknown, out: CalculationStep[] = []): CalculationStep[] {
  if (Array.isArray(value)) for (const v of value) stepsIn(v, out);
  else if (typeof value === 'object' && value !== null) {
    const o = value as Record<string, unknown>;
    if (typeof o['id'] === 'string' && typeof o['description'] === 'string' && 'result' in o) out.push(o as unknown as CalculationStep);
    else for (const v of Object.values(o)) stepsIn(v, out);
  }
  return out;
}

function tracesIn(value: unknown, out: Trace[] = []): Trace[] {
  if (Array.isArray(value)) for (const v of value) tracesIn(v, out);
  else if (typeof value === 'object' && value !== null) {
    const o = value as Record<string, unknown>;
    if (typeof o['traceVersion'] === 'number') out.push(o as unknown as Trace);
    else for (const v of Object.values(o)) tracesIn(v, out);
  }
  return out;
}

const minutes = { intervention: 45, administration: 10, reporting: 5, travel: 20, travelCombinable: false };
const counts = [
  ['Berg', 50],
  ['Bräcke', 60],
  ['Härjedalen', 96],
  ['Krokom', 90],
  ['Ragunda', 41],
  ['Strömsund', 152],
  ['Åre', 53],
  ['Östersund', 381],
] as const;
const key = () => parseAllocationKey(exampleKeyText(), 'allocation-key.example.yaml', data().municipalities);
const budgets = [{ area: 'Digital samverkan', year: 2026, budgetOre: 40_000_000, outcomeOre: 45_000_000 }];

/** Each flow with example inputs (the same kinds of input as the flows' own tests). */
const flows: Readonly<Record<string, () => unknown>> = {
  'pris dagtid': () => priceQuote(data(), 'dagtid', 2026, 61, exampleIndex),
  'pris syn/hörsel': () => priceQuote(data(), 'synhorsel', 2026, 61, exampleIndex),
  'pris MT': () => priceQuote(data(), 'mt', 2026, 37, exampleIndex, { I7: 'quarter-hour' }),
  'uppdrag dagtid': () =>
    daytimeInvoiceBasis(data(), {
      month: '2026-03',
      index: exampleIndex,
      assignments: [
        {
          date: '2026-03-04',
          start: '08:30',
          minutes,
          lender: '2380',
          hirer: 'region',
          storsjoglantan: false,
          registeredMunicipality: 'Östersund',
        },
        {
          date: '2026-03-05',
          start: '09:00',
          minutes: { ...minutes, intervention: '37.5', travel: 0 },
          lender: '2380',
          hirer: 'region',
          storsjoglantan: false,
          registeredMunicipality: 'Östersund',
        },
      ],
    }),
  'syn- och hörselombud': () =>
    ombudInvoiceBasis(data(), {
      month: '2026-05',
      index: exampleIndex,
      assignments: [{ date: '2026-05-12', municipality: 'Strömsund', service: 'horcentralen', minutes: { ...minutes, intervention: 61 } }],
    }),
  'MT rörlig del': () =>
    mtVariableInvoiceBasis(data(), {
      month: '2026-02',
      index: exampleIndex,
      orders: [
        {
          date: '2026-02-10',
          municipality: 'Bräcke',
          minutes: 37,
          travelOre: 45000,
          consumablesOre: 12050,
          sparePartsOre: 89900,
          reference: 'AO-2026-114',
        },
      ],
    }),
  'MT fast del': () =>
    mtFixedInvoice(data(), {
      year: 2026,
      half: 1,
      inventory: { counts: counts.map(([municipality, devices]) => ({ municipality, devices })) },
      index: exampleIndex,
    }),
  'sluten vård': () =>
    inpatientStaffInvoiceBasis(data(), {
      month: '2026-03',
      costs: [
        {
          municipality: 'Ragunda',
          document: 'ORD',
          agreementReference: 'Överenskommelse avd 12',
          date: '2026-03-03',
          kind: 'salary',
          amountOre: 1845000,
        },
      ],
    }),
  kostnadsreglering: () =>
    costRegulationInvoiceBasis(data(), {
      month: '2026-03',
      regulations: [
        {
          dispute: 'd-1',
          document: 'ORD',
          subject: 'Insats under utredning',
          clause: 'ORD.tvist',
          decidedOn: '2026-03-14',
          payer: 'region',
          payee: '2380',
          amountOre: 1234567,
        },
      ],
    }),
  'utvecklingsmedel, finansiering': () => developmentFinancing(data(), { year: 2026, budgets, choices: { I10: 'equal' } }),
  'utvecklingsmedel, uppföljning': () => developmentFollowUp(data(), 2026, budgets),
  'tilläggsbelopp, utanför': () => reconcileTillaggsbelopp(data(), { year: 2026, connected: 175, index: exampleIndex, key: key() }),
  'tilläggsbelopp, inom': () =>
    reconcileTillaggsbelopp(data(), {
      year: 2026,
      connected: 150,
      index: exampleIndex,
      key: key(),
      choices: { I3: 'from-reference', I5: 'from-2026' },
    }),
  normalvariation: () =>
    normalVariation(
      data(),
      [135, 142, 151, 159, 161, 146].map((count, i) => ({ year: 2019 + i, count })),
    ),
};

describe('every step of every flow, rendered, reads without internal identifiers', () => {
  for (const [name, run] of Object.entries(flows)) {
    it(name, () => {
      const result = run();
      const steps = stepsIn(result);
      expect(steps.length, 'the flow has steps').toBeGreaterThan(0);
      const shown = steps.flatMap((s) => {
        const d = renderStep(s);
        return [d.text, d.result, ...(d.rounding === undefined ? [] : [d.rounding]), ...d.inputs.flatMap((i) => [i.label, i.value])];
      });
      const interpretations = tracesIn(result).flatMap((t) =>
        t.interpretations.map((u) => describeInterpretation(u, data().interpretations.get(u.id))),
      );
      expect([...shown, ...interpretations].filter((t) => INTERNAL_IDENTIFIER.test(t))).toEqual([]);
    });
  }
});

describe('every formula of every flow reads as arithmetic with values and units (issue 12)', () => {
  for (const [name, run] of Object.entries(flows)) {
    it(name, () => {
      for (const step of stepsIn(run()).filter((s) => s.formula !== undefined)) {
        const shown = renderStep(step);
        // Shown as a calculation, or the description already shows the arithmetic, or the formula is a constant.
        if (shown.calculation === undefined) {
          expect(step.description.includes(' = ') || /^[\d\s,.]+$/.test(step.formula ?? ''), `${step.id}: ${step.formula ?? ''}`).toBe(
            true,
          );
          continue;
        }
        expect(shown.text, step.id).toContain(shown.calculation);
        expect(shown.calculation.endsWith(shown.result) || shown.calculation.endsWith(`: ${shown.result}`), step.id).toBe(true);
        // No formula syntax left: function names, Σ_f-style indices, one-letter variables.
        expect(shown.calculation, step.id).not.toMatch(/ceil\(|floor\(|avrunda\(|\bv\(|_|Σ|\b[PRMnx]\b/);
        expect(INTERNAL_IDENTIFIER.test(shown.calculation), shown.calculation).toBe(false);
      }
    });
  }
});
