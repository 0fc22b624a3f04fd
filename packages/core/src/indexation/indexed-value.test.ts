import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { shippedAgreement } from '../agreement/shipped-agreement.testkit.js';
import type { Parameter } from '../agreement/schema.js';
import { SamverkanError } from '../errors.js';
import { parseDate } from '../dates.js';
import { buildIndexSeries, EMPTY_INDEX_SERIES } from './index-series.js';
import { indexedValue } from './indexed-value.js';
import { parameterValueOn } from './parameter-value.js';

const param = (id: string): Parameter => {
  const p = shippedAgreement().parameters.get(id);
  if (!p) throw new Error(`no parameter ${id}`);
  return p;
};

function caught(fn: () => unknown): SamverkanError {
  try {
    fn();
  } catch (e) {
    if (e instanceof SamverkanError) return e;
    throw e;
  }
  throw new Error('expected an error');
}

const index = buildIndexSeries([
  { series: 'VPI', year: 2026, percent: '2,9' },
  { series: 'VPI', year: 2027, percent: '3,1' },
  { series: 'LPIK', year: 2025, percent: '3' },
  { series: 'LPIK', year: 2026, percent: '2,5' },
]);

describe('indexedValue', () => {
  it('returns the base value in the base year without any index', () => {
    expect(indexedValue(param('dagtid.timpris'), 2025, EMPTY_INDEX_SERIES).value).toBe(64000n);
  });

  it('uplifts year by year: 640 kr × 1,029 = 658,56 → 659 kr', () => {
    const r = indexedValue(param('dagtid.timpris'), 2026, index);
    expect(r.value).toBe(65900n);
    expect(r.indexValues).toEqual([{ series: 'VPI', year: 2026, percent: '2.9', kind: 'outcome' }]);
    expect(r.steps.at(-1)).toMatchObject({ inputs: { föregående: 64000, procent: '2.9' }, result: 65900 });
  });

  it('I6 whole-kronor: rounds every year before the next uplift, not only at the end', () => {
    // 1 123 × 1,029 = 1 155,567 → 1 156; 1 156 × 1,031 = 1 191,836 → 1 192. Exact chain would give 1 191.
    expect(indexedValue(param('mt.timpris'), 2027, index).value).toBe(119200n);
  });

  it('I5: firstUpliftYear 2025 (full chain) and 2026 (from 2026) give different 2026 values', () => {
    const p = param('till.tillaggsbelopp');
    // 3 735 428 × 1,03 = 3 847 490,84 → 3 847 491; × 1,025 = 3 943 678,275 → 3 943 678
    expect(indexedValue(p, 2026, index, { firstUpliftYear: 2025 }).value).toBe(394367800n);
    // 3 735 428 × 1,025 = 3 828 813,7 → 3 828 814
    const from2026 = indexedValue(p, 2026, index, { firstUpliftYear: 2026 });
    expect(from2026.value).toBe(382881400n);
    expect(from2026.indexValues.map((u) => u.year)).toEqual([2026]);
  });

  it('a missing index year is an error naming series and year', () => {
    const e = caught(() => indexedValue(param('synhor.timpris'), 2026, index));
    expect(e.code).toBe('SAMV_ERR_MISSING_INDEX');
    expect(e.message).toContain('OPI för år 2026');
  });

  it('a year before the base year is an error', () => {
    const e = caught(() => indexedValue(param('dagtid.timpris'), 2024, index));
    expect(e.code).toBe('SAMV_ERR_MISSING_PARAMETER');
    expect(e.message).toContain('basåret 2025');
  });

  it('is monotone for non-negative rates: each year ≥ the year before, and a higher rate never gives less', () => {
    const p = param('mt.timpris');
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 2000 }), { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 0, max: 500 }),
        (hundredths, bump) => {
          const rows = hundredths.map((h, i) => ({ series: 'VPI', year: 2026 + i, percent: (h / 100).toFixed(2) }));
          const s = buildIndexSeries(rows);
          const last = 2025 + hundredths.length;
          let prev = indexedValue(p, 2025, s).value;
          for (let y = 2026; y <= last; y++) {
            const v = indexedValue(p, y, s).value;
            expect(v >= prev).toBe(true);
            prev = v;
          }
          const higher = buildIndexSeries(
            rows.map((r, i) => (i === 0 ? { ...r, percent: ((hundredths[0]! + bump) / 100).toFixed(2) } : r)),
          );
          expect(indexedValue(p, last, higher).value >= prev).toBe(true);
        },
      ),
    );
  });
});

describe('parameterValueOn', () => {
  it('finds the value valid on a date and refuses dates before it', () => {
    const p = param('till.normalvariation.nedre');
    expect(parameterValueOn(p, parseDate('2026-01-01', 'd')).value).toBe(129);
    const e = caught(() => parameterValueOn(p, parseDate('2025-12-31', 'd')));
    expect(e.code).toBe('SAMV_ERR_MISSING_PARAMETER');
    expect(e.message).toContain('2025-12-31');
  });
});
