/**
 * Billing flows and their periods: a month (`2026-03`) for the monthly flows, a half-year
 * (`2026-H1`) for MT's fixed part (invoiced half-yearly in advance, MT.bilaga-1-fast-del), a year
 * (`2026`) for the tilläggsbelopp reconciliation (TILL.avstamning) and the development funds;
 * cost regulation after disputes (the Tvist clauses) is billed in the month of the decision.
 */
import { halfYearPeriod, invalidInput, monthPeriod, type Period } from '@samverkan/core';

/** The flows a billing run can be started for. */
export const billingFlows = [
  'dagtid',
  'synhorsel',
  'mt-fixed',
  'mt-variable',
  'inpatient-staff',
  'tillaggsbelopp',
  'development-funds',
  'cost-regulation',
] as const;
export type BillingFlow = (typeof billingFlows)[number];

/** How long a flow's period is. */
export type PeriodKind = 'month' | 'half-year' | 'year';

/** Period kind and Swedish title per flow. */
export const flowInfo: Readonly<Record<BillingFlow, { readonly period: PeriodKind; readonly title: string }>> = {
  dagtid: { period: 'month', title: 'Uppdrag dagtid' },
  synhorsel: { period: 'month', title: 'Syn- och hörselombud' },
  'mt-fixed': { period: 'half-year', title: 'MT fast del (halvår i förskott)' },
  'mt-variable': { period: 'month', title: 'MT rörlig del' },
  'inpatient-staff': { period: 'month', title: 'Kommunal personal i sluten vård' },
  tillaggsbelopp: { period: 'year', title: 'Tilläggsbelopp (avstämning)' },
  'development-funds': { period: 'year', title: 'Gemensamma utvecklingsmedel' },
  'cost-regulation': { period: 'month', title: 'Kostnadsreglering efter tvist' },
};

/** A parsed billing period. */
export interface BillingPeriod {
  /** As written: `2026-03`, `2026-H1`, `2026`. */
  readonly text: string;
  readonly kind: PeriodKind;
  readonly year: number;
  readonly half?: 1 | 2;
  /** Inclusive ISO dates. */
  readonly range: Period;
}

/** True when `text` is one of the flows. */
export function isBillingFlow(text: string): text is BillingFlow {
  return (billingFlows as readonly string[]).includes(text);
}

/** Parse `text` as the period kind `flow` needs; errors name the field `period` and say how to write it. */
export function parseBillingPeriod(flow: BillingFlow, text: string): BillingPeriod {
  const t = text.trim();
  const kind = flowInfo[flow].period;
  switch (kind) {
    case 'month': {
      if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(t))
        throw invalidInput(
          'period',
          `period: ${flowInfo[flow].title} faktureras per månad; skriv perioden som ÅÅÅÅ-MM, t.ex. 2026-03 (inte "${text}").`,
          text,
        );
      return { text: t, kind, year: Number(t.slice(0, 4)), range: monthPeriod(t, 'period') };
    }
    case 'half-year': {
      const m = /^(\d{4})-H([12])$/.exec(t);
      if (!m)
        throw invalidInput(
          'period',
          `period: ${flowInfo[flow].title} faktureras per halvår; skriv perioden som ÅÅÅÅ-H1 eller ÅÅÅÅ-H2, t.ex. 2026-H1 (inte "${text}").`,
          text,
        );
      const half = m[2] === '1' ? 1 : 2;
      const year = Number(m[1]);
      return { text: t, kind, year, half, range: halfYearPeriod(year, half) };
    }
    case 'year': {
      if (!/^\d{4}$/.test(t))
        throw invalidInput(
          'period',
          `period: ${flowInfo[flow].title} avser ett år; skriv perioden som ÅÅÅÅ, t.ex. 2026 (inte "${text}").`,
          text,
        );
      const year = Number(t);
      return { text: t, kind, year, range: { from: `${t}-01-01`, to: `${t}-12-31` } };
    }
  }
}
