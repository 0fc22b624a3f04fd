import { describe, expect, it } from 'vitest';
import { nextPeriod } from './periods.js';

describe('nextPeriod (renewal by two years, PRINC.giltighet)', () => {
  it('starts the day after the end and lasts the extension', () => {
    expect(nextPeriod('2027-12-31', 2)).toEqual({ start: '2028-01-01', end: '2029-12-31' });
    expect(nextPeriod('2029-12-31', 2)).toEqual({ start: '2030-01-01', end: '2031-12-31' });
  });
  it('handles leap days', () => {
    expect(nextPeriod('2028-02-28', 1)).toEqual({ start: '2028-02-29', end: '2029-02-28' });
  });
});
