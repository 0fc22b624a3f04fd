/**
 * Invariants of the årshjul under any recorded terminations (fast-check): an occurrence never
 * falls after the final end of every document it names, it names exactly its documents still in
 * force, and terminations only ever remove occurrences (never add or move one).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Temporal } from '../dates.js';
import { shippedAgreement } from '../agreement/shipped-agreement.testkit.js';
import { terminatedEnd, type Termination } from '../lifecycle/terminations.js';
import { calendarForYear } from './arshjul.js';

const agreement = shippedAgreement();
const start = Temporal.PlainDate.from(agreement.meta.validFrom);
const anyTermination: fc.Arbitrary<Termination> = fc
  .record({ document: fc.constantFrom('ALL', ...agreement.documents.map((d) => d.id)), days: fc.integer({ min: 0, max: 12 * 366 }) })
  .map(({ document, days }) => ({ document, noticeDate: start.add({ days }) }));

const key = (e: { date: string; id: string }): string => `${e.date} ${e.id}`;

describe('årshjul with terminations (fast-check)', () => {
  it('lists only what some document still in force states, and only removes occurrences', () => {
    fc.assert(
      fc.property(fc.array(anyTermination, { maxLength: 4 }), fc.integer({ min: 2026, max: 2040 }), (terminations, year) => {
        const ends = new Map(agreement.documents.map((d) => [d.id, terminatedEnd(d, terminations)]));
        const inForce = (id: string, date: string): boolean => {
          const end = ends.get(id) ?? null;
          return end === null || Temporal.PlainDate.compare(Temporal.PlainDate.from(date), end) <= 0;
        };
        const withTerminations = calendarForYear(agreement, year, terminations);
        const without = new Map(calendarForYear(agreement, year).map((e) => [key(e), e]));
        for (const e of withTerminations) {
          const before = without.get(key(e));
          expect(before, key(e)).toBeDefined();
          expect(e.documents.length).toBeGreaterThan(0);
          for (const id of e.documents) expect(inForce(id, e.date), `${key(e)} ${id}`).toBe(true);
          // Per-period items name their one document; the others name every listed document in force.
          if (e.frequency !== 'per-period') expect(e.documents).toEqual((before?.documents ?? []).filter((id) => inForce(id, e.date)));
        }
        // Whatever is dropped had no document in force left (or was a notice deadline already given notice for).
        const kept = new Set(withTerminations.map(key));
        for (const [k, e] of without) {
          if (kept.has(k) || e.frequency === 'per-period') continue;
          expect(
            e.documents.some((id) => inForce(id, e.date)),
            k,
          ).toBe(false);
        }
        // A termination of the whole agreement ends everything after the first final end it gives.
        const all = terminations.filter((t) => t.document === 'ALL');
        if (all.length > 0) {
          const last = [...ends.values()].reduce<Temporal.PlainDate | null>(
            (a, b) => (a === null || b === null ? (a ?? b) : Temporal.PlainDate.compare(a, b) >= 0 ? a : b),
            null,
          );
          if (last !== null)
            for (const e of withTerminations)
              expect(Temporal.PlainDate.compare(Temporal.PlainDate.from(e.date), last)).toBeLessThanOrEqual(0);
        }
        return true;
      }),
      { numRuns: 200 },
    );
  });
});
