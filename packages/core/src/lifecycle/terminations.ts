/**
 * Terminations (uppsägning). PRINC.giltighet: "Uppsägning av samverkansavtalet eller enskilda
 * överenskommelser ska ske via länsövergripande politisk samverkansarena minst 12 månader före
 * giltighetstidens utgång, i annat fall är samverkansavtalet varje gång förlängt med två år."
 * A termination names one document or `ALL` (the whole agreement).
 */
import { Temporal } from '../dates.js';
import { noticeDeadline, periodAt, periodIndexAt, type LifecycleDocument } from './periods.js';

/** A recorded termination decision: one document, or `ALL` for the whole agreement. */
export interface Termination {
  readonly document: string;
  readonly noticeDate: Temporal.PlainDate;
  /**
   * The day the decision was recorded, when stored. A decision recorded ahead of its notice date
   * is known from the day it was recorded, so it counts from the earlier of the two.
   */
  readonly recordedOn?: Temporal.PlainDate;
}

/** What a termination means for one document. */
export interface TerminationEffect {
  readonly termination: Termination;
  /** The last day the document is valid. */
  readonly finalEnd: Temporal.PlainDate;
  /** True when notice was given on or before the deadline of the period it was given in. */
  readonly inTime: boolean;
}

/** True when `t` terminates `doc` (by its id or as part of the whole agreement). */
export function appliesTo(t: Termination, doc: LifecycleDocument): boolean {
  return t.document === 'ALL' || t.document === doc.id;
}

/**
 * The effect of a termination on `doc`: notice on or before the current period's deadline ends
 * the document at that period's end; later notice ends it at the end of the following period
 * (the document was already extended). Without renewal the document ends at its only end.
 */
export function terminationEffect(doc: LifecycleDocument, t: Termination): TerminationEffect {
  const index = Math.max(0, periodIndexAt(doc, t.noticeDate));
  const period = periodAt(doc, index) ?? periodAt(doc, 0);
  if (!period) throw new RangeError(`document ${doc.id} has no first period`);
  const deadline = noticeDeadline(doc, period);
  if (deadline === null) return { termination: t, finalEnd: period.end, inTime: true };
  const inTime = Temporal.PlainDate.compare(t.noticeDate, deadline) <= 0;
  const finalPeriod = inTime ? period : (periodAt(doc, index + 1) ?? period);
  return { termination: t, finalEnd: finalPeriod.end, inTime };
}

/** The first day `t` is known: its notice date, or the earlier day it was recorded. */
export function knownFrom(t: Termination): Temporal.PlainDate {
  return t.recordedOn !== undefined && Temporal.PlainDate.compare(t.recordedOn, t.noticeDate) < 0 ? t.recordedOn : t.noticeDate;
}

/**
 * The termination in force for `doc` on `date`: among those recorded on or before `date`, the one
 * that ends the document first (ties: the earliest notice). A termination counts from `knownFrom`.
 */
export function effectiveTermination(
  doc: LifecycleDocument,
  date: Temporal.PlainDate,
  terminations: readonly Termination[],
): TerminationEffect | null {
  let best: TerminationEffect | null = null;
  for (const t of terminations) {
    if (!appliesTo(t, doc) || Temporal.PlainDate.compare(knownFrom(t), date) > 0) continue;
    const effect = terminationEffect(doc, t);
    const order =
      best === null
        ? -1
        : Temporal.PlainDate.compare(effect.finalEnd, best.finalEnd) ||
          Temporal.PlainDate.compare(t.noticeDate, best.termination.noticeDate);
    if (order < 0) best = effect;
  }
  return best;
}

/**
 * The last day `doc` is in force under the recorded terminations: the earliest final end any of
 * them gives it (whenever each was recorded), or null when none applies.
 */
export function terminatedEnd(doc: LifecycleDocument, terminations: readonly Termination[]): Temporal.PlainDate | null {
  let end: Temporal.PlainDate | null = null;
  for (const t of terminations) {
    if (!appliesTo(t, doc)) continue;
    const finalEnd = terminationEffect(doc, t).finalEnd;
    if (end === null || Temporal.PlainDate.compare(finalEnd, end) < 0) end = finalEnd;
  }
  return end;
}
