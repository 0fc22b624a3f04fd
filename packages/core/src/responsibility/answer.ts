/**
 * The answer of the Ansvarsguide: the JSON shape `samverkan assess --json` prints and the server
 * endpoint returns, unchanged. Stable: add fields, never rename or remove them without bumping
 * ANSWER_SCHEMA_VERSION. Every decision carries its rule id and the clauses (with their short
 * Swedish quotes) it comes from.
 */
import type { BillingKind } from './rule-files.js';
import type { CriterionId, ProductKind, TimeBand } from './inputs.js';

/** Version of the answer's JSON shape. */
export const ANSWER_SCHEMA_VERSION = 1;

/** Who a decision names. `kommun` always comes with the municipality of registration (I15). */
export type AnswerParty = 'region' | 'kommun' | 'employer' | 'individual_agreement' | 'undecided';

/** A clause a decision rests on. */
export interface ClauseRef {
  /** Clause id, e.g. `ORD.ansvarsfordelning.kriterier`. */
  readonly id: string;
  /** Short verbatim Swedish quote from the agreement. */
  readonly quote: string;
  readonly heading: string;
  /** Document id, e.g. `ORD`. */
  readonly document: string;
  /** Full Swedish title of the document. */
  readonly documentTitle: string;
}

/** A municipality by Statistics Sweden code and name. */
export interface MunicipalityRef {
  readonly code: string;
  readonly name: string;
}

/** What every decision has. */
export interface DecisionBase {
  /** Id of the rule that decided (an undecided answer names the rule that found it undecided). */
  readonly rule: string;
  /** Swedish title of the rule. */
  readonly title: string;
  /** Swedish subordinate clause completing "… eftersom …". */
  readonly reason: string;
  readonly notes: readonly string[];
  readonly clauses: readonly ClauseRef[];
  /** Inputs whose value would settle an undecided answer (empty when decided). */
  readonly missing: readonly string[];
}

/** A decision naming a party. */
export interface PartyDecision extends DecisionBase {
  readonly party: AnswerParty;
  /** The municipality when `party` is `kommun`, else null. */
  readonly municipality: MunicipalityRef | null;
  /** The responsible unit within the party, e.g. `Storsjögläntan`, when the rule names one. */
  readonly unit: string | null;
}

/** Health-care responsibility up to physician level (R1–R8). */
export interface CareAnswer extends PartyDecision {
  /** For R1 (not registered in the county): the home region to invoice, when given. */
  readonly homeRegion: string | null;
}

/** One ordinary-housing criterion. */
export interface CriterionAnswer {
  readonly id: CriterionId;
  readonly number: number;
  readonly title: string;
  readonly status: 'met' | 'not_met' | 'unknown';
  readonly clause: ClauseRef;
  readonly missing: readonly string[];
}

/** Physician participation and fixed physician contact. */
export interface PhysicianAnswer extends PartyDecision {
  readonly fixedPhysicianContact: string | null;
}

/** One product question. */
export interface ProductAnswer extends PartyDecision {
  /** Position of the question in the input's `products`. */
  readonly index: number;
  readonly kind: ProductKind;
  readonly kindLabel: string;
  /** The question's own label, when given. */
  readonly label: string | null;
  /** When the party follows the health-care responsibility: the care rule that decided it. */
  readonly via: string | null;
}

/** An hourly rate a decision refers to (base value; VPI/OPI uplift is applied by the economy module). */
export interface RateRef {
  readonly parameter: string;
  readonly title: string;
  /** Value in öre per started hour, in the price level of `baseYear`. */
  readonly valueOre: number;
  readonly baseYear: number | null;
  /** Index series the rate is uplifted by each year, when it is indexed. */
  readonly index: string | null;
  readonly clause: string;
}

/** Who performs, and whether it is billed (ORD Arbete på annans uppdrag). */
export interface PerformingAnswer extends DecisionBase {
  readonly performer: 'region' | 'kommun' | 'undecided';
  /** The municipality when the municipality performs (or for R1, hired staff: null, not known). */
  readonly municipality: MunicipalityRef | null;
  readonly asHiredStaff: boolean;
  readonly billing: BillingKind;
  readonly rate: RateRef | null;
  readonly invoicedBy: 'region' | 'kommun' | null;
  readonly invoicedTo: 'region' | 'kommun' | null;
  /** The time band the given time falls in, or null when no time was given. */
  readonly timeBand: TimeBand | null;
}

/** A duty or routine with its clauses. */
export interface DutyAnswer {
  readonly id: string;
  readonly text: string;
  readonly clauses: readonly ClauseRef[];
}

/** A handover routine (a supporting document of part 5) to follow. */
export interface HandoverAnswer extends DutyAnswer {
  readonly routine: string;
}

/** Vision and hearing rehabilitation (SYNHOR). */
export interface VisionHearingAnswer extends DecisionBase {
  /** Whether the ombud's listed tasks for this person may be invoiced to the region; null = undecided. */
  readonly billable: boolean | null;
  readonly rate: RateRef | null;
  readonly hearingTasks: readonly string[];
  readonly visionTasks: readonly string[];
  readonly taskClauses: readonly ClauseRef[];
  readonly regionDuties: readonly DutyAnswer[];
  readonly municipalityDuties: readonly DutyAnswer[];
}

/** The whole answer for one situation. */
export interface Answer {
  readonly schemaVersion: typeof ANSWER_SCHEMA_VERSION;
  readonly agreement: { readonly id: string; readonly version: string };
  /** The date the answer applies to (ISO). */
  readonly date: string;
  readonly careResponsibility: CareAnswer;
  /** The four criteria, when the deciding rule looks at them (ordinary housing, R5–R8); empty otherwise. */
  readonly criteria: readonly CriterionAnswer[];
  /** Every missing input over all questions, in input order (products as `products[i].flag`). */
  readonly missing: readonly string[];
  readonly physician: PhysicianAnswer;
  readonly products: readonly ProductAnswer[];
  readonly performing: PerformingAnswer;
  readonly visionHearing: VisionHearingAnswer;
  /** What holds whatever the rule (responsibility.md, Always true). */
  readonly duties: readonly DutyAnswer[];
  readonly handover: readonly HandoverAnswer[];
}
