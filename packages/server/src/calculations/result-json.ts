/**
 * The JSON documents of the calculation results, shared by the CLI (`--json`) and the API
 * (`/api/v1/calculations/*`) so that both return exactly the same shape.
 */
import type { MtFixedResult, NormalVariation, PriceQuote, ReconciliationResult } from '@samverkan/core';

/** `samverkan price --json` and `POST /calculations/price`. */
export function priceJson(q: PriceQuote) {
  return { flow: q.flow, year: q.year, rateOre: q.rateOre, billedMinutes: q.billedMinutes, amountOre: q.amountOre, trace: q.trace };
}

/** `samverkan mt-fixed --json` and `POST /calculations/mt-fixed`. */
export function mtFixedJson(r: MtFixedResult) {
  return {
    totalDevices: r.totalDevices,
    rateOre: r.rateOre,
    yearlyOre: r.yearlyOre,
    halfOre: r.halfOre,
    snapshotDate: r.snapshotDate,
    allocations: r.allocations.map((a) => ({ code: a.code, name: a.name, devices: a.devices, amountOre: a.amountOre })),
    trace: r.trace,
  };
}

/** `samverkan tillaggsbelopp --json` and `POST /calculations/tillaggsbelopp`. */
export function tillaggsbeloppJson(r: ReconciliationResult) {
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
    steps: r.trace.steps,
    trace: r.trace,
  };
}

/** `samverkan normal-variation --json` and `POST /calculations/normal-variation`. */
export function normalVariationJson(r: NormalVariation) {
  return { years: r.years, n: r.n, mean: r.mean, sd: r.sd, lower: r.lower, upper: r.upper, steps: r.trace.steps, trace: r.trace };
}
