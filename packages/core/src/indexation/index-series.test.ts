import { describe, expect, it } from 'vitest';
import { SamverkanError } from '../errors.js';
import { buildIndexSeries, EMPTY_INDEX_SERIES, indexPoint, indexUse, seriesPoints } from './index-series.js';

function caught(fn: () => unknown): SamverkanError {
  try {
    fn();
  } catch (e) {
    if (e instanceof SamverkanError) return e;
    throw e;
  }
  throw new Error('expected an error');
}

describe('index series', () => {
  it('reads percent with a decimal comma or point as the same exact rational', () => {
    const s = buildIndexSeries([
      { series: 'VPI', year: '2026', percent: '2,9' },
      { series: 'opi', year: 2026, percent: '2.9', kind: 'prognos', source: 'SKR cirkulär', published: '2025-10-01' },
    ]);
    expect(indexPoint(s, 'VPI', 2026).percent).toEqual({ num: 29n, den: 10n });
    expect(indexPoint(s, 'OPI', 2026).percent).toEqual({ num: 29n, den: 10n });
    expect(indexPoint(s, 'VPI', 2026).kind).toBe('outcome');
    expect(indexUse(indexPoint(s, 'OPI', 2026))).toEqual({
      series: 'OPI',
      year: 2026,
      percent: '2.9',
      kind: 'forecast',
      source: 'SKR cirkulär',
      published: '2025-10-01',
    });
  });

  it('an example value is marked example in its trace use; a published one is not', () => {
    const s = buildIndexSeries([
      { series: 'VPI', year: 2026, percent: '3,1', kind: 'prognos', source: 'exempel', example: true },
      { series: 'VPI', year: 2025, percent: '2,9', source: 'SKR cirkulär 25:01', example: false },
    ]);
    expect(indexUse(indexPoint(s, 'VPI', 2026))).toEqual({
      series: 'VPI',
      year: 2026,
      percent: '3.1',
      kind: 'forecast',
      source: 'exempel',
      example: true,
    });
    expect(indexUse(indexPoint(s, 'VPI', 2025))).not.toHaveProperty('example');
  });

  it('a missing year is SAMV_ERR_MISSING_INDEX naming series and year, never zero', () => {
    const s = buildIndexSeries([{ series: 'LPIK', year: 2025, percent: '3' }]);
    const e = caught(() => indexPoint(s, 'LPIK', 2026));
    expect(e.code).toBe('SAMV_ERR_MISSING_INDEX');
    expect(e.message).toContain('LPIK');
    expect(e.message).toContain('2026');
    expect(caught(() => indexPoint(EMPTY_INDEX_SERIES, 'VPI', 2027)).message).toMatch(/VPI för år 2027/);
  });

  it('refuses unknown series, bad years, bad percentages and duplicates, naming file and line', () => {
    expect(caught(() => buildIndexSeries([{ series: 'KPI', year: 2026, percent: '1', file: 'i.csv', line: 3 }])).message).toMatch(
      /^i\.csv rad 3: okänd indexserie "KPI"/,
    );
    expect(caught(() => buildIndexSeries([{ series: 'VPI', year: '26', percent: '1' }])).location.field).toBe('year');
    expect(caught(() => buildIndexSeries([{ series: 'VPI', year: 2026, percent: 'två', file: 'i.csv', line: 2 }])).message).toContain(
      'rad 2',
    );
    expect(caught(() => buildIndexSeries([{ series: 'VPI', year: 2026, percent: '-100' }])).message).toContain('−100');
    expect(caught(() => buildIndexSeries([{ series: 'VPI', year: 2026, percent: '1', kind: 'gissning' }])).location.field).toBe('kind');
    const dup = caught(() =>
      buildIndexSeries([
        { series: 'VPI', year: 2026, percent: '1', line: 2 },
        { series: 'VPI', year: 2026, percent: '2', line: 5 },
      ]),
    );
    expect(dup.message).toContain('rad 5');
    expect(dup.message).toContain('även rad 2');
  });

  it('lists a series in year order', () => {
    const s = buildIndexSeries([
      { series: 'VPI', year: 2027, percent: '1' },
      { series: 'VPI', year: 2025, percent: '2' },
      { series: 'OPI', year: 2026, percent: '3' },
    ]);
    expect(seriesPoints(s, 'VPI').map((p) => p.year)).toEqual([2025, 2027]);
  });
});
