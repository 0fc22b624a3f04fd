/**
 * The lifecycle of each document on a given date: current period, notice deadline, whether it
 * renews, and its status. Every result names the renewal clause and interpretation I11.
 */
import { Temporal } from '../dates.js';
import type { Agreement } from '../agreement/load.js';
import type { AgreementDocument } from '../agreement/schema.js';
import { noticeDeadline, periodAt, periodIndexAt, type ValidityPeriod } from './periods.js';
import { effectiveTermination, type Termination } from './terminations.js';

/** not_started before validFrom; active while running; terminated once notice is recorded; expired after the end of a document without renewal. */
export type DocumentStatus = 'not_started' | 'active' | 'terminated' | 'expired';

/** One document's lifecycle on a date. Dates are ISO strings (YYYY-MM-DD). */
export interface DocumentLifecycle {
  readonly id: string;
  readonly title: string;
  readonly part: number;
  readonly on: string;
  readonly status: DocumentStatus;
  /** Start of the period containing the date (the first period before start, the last one after the end). */
  readonly periodStart: string;
  /** End of that period; once terminated, the final end. */
  readonly periodEnd: string;
  /** Last day to give notice for the current period (I11); null once terminated or without renewal. */
  readonly noticeDeadline: string | null;
  /** True when the document will be extended unless notice is given. */
  readonly autoRenews: boolean;
  /** The recorded termination in force, if any. */
  readonly termination: {
    readonly document: string;
    readonly noticeDate: string;
    readonly inTime: boolean;
    readonly finalEnd: string;
  } | null;
  /** The renewal clause (PRINC.giltighet or the document's Giltighetstid). */
  readonly clause: string;
  readonly interpretations: readonly ['I11'];
}

const iso = (d: Temporal.PlainDate): string => d.toString();

function period(doc: AgreementDocument, index: number): ValidityPeriod {
  const p = periodAt(doc, index);
  if (!p) throw new RangeError(`document ${doc.id} has no period ${String(index)}`);
  return p;
}

/** The lifecycle of `doc` on `date`, given the terminations recorded so far (those after `date` are ignored). */
export function documentLifecycle(
  doc: AgreementDocument,
  date: Temporal.PlainDate,
  terminations: readonly Termination[] = [],
): DocumentLifecycle {
  const cmp = (a: Temporal.PlainDate, b: Temporal.PlainDate): number => Temporal.PlainDate.compare(a, b);
  const index = periodIndexAt(doc, date);
  const current = period(doc, Math.max(0, index));
  const effect = effectiveTermination(doc, date, terminations);
  const base = {
    id: doc.id,
    title: doc.title,
    part: doc.part,
    on: iso(date),
    clause: doc.renewal.clause,
    interpretations: ['I11'] as const,
  };
  if (effect) {
    // After the final end the last period stays the one shown.
    const shown = cmp(date, effect.finalEnd) > 0 ? period(doc, periodIndexAt(doc, effect.finalEnd)) : current;
    return {
      ...base,
      status: index < 0 ? 'not_started' : 'terminated',
      periodStart: iso(shown.start),
      periodEnd: iso(effect.finalEnd),
      noticeDeadline: null,
      autoRenews: false,
      termination: {
        document: effect.termination.document,
        noticeDate: iso(effect.termination.noticeDate),
        inTime: effect.inTime,
        finalEnd: iso(effect.finalEnd),
      },
    };
  }
  const expired = doc.renewal.kind !== 'auto' && cmp(date, current.end) > 0;
  const deadline = noticeDeadline(doc, current);
  return {
    ...base,
    status: index < 0 ? 'not_started' : expired ? 'expired' : 'active',
    periodStart: iso(current.start),
    periodEnd: iso(current.end),
    noticeDeadline: deadline ? iso(deadline) : null,
    autoRenews: doc.renewal.kind === 'auto',
    termination: null,
  };
}

/** Every document of the agreement on `date`, in the order of documents.yaml. */
export function agreementLifecycle(
  agreement: Pick<Agreement, 'documents'>,
  date: Temporal.PlainDate,
  terminations: readonly Termination[] = [],
): DocumentLifecycle[] {
  return agreement.documents.map((d) => documentLifecycle(d, date, terminations));
}
