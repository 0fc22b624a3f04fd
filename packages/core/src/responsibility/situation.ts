/**
 * A care situation as given to `samverkan assess` and the web app: a flat JSON object with no
 * personal identity. Validated here (TypeBox schema with unknown keys rejected, then the values
 * the schema cannot know: municipality codes, calendar dates, clock times). Omitted or `null`
 * yes/no inputs are UNKNOWN, never false.
 */
import Type, { type Static } from 'typebox';
import Value from 'typebox/value';
import { Compile, type Validator } from 'typebox/compile';
import { Strict } from '../agreement/schema.js';
import { parseClockTime, parseDate } from '../dates.js';
import { invalidInput, type SamverkanError } from '../errors.js';
import { refusePersonnummer } from '../personnummer.js';
import type { MunicipalityRef } from './answer.js';
import { housingLabels, housings, productFlags, productKinds, type Housing, type ProductFlag, type ProductKind } from './inputs.js';
import type { ResponsibilityRules } from './load-rules.js';

const YesNo = Type.Optional(Type.Union([Type.Boolean(), Type.Null()]));

/** One product question: the kind of product and the context flags that decide the exceptions. */
export const ProductQuestionSchema = Strict({
  kind: Type.Enum(productKinds),
  /** Free label shown back in the answer, e.g. "Sondmat". */
  label: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  workEnvironment: YesNo,
  specialisedCare: YesNo,
  afterDischarge: YesNo,
  notProcured: YesNo,
  specialistResponsibility: YesNo,
  physicianOnlyPrescription: YesNo,
  onBehalfOfOther: YesNo,
});
/** A product question as given (parseSituation reads `question[flag]` for every ProductFlag, so the fields cannot drift). */
export type ProductQuestionInput = Static<typeof ProductQuestionSchema>;

/** The flat input of `samverkan assess` (and of the server endpoint). */
export const SituationInputSchema = Strict({
  /** ISO date; selects the agreement version in force. Defaults to today. */
  date: Type.Optional(Type.String({ minLength: 1 })),
  housing: Type.Enum(housings),
  atDayActivity: YesNo,
  /** Statistics Sweden code of the municipality of registration, or `none`. */
  registeredMunicipality: Type.String({ minLength: 1 }),
  /** For `none`: the home region to invoice afterwards. */
  homeRegion: Type.Optional(Type.Union([Type.String({ minLength: 1, maxLength: 200 }), Type.Null()])),
  storsjoglantan: YesNo,
  safeAtHome: YesNo,
  needOver14Days: YesNo,
  /** Clinical Frailty Scale 1–9. */
  cfs: Type.Optional(Type.Union([Type.Integer({ minimum: 1, maximum: 9 }), Type.Null()])),
  cognitiveImpairment: YesNo,
  cannotReachHealthCentre: YesNo,
  prefersHealthCentre: YesNo,
  preferenceRisksSafety: YesNo,
  /** Listed at another health centre than the one responsible for the särskilt boende / korttidsplats. */
  listedAtOtherHealthCentre: YesNo,
  /** Clock time HH:MM (Europe/Stockholm). */
  time: Type.Optional(Type.Union([Type.String({ minLength: 1 }), Type.Null()])),
  products: Type.Optional(Type.Array(ProductQuestionSchema, { maxItems: 50 })),
});
export type SituationInput = Static<typeof SituationInputSchema>;

/** A yes/no input: 0 = false, 1 = true, 2 = unknown (the digit order of the rule tables). */
export type Tri = 0 | 1 | 2;

/** A validated product question. */
export interface ProductQuestion {
  readonly kind: ProductKind;
  readonly label: string | null;
  readonly flags: Readonly<Record<ProductFlag, Tri>>;
}

/** A validated situation, ready for `assess`. */
export interface Situation {
  /** ISO date. */
  readonly date: string;
  readonly housing: Housing;
  /** Null when not registered in the county (`registeredMunicipality: none`). */
  readonly municipality: MunicipalityRef | null;
  readonly homeRegion: string | null;
  readonly atDayActivity: Tri;
  readonly storsjoglantan: Tri;
  readonly safeAtHome: Tri;
  readonly needOver14Days: Tri;
  /** 1–9, or null when unknown. */
  readonly cfs: number | null;
  readonly cognitiveImpairment: Tri;
  readonly cannotReachHealthCentre: Tri;
  readonly prefersHealthCentre: Tri;
  readonly preferenceRisksSafety: Tri;
  readonly listedAtOtherHealthCentre: Tri;
  /** Minutes after midnight, or null when no time was given. */
  readonly timeMinutes: number | null;
  readonly products: readonly ProductQuestion[];
}

/** Encode an optional yes/no value. */
export function tri(v: boolean | null | undefined): Tri {
  return v === true ? 1 : v === false ? 0 : 2;
}

function walkStrings(value: unknown, path: string, fn: (text: string, path: string) => void): void {
  if (typeof value === 'string') fn(value, path);
  else if (Array.isArray(value)) {
    value.forEach((v, i) => {
      walkStrings(v, `${path}[${i}]`, fn);
    });
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      fn(k, path);
      walkStrings(v, path ? `${path}.${k}` : k, fn);
    }
  }
}

function fieldOf(pointer: string): string {
  // `/products/0/kind` → `products[0].kind`
  return pointer
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((acc, part) => (/^\d+$/.test(part) ? `${acc}[${part}]` : acc ? `${acc}.${part}` : part), '');
}

function show(v: unknown): string {
  const s = v === undefined ? 'saknas' : JSON.stringify(v);
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
}

function valueAt(root: unknown, field: string): unknown {
  let cur: unknown = root;
  for (const part of field.split(/\.|\[|\]/).filter(Boolean)) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

let compiledSituation: Validator | undefined;

/**
 * The compiled check of the situation schema, built on first use: a valid situation (the usual
 * case) is checked in about a microsecond, where listing errors interpretively took ~200 µs of
 * every assessment (issue 11). The error list is only walked when the check fails.
 */
function situationIsValid(raw: unknown): boolean {
  compiledSituation ??= Compile(SituationInputSchema);
  return compiledSituation.Check(raw);
}

/** Swedish message for the first schema problem, naming the field. */
function schemaMessage(raw: unknown): SamverkanError | undefined {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return invalidInput('indata', 'indata: situationen ska vara ett JSON-objekt med uppgifter som "housing" och "registeredMunicipality".');
  }
  if (situationIsValid(raw)) return undefined;
  const errors = [...Value.Errors(SituationInputSchema, raw)];
  if (errors.length === 0) return undefined;
  const extra = errors.find((e) => e.keyword === 'additionalProperties');
  if (extra) {
    const keys = ((extra.params as { additionalProperties?: unknown[] }).additionalProperties ?? []).map(String);
    const base = fieldOf(extra.instancePath);
    const field = base ? `${base}.${keys[0] ?? ''}` : (keys[0] ?? '');
    const allowed = Object.keys(base ? ProductQuestionSchema.properties : SituationInputSchema.properties).join(', ');
    return invalidInput(field, `${field}: okänd uppgift. Tillåtna uppgifter${base ? ` i ${base}` : ''}: ${allowed}.`, keys[0]);
  }
  const required = errors.find((e) => e.keyword === 'required');
  if (required) {
    const keys = ((required.params as { requiredProperties?: unknown[] }).requiredProperties ?? []).map(String);
    const base = fieldOf(required.instancePath);
    const field = base ? `${base}.${keys[0] ?? ''}` : (keys[0] ?? '');
    return invalidInput(field, `${field}: uppgiften saknas men behövs.`);
  }
  const e = errors.find((x) => x.instancePath !== '') ?? errors[0];
  const field = fieldOf(e?.instancePath ?? '') || 'indata';
  const v = valueAt(raw, field);
  const last = field.split('.').pop() ?? field;
  let hint: string;
  if (field === 'housing') hint = `ska vara ett av ${housings.map((h) => `"${h}" (${housingLabels[h]})`).join(', ')}`;
  else if (last === 'cfs') hint = 'ska vara ett heltal 1–9 på Clinical Frailty Scale, eller utelämnas om det är okänt';
  else if (last === 'kind') hint = `ska vara ett av ${productKinds.map((k) => `"${k}"`).join(', ')}`;
  else if (field === 'products' || field === '')
    hint = field === '' ? 'ska vara ett JSON-objekt' : 'ska vara en lista med högst 50 produktfrågor';
  else if (field === 'registeredMunicipality' || field === 'date' || field === 'time' || last === 'label' || field === 'homeRegion')
    hint = 'ska vara en text';
  else if (/^products\[\d+\]$/.test(field)) hint = 'ska vara ett objekt med "kind" och frågans uppgifter';
  else hint = 'ska vara true, false eller utelämnas (okänt)';
  return invalidInput(field, `${field}: ${show(v)} är inte giltigt – ${hint}.`, v);
}

/** Validate a raw situation; throws SAMV_ERR_PERSONNUMMER or SAMV_ERR_INVALID_INPUT naming the field. */
export function parseSituation(raw: unknown, rules: ResponsibilityRules, defaultDate: string): Situation {
  walkStrings(raw, '', (text, path) => {
    refusePersonnummer(text, { field: path || 'indata' });
  });
  const problem = schemaMessage(raw);
  if (problem) throw problem;
  const input = raw as SituationInput;

  const date = input.date ?? defaultDate;
  parseDate(date, 'date');
  if (date < rules.agreement.validFrom) {
    throw invalidInput('date', `date: ${date} ligger före avtalets giltighet (från ${rules.agreement.validFrom}).`, date);
  }
  let municipality: MunicipalityRef | null = null;
  if (input.registeredMunicipality !== 'none') {
    const m = rules.municipalities.get(input.registeredMunicipality);
    if (!m) {
      const list = [...rules.municipalities.values()].map((x) => `${x.code} ${x.name}`).join(', ');
      throw invalidInput(
        'registeredMunicipality',
        `registeredMunicipality: "${input.registeredMunicipality}" är ingen av länets kommuner (${list}) och inte "none".`,
        input.registeredMunicipality,
      );
    }
    municipality = m;
  }
  const timeMinutes = input.time == null ? null : parseClockTime(input.time, 'time');
  return {
    date,
    housing: input.housing,
    municipality,
    homeRegion: input.homeRegion ?? null,
    atDayActivity: tri(input.atDayActivity),
    storsjoglantan: tri(input.storsjoglantan),
    safeAtHome: tri(input.safeAtHome),
    needOver14Days: tri(input.needOver14Days),
    cfs: input.cfs ?? null,
    cognitiveImpairment: tri(input.cognitiveImpairment),
    cannotReachHealthCentre: tri(input.cannotReachHealthCentre),
    prefersHealthCentre: tri(input.prefersHealthCentre),
    preferenceRisksSafety: tri(input.preferenceRisksSafety),
    listedAtOtherHealthCentre: tri(input.listedAtOtherHealthCentre),
    timeMinutes,
    products: (input.products ?? []).map((p) => ({
      kind: p.kind,
      label: p.label ?? null,
      flags: Object.fromEntries(productFlags.map((f) => [f, tri(p[f])])) as Record<ProductFlag, Tri>,
    })),
  };
}
