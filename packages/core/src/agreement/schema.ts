/**
 * Schemas of the agreement data files in `agreements/<id>/`. The schemas are the model: each
 * TypeScript type below is derived from its schema, so data and code cannot drift. Every object
 * forbids unknown keys (a misplaced key is an error, never silently ignored).
 */
import Type, { type Static, type TSchema, type TProperties } from 'typebox';
import { roundingModes } from '../rounding.js';

/** An object schema that rejects unknown keys. */
function Strict<P extends TProperties>(properties: P, description?: string) {
  return Type.Object(properties, { additionalProperties: false, ...(description ? { description } : {}) });
}

/** A real calendar date: the pattern fixes the shape, `format: 'date'` rejects 2026-13-01 and 2026-02-29. */
const IsoDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', format: 'date', description: 'ISO-datum ÅÅÅÅ-MM-DD' });
const Id = Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9._-]*$' });
/** Clause ids are `<DOC>.<section>[.<sub>]`, e.g. `ORD.ansvarsfordelning`. */
export const ClauseIdPattern = '^[A-Z]+(\\.[a-z0-9-]+)+$';
const ClauseId = Type.String({ pattern: ClauseIdPattern });
const Text = Type.String({ minLength: 1 });
const Year = Type.Integer({ minimum: 1990, maximum: 2200 });

/** `agreement.yaml`: identity and version of this agreement data set. */
export const AgreementMetaSchema = Strict({
  id: Id,
  version: Text,
  title: Text,
  /** Short Swedish description. */
  description: Text,
  validFrom: IsoDate,
  region: Strict({ id: Id, name: Text }),
  /** Seed documents this data is transcribed from. */
  sources: Type.Array(Strict({ id: Id, title: Text, date: Type.Optional(IsoDate), reference: Type.Optional(Text) })),
});
export type AgreementMeta = Static<typeof AgreementMetaSchema>;

export const PartSchema = Strict({
  part: Type.Integer({ minimum: 1, maximum: 5 }),
  colour: Type.Union([Type.Literal('grön'), Type.Literal('ljusblå'), Type.Literal('gul'), Type.Literal('röd'), Type.Literal('mörkblå')]),
  title: Text,
  decided: Type.Boolean(),
});
export type Part = Static<typeof PartSchema>;

export const RenewalSchema = Type.Union([
  Strict({
    kind: Type.Literal('auto'),
    /** Length of each extension in years. */
    extensionYears: Type.Integer({ minimum: 1, maximum: 10 }),
    /** Notice must be given at least this many months before the period ends (I11). */
    noticeMonths: Type.Integer({ minimum: 0, maximum: 60 }),
    /** Forum through which notice is given. */
    noticeForum: Id,
    clause: ClauseId,
  }),
  Strict({
    kind: Type.Literal('none'),
    /** Why there is no renewal (e.g. the text has no renewal clause). */
    note: Text,
    clause: ClauseId,
  }),
]);
export type Renewal = Static<typeof RenewalSchema>;

/** `documents.yaml`: the parts and the decided documents. */
export const DocumentsFileSchema = Strict({
  parts: Type.Array(PartSchema),
  documents: Type.Array(
    Strict({
      id: Type.String({ pattern: '^[A-Z]+$' }),
      title: Text,
      shortTitle: Text,
      part: Type.Integer({ minimum: 1, maximum: 5 }),
      validFrom: IsoDate,
      validTo: IsoDate,
      renewal: RenewalSchema,
    }),
  ),
});
export type DocumentsFile = Static<typeof DocumentsFileSchema>;
export type AgreementDocument = DocumentsFile['documents'][number];

/** `clauses/<DOC>.yaml`: the clauses results cite, with a short Swedish quote. */
export const ClausesFileSchema = Strict({
  clauses: Type.Array(
    Strict({
      id: ClauseId,
      document: Type.String({ pattern: '^[A-Z]+$' }),
      heading: Text,
      quote: Text,
    }),
  ),
});
export type ClausesFile = Static<typeof ClausesFileSchema>;
export type Clause = ClausesFile['clauses'][number];

/** `municipalities.yaml`. */
export const MunicipalitiesFileSchema = Strict({
  municipalities: Type.Array(
    Strict({
      /** Statistics Sweden municipality code (4 digits). */
      code: Type.String({ pattern: '^\\d{4}$' }),
      name: Text,
    }),
  ),
});
export type MunicipalitiesFile = Static<typeof MunicipalitiesFileSchema>;
export type Municipality = MunicipalitiesFile['municipalities'][number];

/** Units a parameter may have. Money is always integer öre. */
export const parameterUnits = [
  'ore',
  'ore_per_hour',
  'ore_per_started_hour',
  'ore_per_person',
  'ore_per_month',
  'minutes',
  'hours',
  'persons',
  'percent',
  'ratio',
  'count',
] as const;
export type ParameterUnit = (typeof parameterUnits)[number];

export const RoundingSchema = Strict({
  /** Rounding step in the parameter's unit (100 öre = whole kronor). */
  step: Type.Integer({ minimum: 1 }),
  mode: Type.Enum(roundingModes),
});

/** `parameters.yaml`: every parameter of economy.md with unit, validity, base year, index and source. */
export const ParametersFileSchema = Strict({
  parameters: Type.Array(
    Strict({
      id: Id,
      title: Text,
      unit: Type.Enum(parameterUnits),
      clause: ClauseId,
      /** Interpretations (I1–I15) this parameter embodies, if any. */
      interpretations: Type.Optional(Type.Array(Type.String({ pattern: '^I\\d+$' }))),
      values: Type.Array(
        Strict({
          validFrom: IsoDate,
          validTo: Type.Optional(IsoDate),
          /** Integer for öre, minutes, persons, counts; an exact decimal string for percent and ratio. */
          value: Type.Union([Type.Integer(), Type.String({ pattern: '^-?\\d+(\\.\\d+)?$' })]),
          /** The year whose price level `value` is in (for indexed parameters). */
          baseYear: Type.Optional(Year),
          /** Decision or document the value comes from. */
          source: Text,
        }),
        { minItems: 1 },
      ),
      indexation: Type.Optional(
        Strict({
          series: Type.Union([Type.Literal('VPI'), Type.Literal('OPI'), Type.Literal('LPIK')]),
          /** First year whose index change is applied (may be overridden by an interpretation option). */
          firstUpliftYear: Year,
          rounding: RoundingSchema,
          clause: ClauseId,
        }),
      ),
    }),
  ),
});
export type ParametersFile = Static<typeof ParametersFileSchema>;
export type Parameter = ParametersFile['parameters'][number];

/** `interpretations.yaml`: I1–I15 as named, selectable options. */
export const InterpretationsFileSchema = Strict({
  interpretations: Type.Array(
    Strict({
      id: Type.String({ pattern: '^I\\d+$' }),
      topic: Text,
      /** What the text says (short Swedish quote). */
      text: Text,
      clauses: Type.Array(ClauseId),
      default: Id,
      options: Type.Array(
        Strict({
          id: Id,
          /** Short Swedish name a person reads instead of the id ("hela kronor varje år" for `whole-kronor`). */
          label: Text,
          description: Text,
          /** Values this option sets, read by the calculations that name this interpretation. */
          values: Type.Optional(Type.Record(Type.String(), Type.Union([Type.Integer(), Type.String(), Type.Boolean()]))),
        }),
        { minItems: 1 },
      ),
    }),
  ),
});
export type InterpretationsFile = Static<typeof InterpretationsFileSchema>;
export type Interpretation = InterpretationsFile['interpretations'][number];

/** `forums.yaml`: the collaboration structure. */
export const ForumsFileSchema = Strict({
  forums: Type.Array(
    Strict({
      id: Id,
      name: Text,
      level: Type.Union([Type.Literal('politisk'), Type.Literal('tjänsteperson'), Type.Literal('lokal'), Type.Literal('övrigt')]),
      description: Text,
      /** One per municipality (lokal samverkansarena). */
      perMunicipality: Type.Optional(Type.Boolean()),
      sources: Type.Array(Text),
    }),
  ),
});
export type ForumsFile = Static<typeof ForumsFileSchema>;
export type Forum = ForumsFile['forums'][number];

/** `decisions.yaml`: the decision history from the seeds. */
export const DecisionsFileSchema = Strict({
  decisions: Type.Array(
    Strict({
      id: Id,
      /** ISO date, or a year-month or year when the seed gives no day. */
      date: Type.String({ pattern: '^\\d{4}(-\\d{2}(-\\d{2})?)?$' }),
      body: Text,
      reference: Type.Optional(Text),
      decision: Text,
      seed: Text,
      /** Documents the decision affects. */
      documents: Type.Array(Type.String({ pattern: '^[A-Z]+$' })),
    }),
  ),
});
export type DecisionsFile = Static<typeof DecisionsFileSchema>;
export type Decision = DecisionsFile['decisions'][number];

export const frequencies = [
  'monthly',
  'quarterly',
  'half-yearly',
  'yearly',
  'every-2-years',
  'every-3-years',
  'every-4-years',
  'per-period',
] as const;
export type Frequency = (typeof frequencies)[number];

/** `obligations.yaml`: recurring obligations (årshjul) with owner, clause and default due date (I9). */
export const ObligationsFileSchema = Strict({
  obligations: Type.Array(
    Strict({
      id: Id,
      title: Text,
      description: Type.Optional(Text),
      frequency: Type.Enum(frequencies),
      /** Owner forum or party id; omitted where the text names none. */
      owner: Type.Optional(Text),
      clauses: Type.Array(ClauseId, { minItems: 1 }),
      documents: Type.Array(Type.String({ pattern: '^[A-Z]+$' })),
      /** Due day within the period as MM-DD (yearly) or DD (monthly); I9 defaults. */
      due: Type.Optional(Type.String({ pattern: '^(\\d{2}-\\d{2}|\\d{2}|last)$' })),
      /** For multi-year frequencies: a year in which it falls. */
      anchorYear: Type.Optional(Year),
      /** First year the obligation applies. */
      fromYear: Type.Optional(Year),
      interpretations: Type.Optional(Type.Array(Type.String({ pattern: '^I\\d+$' }))),
    }),
  ),
});
export type ObligationsFile = Static<typeof ObligationsFileSchema>;
export type Obligation = ObligationsFile['obligations'][number];

/** `disputes.yaml`: escalation paths per document and level. */
export const DisputePathsFileSchema = Strict({
  paths: Type.Array(
    Strict({
      documents: Type.Array(Type.String({ pattern: '^[A-Z]+$' }), { minItems: 1 }),
      level: Type.Union([
        Type.Literal('individ'),
        Type.Literal('organisation'),
        Type.Literal('storlek-fordelning'),
        Type.Literal('utforande'),
      ]),
      steps: Type.Array(Strict({ forum: Text, description: Text }), { minItems: 1 }),
      note: Type.Optional(Text),
      clause: ClauseId,
    }),
  ),
});
export type DisputePathsFile = Static<typeof DisputePathsFileSchema>;
export type DisputePath = DisputePathsFile['paths'][number];

/** Re-exported so other modules can build strict schemas the same way. */
export { Strict, IsoDate, ClauseId, type TSchema };
