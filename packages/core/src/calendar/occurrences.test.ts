import { describe, expect, it } from 'vitest';
import type { Obligation } from '../agreement/schema.js';
import { fallsInYear, occurrenceDates } from './occurrences.js';

const ob = (o: Partial<Obligation>): Obligation => ({
  id: 'x',
  title: 'x',
  frequency: 'yearly',
  clauses: ['TILL.avstamning'],
  documents: ['TILL'],
  ...o,
});
const dates = (o: Partial<Obligation>, year = 2026): string[] => occurrenceDates(ob(o), year, '12-31').dates.map((d) => d.toString());

describe('occurrence dates of one obligation', () => {
  it('yearly items without a due day use the I9 default and say so', () => {
    expect(occurrenceDates(ob({}), 2026, '12-31')).toMatchObject({ usedDefault: true });
    expect(dates({})).toEqual(['2026-12-31']);
    expect(dates({ due: '03-31' })).toEqual(['2026-03-31']);
  });

  it('quarterly and half-yearly items default to the period ends and keep month ends', () => {
    expect(dates({ frequency: 'quarterly' })).toEqual(['2026-03-31', '2026-06-30', '2026-09-30', '2026-12-31']);
    expect(dates({ frequency: 'half-yearly' })).toEqual(['2026-06-30', '2026-12-31']);
    expect(dates({ frequency: 'half-yearly', due: '01-15' })).toEqual(['2026-01-15', '2026-07-15']);
  });

  it('monthly items on a fixed day', () => {
    expect(dates({ frequency: 'monthly', due: '25' })).toHaveLength(12);
    expect(dates({ frequency: 'monthly', due: '25' })[1]).toBe('2026-02-25');
  });

  it('respects fromYear and the anchor year in both directions', () => {
    expect(dates({ fromYear: 2027 })).toEqual([]);
    expect(fallsInYear({ frequency: 'every-3-years', anchorYear: 2028 }, 2025)).toBe(true);
    expect(fallsInYear({ frequency: 'every-3-years', anchorYear: 2028 }, 2026)).toBe(false);
    expect(fallsInYear({ frequency: 'every-4-years' }, 2026)).toBe(false);
    expect(dates({ frequency: 'per-period' })).toEqual([]);
  });
});
