/**
 * Test support for the economy flows: the shipped agreement, an example index set, and a helper
 * that returns the domain error a call throws.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { shippedAgreement, shippedAgreementDir } from '../agreement/shipped-agreement.testkit.js';
import { SamverkanError } from '../errors.js';
import { buildIndexSeries, type IndexSeries } from '../indexation/index-series.js';
import type { EconomyData } from './economy-data.js';

/** The shipped agreement as economy data. */
export function data(): EconomyData {
  return shippedAgreement();
}

/** An example index set (invented values, not SKR's). */
export const exampleIndex: IndexSeries = buildIndexSeries([
  { series: 'VPI', year: 2026, percent: '2,9' },
  { series: 'VPI', year: 2027, percent: '3,1' },
  { series: 'OPI', year: 2026, percent: '3,2' },
  { series: 'OPI', year: 2027, percent: '2,8' },
  { series: 'LPIK', year: 2025, percent: '3' },
  { series: 'LPIK', year: 2026, percent: '2,5' },
  { series: 'LPIK', year: 2027, percent: '2,7' },
]);

/** The SamverkanError that `fn` throws (fails the test if it throws nothing or something else). */
export function caught(fn: () => unknown): SamverkanError {
  try {
    fn();
  } catch (e) {
    if (e instanceof SamverkanError) return e;
    throw e;
  }
  throw new Error('expected a SamverkanError, but nothing was thrown');
}

/** The shipped example allocation key (labelled example). */
export function exampleKeyText(): string {
  return readFileSync(join(shippedAgreementDir, 'examples', 'allocation-key.example.yaml'), 'utf8');
}

/** The shipped agreement with one interpretation option's values replaced (to prove options are read). */
export function withOptionValues(id: string, option: string, values: Record<string, string | number>): EconomyData {
  const d = data();
  const it = d.interpretations.get(id);
  if (!it) throw new Error(`no interpretation ${id}`);
  const interpretations = new Map(d.interpretations);
  interpretations.set(id, { ...it, options: it.options.map((o) => (o.id === option ? { ...o, values: { ...o.values, ...values } } : o)) });
  return { ...d, interpretations };
}
