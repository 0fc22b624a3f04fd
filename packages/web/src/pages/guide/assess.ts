/**
 * The request and response of `POST /api/v1/assess?explain=true`: the `samverkan assess --json`
 * shape (packages/core/src/responsibility/situation.ts and answer.ts). Only the flat, non-personal
 * inputs are sent; an unknown answer is left out, which the service reads as unknown (never false).
 */
import { PRODUCT_FLAGS, pruneState, readyToAssess, type GuideState, type ProductKind } from './guide-state.js';

/** The assess input. */
export interface AssessInput {
  readonly [key: string]: string | number | boolean | readonly Readonly<Record<string, string | boolean>>[];
}

const FLAT = [
  'date',
  'registeredMunicipality',
  'housing',
  'homeRegion',
  'storsjoglantan',
  'atDayActivity',
  'safeAtHome',
  'needOver14Days',
  'cfs',
  'cognitiveImpairment',
  'cannotReachHealthCentre',
  'prefersHealthCentre',
  'preferenceRisksSafety',
  'listedAtOtherHealthCentre',
  'time',
] as const;

/** The assess input for the state, or undefined while the required inputs are missing. */
export function toAssessInput(given: GuideState): AssessInput | undefined {
  // A hand-edited link may carry answers the guide would not ask; they are not sent.
  const s = pruneState(given);
  if (!readyToAssess(s)) return undefined;
  const out: Record<string, string | number | boolean | Record<string, string | boolean>[]> = {};
  for (const k of FLAT) {
    const v = s[k];
    if (v !== undefined && v !== 'unknown') out[k] = v;
  }
  // Each product row with a kind is one product question; its answer names its own party and clause.
  const products = (s.products ?? []).flatMap((p) => {
    if (p.kind === undefined) return [];
    const product: Record<string, string | boolean> = { kind: p.kind };
    for (const f of PRODUCT_FLAGS) {
      const v = p.flags[f];
      if (v !== undefined && v !== 'unknown') product[f] = v;
    }
    return [product];
  });
  if (products.length > 0) out['products'] = products;
  return out;
}

/** A clause a decision rests on, with its short verbatim quote. */
export interface ClauseRef {
  readonly id: string;
  readonly quote: string;
  readonly heading: string;
  readonly document: string;
  readonly documentTitle: string;
}

/** A municipality. */
export interface MunicipalityRef {
  readonly code: string;
  readonly name: string;
}

/** What every decision has. */
export interface DecisionBase {
  readonly rule: string;
  readonly title: string;
  /** Swedish subordinate clause completing "… eftersom …". */
  readonly reason: string;
  readonly notes: readonly string[];
  readonly clauses: readonly ClauseRef[];
  readonly missing: readonly string[];
}

/** Who a decision names. */
export type AnswerParty = 'region' | 'kommun' | 'employer' | 'individual_agreement' | 'undecided';

/** A decision naming a party. */
export interface PartyDecision extends DecisionBase {
  readonly party: AnswerParty;
  readonly municipality: MunicipalityRef | null;
  readonly unit: string | null;
}

/** One product question's answer. */
export interface ProductAnswer extends PartyDecision {
  readonly index: number;
  readonly kind: ProductKind;
  readonly kindLabel: string;
  readonly label: string | null;
  readonly via: string | null;
}

/** A rate a decision refers to. */
export interface RateRef {
  readonly parameter: string;
  readonly title: string;
  readonly valueOre: number;
  readonly baseYear: number | null;
  readonly index: string | null;
  readonly clause: string;
}

/** The answer of `POST /assess` (answer.ts, schema version 1), plus the Swedish explanation. */
export interface AssessResult {
  readonly schemaVersion: number;
  readonly agreement: { readonly id: string; readonly version: string };
  readonly date: string;
  readonly careResponsibility: PartyDecision & { readonly homeRegion: string | null };
  readonly criteria: readonly {
    readonly id: string;
    readonly number: number;
    readonly title: string;
    readonly status: 'met' | 'not_met' | 'unknown';
    readonly clause: ClauseRef;
    readonly missing: readonly string[];
  }[];
  readonly missing: readonly string[];
  readonly physician: PartyDecision & { readonly fixedPhysicianContact: string | null };
  readonly products: readonly ProductAnswer[];
  readonly performing: DecisionBase & {
    readonly performer: 'region' | 'kommun' | 'undecided';
    readonly municipality: MunicipalityRef | null;
    readonly asHiredStaff: boolean;
    readonly billing: string;
    readonly rate: RateRef | null;
    readonly timeBand: string | null;
  };
  readonly visionHearing: DecisionBase & {
    readonly billable: boolean | null;
    readonly rate: RateRef | null;
    readonly hearingTasks: readonly string[];
    readonly visionTasks: readonly string[];
  };
  readonly duties: readonly { readonly id: string; readonly text: string; readonly clauses: readonly ClauseRef[] }[];
  readonly handover: readonly {
    readonly id: string;
    readonly routine: string;
    readonly text: string;
    readonly clauses: readonly ClauseRef[];
  }[];
  /** Swedish prose (paragraphs separated by blank lines), with `?explain=true`. */
  readonly explanation?: string;
}
