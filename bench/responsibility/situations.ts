/**
 * The packed situations (generate.ts) in the form each engine takes: our `Situation` objects, the
 * peers' flat facts, and the packed key the ceiling looks up. Built before timing starts, so every
 * engine is timed on its own work only.
 */
import { housings, type MunicipalityRef, type Situation, type Tri } from '@samverkan/core';
import { FIELDS, RADIX } from './generate.js';

const W = FIELDS.length;
const TRI = ['false', 'true', 'unknown'] as const;

/** Strides of the packed key (mixed radix over RADIX, first input most significant). */
export const KEY_STRIDES: readonly number[] = RADIX.map((_, k) => RADIX.slice(k + 1).reduce((a, b) => a * b, 1));
/** Number of distinct packed situations. */
export const KEY_SPACE = RADIX.reduce((a, b) => a * b, 1);

/** Situation i as our engine takes it (what `parseSituation` gives the API and the CLI). */
export function situationAt(data: Uint8Array, i: number, municipalities: readonly MunicipalityRef[]): Situation {
  const o = i * W;
  const d = (k: number): number => data[o + k] ?? 0;
  return {
    date: '2026-03-01',
    municipality: d(0) === 8 ? null : (municipalities[d(0)] ?? null),
    homeRegion: null,
    storsjoglantan: d(1) as Tri,
    atDayActivity: d(2) as Tri,
    housing: housings[d(3)] ?? 'ordinart',
    safeAtHome: d(4) as Tri,
    needOver14Days: d(5) as Tri,
    cfs: d(6) === 9 ? null : d(6) + 1,
    cognitiveImpairment: d(7) as Tri,
    cannotReachHealthCentre: d(8) as Tri,
    prefersHealthCentre: d(9) as Tri,
    preferenceRisksSafety: d(10) as Tri,
    listedAtOtherHealthCentre: 2,
    timeMinutes: null,
    products: [],
  };
}

/** Situation i as the peers take it (raw inputs, see raw-table.ts). */
export function factsAt(data: Uint8Array, i: number): Record<string, string | number> {
  const o = i * W;
  const d = (k: number): number => data[o + k] ?? 0;
  const t = (k: number): string => TRI[d(k)] ?? 'unknown';
  return {
    registered: d(0) === 8 ? 'false' : 'true',
    storsjoglantan: t(1),
    atDayActivity: t(2),
    housing: housings[d(3)] ?? 'ordinart',
    safeAtHome: t(4),
    needOver14Days: t(5),
    cfs: d(6) === 9 ? 0 : d(6) + 1,
    cognitiveImpairment: t(7),
    cannotReachHealthCentre: t(8),
    prefersHealthCentre: t(9),
    preferenceRisksSafety: t(10),
  };
}

/** The packed key of situation i (the ceiling's only work besides one load). */
export function keyAt(data: Uint8Array, i: number): number {
  const o = i * W;
  let k = 0;
  for (let j = 0; j < W; j++) k += (data[o + j] ?? 0) * (KEY_STRIDES[j] ?? 0);
  return k;
}
