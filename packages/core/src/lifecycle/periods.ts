/**
 * Validity periods of one document (PRINC.giltighet and each document's Giltighetstid): the first
 * period is [validFrom, validTo]; a document with automatic renewal is then "varje gång förlängd
 * med två år", so period n ≥ 1 starts the day after period n − 1 ends and lasts extensionYears.
 */
import { Temporal } from '../dates.js';
import type { AgreementDocument } from '../agreement/schema.js';

/** One validity period, both ends inclusive. */
export interface ValidityPeriod {
  /** 0 for the first period, 1 for the first extension, … */
  readonly index: number;
  readonly start: Temporal.PlainDate;
  readonly end: Temporal.PlainDate;
}

/** The document's dates and renewal rule: all the lifecycle needs. */
export type LifecycleDocument = Pick<AgreementDocument, 'id' | 'validFrom' | 'validTo' | 'renewal'>;

const day = (text: string): Temporal.PlainDate => Temporal.PlainDate.from(text);

/** Period `index` of `doc`; undefined if the document has no such period (no renewal beyond the first). */
export function periodAt(doc: LifecycleDocument, index: number): ValidityPeriod | undefined {
  if (index < 0 || !Number.isInteger(index)) return undefined;
  const start0 = day(doc.validFrom);
  const end0 = day(doc.validTo);
  if (index === 0) return { index, start: start0, end: end0 };
  if (doc.renewal.kind !== 'auto') return undefined;
  // Counted from the day after the first end so that consecutive periods always touch.
  const firstExtensionStart = end0.add({ days: 1 });
  const years = doc.renewal.extensionYears;
  const start = firstExtensionStart.add({ years: (index - 1) * years });
  const end = firstExtensionStart.add({ years: index * years }).subtract({ days: 1 });
  return { index, start, end };
}

/**
 * The period containing `date`: -1 before the document starts; for a document without renewal,
 * 0 also after its end (the only period it has).
 */
export function periodIndexAt(doc: LifecycleDocument, date: Temporal.PlainDate): number {
  const cmp = (a: Temporal.PlainDate, b: Temporal.PlainDate): number => Temporal.PlainDate.compare(a, b);
  if (cmp(date, day(doc.validFrom)) < 0) return -1;
  if (cmp(date, day(doc.validTo)) <= 0 || doc.renewal.kind !== 'auto') return 0;
  const firstExtensionStart = day(doc.validTo).add({ days: 1 });
  let n = 1 + Math.floor((date.year - firstExtensionStart.year) / doc.renewal.extensionYears);
  // The estimate is off by at most one when the periods do not start on 1 January.
  for (;;) {
    const p = periodAt(doc, n);
    if (!p) return n;
    if (n > 1 && cmp(date, p.start) < 0) n--;
    else if (cmp(date, p.end) > 0) n++;
    else return n;
  }
}

/**
 * Last day notice can be given for `period` (I11): the end minus noticeMonths, same day of the
 * month, clamped to the month's last day; notice given on that day is in time. Null without renewal.
 */
export function noticeDeadline(doc: LifecycleDocument, period: ValidityPeriod): Temporal.PlainDate | null {
  if (doc.renewal.kind !== 'auto') return null;
  return period.end.subtract({ months: doc.renewal.noticeMonths }, { overflow: 'constrain' });
}
