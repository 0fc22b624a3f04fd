/**
 * Schemas of the responsibility data files in `agreements/<id>/rules/`. Every object rejects
 * unknown keys. The decision tables share one rule shape; each table has its own outcome shape.
 */
import Type, { type Static, type TSchema } from 'typebox';
import { ClauseId, Strict } from '../agreement/schema.js';
import { ConditionSchema } from './condition.js';

const Id = Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9._-]*$' });
const Text = Type.String({ minLength: 1 });
const ClauseList = Type.Array(ClauseId, { minItems: 1 });

/**
 * Clauses a rule cites: one list, or one list per setting when ORD (ordinary housing) and SABO
 * (special housing, short-term placement, LSS housing) state the same rule in their own words.
 */
export const ClauseRefsSchema = Type.Union([ClauseList, Strict({ ordinart: ClauseList, sarskilt: ClauseList })]);
export type ClauseRefs = Static<typeof ClauseRefsSchema>;

/** One rule of a decision table, with the table's outcome shape. */
function RuleSchema<O extends TSchema>(outcome: O) {
  return Strict({
    id: Id,
    /** Short Swedish title of the case the rule covers. */
    title: Text,
    /** When the rule applies; omitted only on the `fallback` rule. */
    when: Type.Optional(ConditionSchema),
    /** Every other rule of the table comes before this one. */
    fallback: Type.Optional(Type.Literal(true)),
    outcome,
    clauses: ClauseRefsSchema,
    /** Rules this one takes priority over where both match (declared, never implied by order). */
    before: Type.Optional(Type.Array(Id, { minItems: 1 })),
  });
}

const Notes = Type.Optional(Type.Array(Text));
/** Swedish subordinate clause completing "… ansvarar eftersom …". */
const Reason = Text;

export const CareOutcomeSchema = Strict({
  party: Type.Union([Type.Literal('region'), Type.Literal('kommun'), Type.Literal('undecided')]),
  unit: Type.Optional(Text),
  reason: Reason,
  notes: Notes,
});
export type CareOutcome = Static<typeof CareOutcomeSchema>;

export const CriterionSchema = Strict({
  id: Type.Union([
    Type.Literal('safeAtHome'),
    Type.Literal('needOver14Days'),
    Type.Literal('frailty'),
    Type.Literal('cannotReachHealthCentre'),
  ]),
  number: Type.Integer({ minimum: 1, maximum: 4 }),
  title: Text,
  clause: ClauseId,
  met: ConditionSchema,
  notMet: ConditionSchema,
});
export type CriterionData = Static<typeof CriterionSchema>;

/** `rules/care-responsibility.yaml`. */
export const CareFileSchema = Strict({
  table: Type.Literal('care-responsibility'),
  title: Text,
  criteria: Type.Array(CriterionSchema, { minItems: 4, maxItems: 4 }),
  rules: Type.Array(RuleSchema(CareOutcomeSchema), { minItems: 1 }),
});
export type CareFile = Static<typeof CareFileSchema>;

export const ProductOutcomeSchema = Strict({
  party: Type.Union([
    Type.Literal('region'),
    Type.Literal('kommun'),
    Type.Literal('employer'),
    Type.Literal('individual_agreement'),
    Type.Literal('undecided'),
    /** The party holding the health-care responsibility (the base rule). */
    Type.Literal('care_responsibility'),
  ]),
  unit: Type.Optional(Text),
  reason: Reason,
  notes: Notes,
});
export type ProductOutcome = Static<typeof ProductOutcomeSchema>;

/** `rules/products.yaml`. */
export const ProductsFileSchema = Strict({
  table: Type.Literal('products'),
  title: Text,
  rules: Type.Array(RuleSchema(ProductOutcomeSchema), { minItems: 1 }),
});
export type ProductsFile = Static<typeof ProductsFileSchema>;

export const PhysicianOutcomeSchema = Strict({
  party: Type.Union([Type.Literal('region'), Type.Literal('undecided')]),
  unit: Type.Optional(Text),
  fixedPhysicianContact: Type.Optional(Text),
  reason: Reason,
  notes: Notes,
});
export type PhysicianOutcome = Static<typeof PhysicianOutcomeSchema>;

/** `rules/physician.yaml`. */
export const PhysicianFileSchema = Strict({
  table: Type.Literal('physician'),
  title: Text,
  rules: Type.Array(RuleSchema(PhysicianOutcomeSchema), { minItems: 1 }),
});
export type PhysicianFile = Static<typeof PhysicianFileSchema>;

export const billingKinds = ['none', 'none_record_volume', 'per_started_hour', 'tillaggsbelopp', 'home_region', 'undecided'] as const;
/** How work on another party's behalf is compensated. */
export type BillingKind = (typeof billingKinds)[number];

const Principal = Type.Union([Type.Literal('region'), Type.Literal('kommun')]);
export const PerformingOutcomeSchema = Strict({
  performer: Type.Union([Type.Literal('region'), Type.Literal('kommun'), Type.Literal('undecided')]),
  /** The performer works as the responsible party's hired staff. */
  asHiredStaff: Type.Optional(Type.Boolean()),
  billing: Type.Union([
    Type.Literal('none'),
    Type.Literal('none_record_volume'),
    Type.Literal('per_started_hour'),
    Type.Literal('tillaggsbelopp'),
    Type.Literal('home_region'),
    Type.Literal('undecided'),
  ]),
  /** Parameter id of the hourly rate (parameters.yaml). */
  parameter: Type.Optional(Id),
  invoicedBy: Type.Optional(Principal),
  invoicedTo: Type.Optional(Principal),
  reason: Reason,
  notes: Notes,
});
export type PerformingOutcome = Static<typeof PerformingOutcomeSchema>;

/** `rules/performing.yaml`. */
export const PerformingFileSchema = Strict({
  table: Type.Literal('performing'),
  title: Text,
  rules: Type.Array(RuleSchema(PerformingOutcomeSchema), { minItems: 1 }),
});
export type PerformingFile = Static<typeof PerformingFileSchema>;

export const VisionHearingOutcomeSchema = Strict({
  billable: Type.Union([Type.Literal(true), Type.Literal(false), Type.Literal('undecided')]),
  parameter: Type.Optional(Id),
  reason: Reason,
  notes: Notes,
});
export type VisionHearingOutcome = Static<typeof VisionHearingOutcomeSchema>;

const DutyText = Strict({ text: Text, clauses: ClauseRefsSchema });

/** `rules/vision-hearing.yaml`. */
export const VisionHearingFileSchema = Strict({
  table: Type.Literal('vision-hearing'),
  title: Text,
  regionDuties: Type.Array(DutyText, { minItems: 1 }),
  municipalityDuties: Type.Array(DutyText, { minItems: 1 }),
  billableTasks: Strict({ hearing: Type.Array(Text, { minItems: 1 }), vision: Type.Array(Text, { minItems: 1 }), clauses: ClauseList }),
  rules: Type.Array(RuleSchema(VisionHearingOutcomeSchema), { minItems: 1 }),
});
export type VisionHearingFile = Static<typeof VisionHearingFileSchema>;

/** `rules/duties.yaml`: lists, not decision tables (every matching entry applies). */
export const DutiesFileSchema = Strict({
  table: Type.Literal('duties'),
  duties: Type.Array(Strict({ id: Id, text: Text, clauses: ClauseRefsSchema }), { minItems: 1 }),
  handover: Type.Array(Strict({ id: Id, routine: Text, text: Text, when: Type.Optional(ConditionSchema), clauses: ClauseRefsSchema }), {
    minItems: 1,
  }),
});
export type DutiesFile = Static<typeof DutiesFileSchema>;

/** `rules/cfs.yaml`: the Clinical Frailty Scale of ORD Bilaga 1. */
export const CfsFileSchema = Strict({
  clause: ClauseId,
  title: Text,
  levels: Type.Array(Strict({ level: Type.Integer({ minimum: 1, maximum: 9 }), name: Text, description: Text }), {
    minItems: 9,
    maxItems: 9,
  }),
  dementia: Strict({ heading: Text, text: Text }),
  source: Text,
});
export type CfsFile = Static<typeof CfsFileSchema>;
