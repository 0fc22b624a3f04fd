/**
 * The agreement status report's input: each document's period and notice deadline on a day
 * (core lifecycle, I11), the obligations of the following days (core årshjul, across a year end),
 * and the disputes still open (the disputes view). Built by a pure function so the API, the CLI
 * and the tests produce the same report from the same data.
 */
import {
  agreementLifecycle,
  calendarForYear,
  SamverkanError,
  Temporal,
  type Agreement,
  type CalendarEvent,
  type DocumentLifecycle,
  type Termination,
} from '@samverkan/core';
import type { DisputeView } from '../../disputes/dispute-view.js';

/** An open dispute as the report lists it. */
export interface StatusReportDispute {
  readonly id: string;
  readonly subject: string;
  readonly document: string;
  readonly level: string;
  /** Swedish names of the two parties. */
  readonly parties: readonly [string, string];
  readonly openedOn: string;
  /** The forum handling it now. */
  readonly forumName: string;
  readonly clause: string;
  /** A proposal waiting for the other party, in words, or null. */
  readonly pending: string | null;
}

/** What the status report PDF renders. */
export interface AgreementStatusReport {
  readonly agreement: { readonly id: string; readonly version: string; readonly title: string };
  /** The day the report describes (ISO). */
  readonly on: string;
  readonly horizonDays: number;
  readonly documents: readonly DocumentLifecycle[];
  /** Obligations from `on` to `on + horizonDays`, by date. */
  readonly upcoming: readonly CalendarEvent[];
  readonly openDisputes: readonly StatusReportDispute[];
  readonly demo: boolean;
}

/** A party code (`region`, `2380`) as its Swedish name. */
export function partyName(agreement: Pick<Agreement, 'meta' | 'municipalities'>, code: string): string {
  if (code === 'region') return agreement.meta.region.name;
  return agreement.municipalities.find((m) => m.code === code)?.name ?? code;
}

/** The report for day `on` (ISO date) with obligations of the next `horizonDays` days. */
export function statusReportOf(
  agreement: Agreement,
  on: string,
  terminations: readonly Termination[],
  disputes: readonly DisputeView[],
  opts: { readonly horizonDays?: number; readonly demo?: boolean } = {},
): AgreementStatusReport {
  const horizonDays = opts.horizonDays ?? 90;
  if (!Number.isSafeInteger(horizonDays) || horizonDays < 1 || horizonDays > 366) {
    throw new SamverkanError('SAMV_ERR_INVALID_INPUT', `dagar: horisonten ska vara 1–366 dagar (${String(horizonDays)}).`, {
      field: 'dagar',
      value: horizonDays,
    });
  }
  let day: Temporal.PlainDate;
  try {
    day = Temporal.PlainDate.from(on);
  } catch {
    throw new SamverkanError('SAMV_ERR_INVALID_INPUT', `datum: "${on}" är inte ett datum (skriv ÅÅÅÅ-MM-DD).`, {
      field: 'datum',
      value: on,
    });
  }
  const end = day.add({ days: horizonDays });
  const years = new Set([day.year, end.year]);
  const upcoming = [...years]
    .flatMap((y) => calendarForYear(agreement, y, terminations))
    .filter((e) => e.date >= day.toString() && e.date <= end.toString())
    .sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
  const openDisputes = disputes
    .filter((d) => d.status === 'open')
    .sort((a, b) => a.openedOn.localeCompare(b.openedOn) || a.id.localeCompare(b.id))
    .map((d) => ({
      id: d.id,
      subject: d.subject,
      document: d.document,
      level: d.level,
      parties: [partyName(agreement, d.parties[0]), partyName(agreement, d.parties[1])] as const,
      openedOn: d.openedOn,
      forumName: d.currentStep.forumName,
      clause: d.clause,
      pending:
        d.pendingDecision === null
          ? null
          : `Förslag väntar på bekräftelse av ${partyName(agreement, d.pendingDecision.awaitingParty)}: ${d.pendingDecision.outcome}`,
    }));
  return {
    agreement: { id: agreement.meta.id, version: agreement.meta.version, title: agreement.meta.title },
    on: day.toString(),
    horizonDays,
    documents: agreementLifecycle(agreement, day, terminations),
    upcoming,
    openDisputes,
    demo: opts.demo ?? disputes.some((d) => d.demo),
  };
}
