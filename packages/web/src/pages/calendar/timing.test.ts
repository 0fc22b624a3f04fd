import { describe, expect, it } from 'vitest';
import { timingOf } from './types.js';

describe('årshjul timing', () => {
  it('marks past, today, the next 30 days and later', () => {
    expect(timingOf('2026-11-30', '2026-12-01')).toEqual({ kind: 'past' });
    expect(timingOf('2026-12-01', '2026-12-01')).toEqual({ kind: 'today' });
    expect(timingOf('2026-12-31', '2026-12-01')).toEqual({ kind: 'soon', days: 30 });
    expect(timingOf('2027-01-01', '2026-12-01')).toEqual({ kind: 'later' });
  });
});
