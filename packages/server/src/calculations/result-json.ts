/**
 * The JSON documents of the calculation results, shared by the CLI (`--json`) and the API
 * (`/api/v1/calculations/*`) so that both return exactly the same shape. Steps carry their Swedish
 * rendering (`display`, step-display.ts).
 */
import type { Agreement, MtFixedResult, NormalVariation, PriceQuote, ReconciliationResult } from '@samverkan/core';
import { displayedSteps, displayedTrace } from './step-display.js';

/** `samverkan price --json` and `POST /calculations/price`. */
export function priceJson(q: PriceQuote, agreement: Agreement) {
  return {
    flow: q.flow,
    year: q.year,
    rateOre: q.rateOre,
    billedMinutes: q.billedMinutes,
    amountOre: q.amountOre,
    trace: displayedTrace(q.trace, agreement),
  };
}

/** `samverkan mt-fixed --json` and `POST /calculations/mt-fixed`. */
export function mtFixedJson(r: MtFixedResult, agreement: Agreement) {
  return {
    totalDevices: r.totalDevices,
    rateOre: r.rateOre,
    yearlyOre: r.yearlyOre,
    halfOre: r.halfOre,
    snapshotDate: r.snapshotDate,
    allocations: r.allocations.map((a) => ({ code: a.code, name: a.name, devices: a.devices, amountOre: a.amountOre })),
    trace: displayedTrace(r.trace, agreement),
  };
}

/** `samverkan tillaggsbelopp --json` and `POST /calculations/tillaggsbelopp`. */
export function tillaggsbeloppJson(r: ReconciliationResult, agreement: Agreement) {
  return {
    year: r.year,
    connected: r.connected,
    lower: r.lower,
    upper: r.upper,
    inside: r.inside,
    policy: r.policy,
    baseOre: r.baseOre,
    adjustmentPerPersonOre: r.adjustmentPerPersonOre,
    adjustmentOre: r.adjustmentOre,
    totalOre: r.totalOre,
    allocations: r.allocations.map((a) => ({ code: a.code, name: a.name, amountOre: a.amountOre })),
    keyId: r.keyId,
    keyIsExample: r.keyIsExample,
    ...(r.keyNote === undefined ? {} : { keyNote: r.keyNote }),
    steps: displayedSteps(r.trace.steps),
    trace: displayedTrace(r.trace, agreement),
  };
}

/** `samverkan normal-variation --json` and `POST /calculations/normal-variation`. */
export function normalVariationJson(r: NormalVariation, agreement: Agreement) {
  return {
    years: r.years,
    n: r.n,
    mean: r.mean,
    sd: r.sd,
    lower: r.lower,
    upper: r.upper,
    steps: displayedSteps(r.trace.steps),
    trace: displayedTrace(r.trace, agreement),
  };
}
