/**
 * Load the responsibility rule tables of an agreement (`rules/*.yaml`, already parsed by
 * `loadAgreement` into `agreement.extra`), validate them (schema with unknown keys rejected,
 * clause and parameter references, conditions against each table's inputs) and compile them into
 * checked decision tables (see decision-table.ts for the overlap and completeness checks).
 */
import type { Agreement } from '../agreement/load.js';
import type { Parameter } from '../agreement/schema.js';
import { dataError, schemaProblems, type DataProblem } from '../agreement/validate.js';
import type { TSchema, Static } from 'typebox';
import type { ClauseRef, DutyAnswer, HandoverAnswer, MunicipalityRef } from './answer.js';
import { prepareCare } from './assess-care.js';
import { compileCondition, type Box, type Condition } from './condition.js';
import { compileDecisionTable, type DecisionTable, type TableRule } from './decision-table.js';
import {
  careSpace,
  criteriaSpace,
  handoverSpace,
  performingSpace,
  physicianSpace,
  productSpace,
  visionHearingSpace,
  type CriterionId,
} from './inputs.js';
import {
  CareFileSchema,
  CfsFileSchema,
  DutiesFileSchema,
  PerformingFileSchema,
  PhysicianFileSchema,
  ProductsFileSchema,
  VisionHearingFileSchema,
  type CareOutcome,
  type CfsFile,
  type ClauseRefs,
  type PerformingOutcome,
  type PhysicianOutcome,
  type ProductOutcome,
  type VisionHearingOutcome,
} from './rule-files.js';
import type { Space } from './space.js';

/** Where each rule file lives in the agreement folder. */
export const responsibilityRuleFiles = {
  care: 'rules/care-responsibility.yaml',
  products: 'rules/products.yaml',
  physician: 'rules/physician.yaml',
  performing: 'rules/performing.yaml',
  visionHearing: 'rules/vision-hearing.yaml',
  duties: 'rules/duties.yaml',
  cfs: 'rules/cfs.yaml',
} as const;

/** Clauses of a rule per setting (ordinary housing → ORD, special housing → SABO). */
export interface SettingClauses {
  readonly ordinart: readonly ClauseRef[];
  readonly sarskilt: readonly ClauseRef[];
}

/** A rule with its clauses resolved, ready to be put into answers. */
export interface RuleView<O> {
  readonly id: string;
  readonly title: string;
  readonly outcome: O;
  readonly notes: readonly string[];
  readonly clauses: SettingClauses;
}

/** A compiled decision table with its rule views (same order as `table.rules`). */
export interface CompiledTable<O> {
  readonly table: DecisionTable<O>;
  readonly views: readonly RuleView<O>[];
}

/** Outcome of a criterion table. */
export type CriterionStatus = 'met' | 'not_met' | 'unknown';

/** One ordinary-housing criterion, compiled over the raw criteria inputs. */
export interface CompiledCriterion {
  readonly id: CriterionId;
  readonly number: number;
  readonly title: string;
  readonly clause: ClauseRef;
  readonly table: DecisionTable<CriterionStatus>;
}

/** The Clinical Frailty Scale as shown to users. */
export type CfsScale = CfsFile;

/** A handover routine and the condition under which it applies. */
export interface HandoverView {
  readonly boxes: readonly Box[] | null;
  readonly answer: { readonly ordinart: HandoverAnswer; readonly sarskilt: HandoverAnswer };
}

/** Everything the Ansvarsguide evaluates with, compiled once per agreement. */
export interface ResponsibilityRules {
  readonly agreement: {
    readonly id: string;
    readonly version: string;
    readonly validFrom: string;
    /** The `{ id, version }` every answer carries (shared, frozen). */
    readonly answerRef: { readonly id: string; readonly version: string };
  };
  readonly care: CompiledTable<CareOutcome>;
  /** Ids of the decided care rules: the values of `careRule` in the other tables. */
  readonly careRuleIds: readonly string[];
  readonly criteria: readonly CompiledCriterion[];
  readonly products: CompiledTable<ProductOutcome>;
  readonly physician: CompiledTable<PhysicianOutcome>;
  readonly performing: CompiledTable<PerformingOutcome>;
  readonly visionHearing: CompiledTable<VisionHearingOutcome>;
  readonly visionHearingInfo: {
    readonly regionDuties: { readonly ordinart: readonly DutyAnswer[]; readonly sarskilt: readonly DutyAnswer[] };
    readonly municipalityDuties: { readonly ordinart: readonly DutyAnswer[]; readonly sarskilt: readonly DutyAnswer[] };
    readonly hearingTasks: readonly string[];
    readonly visionTasks: readonly string[];
    readonly taskClauses: readonly ClauseRef[];
  };
  readonly duties: { readonly ordinart: readonly DutyAnswer[]; readonly sarskilt: readonly DutyAnswer[] };
  readonly handover: readonly HandoverView[];
  readonly handoverSpace: Space;
  readonly cfs: CfsScale;
  readonly municipalities: ReadonlyMap<string, MunicipalityRef>;
  readonly parameters: ReadonlyMap<string, Parameter>;
}

interface Ctx {
  readonly agreement: Agreement;
  readonly problems: DataProblem[];
}

function parse<S extends TSchema>(ctx: Ctx, file: string, schema: S): Static<S> | undefined {
  if (!ctx.agreement.extra.has(file)) {
    ctx.problems.push({ file, path: '', value: undefined, message: `Avtalsdata är ofullständiga: filen ${file} saknas.` });
    return undefined;
  }
  const data = ctx.agreement.extra.get(file);
  const problems = schemaProblems(file, schema, data);
  ctx.problems.push(...problems);
  return problems.length === 0 ? (data as Static<S>) : undefined;
}

function clauseRef(ctx: Ctx, file: string, path: string, id: string): ClauseRef | undefined {
  const c = ctx.agreement.clauses.get(id);
  if (!c) {
    ctx.problems.push({ file, path, value: id, message: `${file}: klausulen "${id}" vid ${path} finns inte i clauses/.` });
    return undefined;
  }
  const doc = ctx.agreement.documents.find((d) => d.id === c.document);
  return Object.freeze({ id: c.id, quote: c.quote, heading: c.heading, document: c.document, documentTitle: doc?.title ?? c.document });
}

function settingClauses(ctx: Ctx, file: string, path: string, refs: ClauseRefs): SettingClauses {
  const resolve = (ids: readonly string[], p: string): readonly ClauseRef[] =>
    Object.freeze(ids.flatMap((id, i) => clauseRef(ctx, file, `${p}/${i}`, id) ?? []));
  if (Array.isArray(refs)) {
    const list = resolve(refs, path);
    return { ordinart: list, sarskilt: list };
  }
  return { ordinart: resolve(refs.ordinart, `${path}/ordinart`), sarskilt: resolve(refs.sarskilt, `${path}/sarskilt`) };
}

function needParameter(ctx: Ctx, file: string, path: string, id: string | undefined): void {
  if (id !== undefined && !ctx.agreement.parameters.has(id)) {
    ctx.problems.push({ file, path, value: id, message: `${file}: parametern "${id}" vid ${path} finns inte i parameters.yaml.` });
  }
}

interface RawRule<O> {
  readonly id: string;
  readonly title: string;
  readonly when?: Condition;
  readonly fallback?: true;
  readonly outcome: O;
  readonly clauses: ClauseRefs;
  readonly before?: readonly string[];
}

/** Compile the rules of one table; problems are collected, the table compiled only when there are none. */
function table<O extends { readonly notes?: readonly string[] }>(
  ctx: Ctx,
  file: string,
  space: Space,
  raw: readonly RawRule<O>[],
  classOf: (o: O) => string | undefined,
): CompiledTable<O> | undefined {
  const before = ctx.problems.length;
  const seen = new Set<string>();
  const rules: TableRule<O>[] = raw.map((r, i) => {
    const path = `/rules/${i}`;
    if (seen.has(r.id))
      ctx.problems.push({ file, path: `${path}/id`, value: r.id, message: `${file}: regel-id "${r.id}" förekommer mer än en gång.` });
    seen.add(r.id);
    if ((r.when === undefined) === (r.fallback === undefined)) {
      ctx.problems.push({ file, path, value: r.id, message: `${file}: regeln ${r.id} ska ha antingen "when" eller "fallback: true".` });
    }
    const boxes = r.when
      ? compileCondition(r.when, space, file, `${path}/when`, ctx.problems)
      : [Int32Array.from(space.radices, (x) => (1 << x) - 1)];
    return { id: r.id, path, boxes, outcome: r.outcome, before: r.before ?? [], fallback: r.fallback === true };
  });
  const views: RuleView<O>[] = raw.map((r, i) => ({
    id: r.id,
    title: r.title,
    outcome: r.outcome,
    notes: Object.freeze([...(r.outcome.notes ?? [])]),
    clauses: settingClauses(ctx, file, `/rules/${i}/clauses`, r.clauses),
  }));
  if (ctx.problems.length > before) return undefined;
  return { table: compileDecisionTable({ file, space, rules, classOf }), views };
}

function criterionTables(ctx: Ctx, file: string, criteria: Static<typeof CareFileSchema>['criteria']): CompiledCriterion[] {
  const ids = new Set(criteria.map((c) => c.id));
  if (ids.size !== 4)
    ctx.problems.push({ file, path: '/criteria', value: [...ids], message: `${file}: de fyra kriterierna ska finnas en gång var.` });
  return criteria.flatMap((c, i) => {
    const path = `/criteria/${i}`;
    const clause = clauseRef(ctx, file, `${path}/clause`, c.clause);
    const start = ctx.problems.length;
    const met = compileCondition(c.met, criteriaSpace, file, `${path}/met`, ctx.problems);
    const notMet = compileCondition(c.notMet, criteriaSpace, file, `${path}/notMet`, ctx.problems);
    if (ctx.problems.length > start || !clause) return [];
    const rules: TableRule<CriterionStatus>[] = [
      { id: `${c.id}.met`, path: `${path}/met`, boxes: met, outcome: 'met', before: [], fallback: false },
      { id: `${c.id}.not_met`, path: `${path}/notMet`, boxes: notMet, outcome: 'not_met', before: [], fallback: false },
      {
        id: `${c.id}.unknown`,
        path,
        boxes: [Int32Array.from(criteriaSpace.radices, (x) => (1 << x) - 1)],
        outcome: 'unknown',
        before: [],
        fallback: true,
      },
    ];
    const compiled = compileDecisionTable({ file, space: criteriaSpace, rules, classOf: (o) => (o === 'unknown' ? undefined : o) });
    return [{ id: c.id, number: c.number, title: c.title, clause, table: compiled }];
  });
}

function partyClass(o: { readonly party: string; readonly unit?: string }): string | undefined {
  return o.party === 'undecided' ? undefined : `${o.party}|${o.unit ?? ''}`;
}

/** Validate and compile every responsibility table; throws SAMV_ERR_AGREEMENT_DATA or SAMV_ERR_RULE_CONFLICT. */
export function compileResponsibilityRules(agreement: Agreement): ResponsibilityRules {
  const ctx: Ctx = { agreement, problems: [] };
  const f = responsibilityRuleFiles;
  const careFile = parse(ctx, f.care, CareFileSchema);
  const productsFile = parse(ctx, f.products, ProductsFileSchema);
  const physicianFile = parse(ctx, f.physician, PhysicianFileSchema);
  const performingFile = parse(ctx, f.performing, PerformingFileSchema);
  const vhFile = parse(ctx, f.visionHearing, VisionHearingFileSchema);
  const dutiesFile = parse(ctx, f.duties, DutiesFileSchema);
  const cfs = parse(ctx, f.cfs, CfsFileSchema);
  if (!careFile || !productsFile || !physicianFile || !performingFile || !vhFile || !dutiesFile || !cfs) throw dataError(ctx.problems);

  const careRuleIds = careFile.rules.filter((r) => r.outcome.party !== 'undecided').map((r) => r.id);
  performingFile.rules.forEach((r, i) => {
    needParameter(ctx, f.performing, `/rules/${i}/outcome/parameter`, r.outcome.parameter);
  });
  vhFile.rules.forEach((r, i) => {
    needParameter(ctx, f.visionHearing, `/rules/${i}/outcome/parameter`, r.outcome.parameter);
  });
  performingFile.rules.forEach((r, i) => {
    if (r.outcome.billing === 'per_started_hour' && r.outcome.parameter === undefined) {
      ctx.problems.push({
        file: f.performing,
        path: `/rules/${i}/outcome`,
        value: r.id,
        message: `${f.performing}: regeln ${r.id} fakturerar per påbörjad timme men anger ingen "parameter".`,
      });
    }
  });
  clauseRef(ctx, f.cfs, '/clause', cfs.clause);
  cfs.levels.forEach((l, i) => {
    if (l.level !== i + 1)
      ctx.problems.push({
        file: f.cfs,
        path: `/levels/${i}/level`,
        value: l.level,
        message: `${f.cfs}: nivåerna ska stå i ordning 1–9 (nivå ${l.level} på plats ${i + 1}).`,
      });
  });

  const criteria = criterionTables(ctx, f.care, careFile.criteria);
  const care = table(ctx, f.care, careSpace, careFile.rules, partyClass);
  const products = table(ctx, f.products, productSpace, productsFile.rules, partyClass);
  const physician = table(ctx, f.physician, physicianSpace, physicianFile.rules, partyClass);
  const performing = table(ctx, f.performing, performingSpace(careRuleIds), performingFile.rules, (o) =>
    o.performer === 'undecided' ? undefined : `${o.performer}|${o.billing}|${String(o.asHiredStaff ?? false)}`,
  );
  const visionHearing = table(ctx, f.visionHearing, visionHearingSpace(careRuleIds), vhFile.rules, (o) =>
    o.billable === 'undecided' ? undefined : String(o.billable),
  );

  const dutyList = (file: string, list: readonly { id?: string; text: string; clauses: ClauseRefs }[], key: string) => {
    const resolved = list.map((d, i) => ({
      id: d.id ?? `${key}${i + 1}`,
      text: d.text,
      clauses: settingClauses(ctx, file, `/${key}/${i}/clauses`, d.clauses),
    }));
    const forSetting = (s: 'ordinart' | 'sarskilt'): readonly DutyAnswer[] =>
      Object.freeze(resolved.map((d) => Object.freeze({ id: d.id, text: d.text, clauses: d.clauses[s] })));
    return { ordinart: forSetting('ordinart'), sarskilt: forSetting('sarskilt') };
  };
  const duties = dutyList(f.duties, dutiesFile.duties, 'duties');
  const hSpace = handoverSpace(careRuleIds);
  const handover: HandoverView[] = dutiesFile.handover.map((h, i) => {
    const clauses = settingClauses(ctx, f.duties, `/handover/${i}/clauses`, h.clauses);
    const boxes = h.when ? compileCondition(h.when, hSpace, f.duties, `/handover/${i}/when`, ctx.problems) : null;
    const make = (s: 'ordinart' | 'sarskilt'): HandoverAnswer =>
      Object.freeze({ id: h.id, routine: h.routine, text: h.text, clauses: clauses[s] });
    return { boxes, answer: { ordinart: make('ordinart'), sarskilt: make('sarskilt') } };
  });
  const taskClauses = Object.freeze(
    vhFile.billableTasks.clauses.flatMap((id, i) => clauseRef(ctx, f.visionHearing, `/billableTasks/clauses/${i}`, id) ?? []),
  );
  const visionHearingInfo = {
    regionDuties: dutyList(
      f.visionHearing,
      vhFile.regionDuties.map((d, i) => ({ ...d, id: `SYNHOR-R${i + 1}` })),
      'regionDuties',
    ),
    municipalityDuties: dutyList(
      f.visionHearing,
      vhFile.municipalityDuties.map((d, i) => ({ ...d, id: `SYNHOR-K${i + 1}` })),
      'municipalityDuties',
    ),
    hearingTasks: Object.freeze([...vhFile.billableTasks.hearing]),
    visionTasks: Object.freeze([...vhFile.billableTasks.vision]),
    taskClauses,
  };

  if (ctx.problems.length > 0 || !care || !products || !physician || !performing || !visionHearing) throw dataError(ctx.problems);
  const order = new Map(careFile.criteria.map((c) => [c.id, c.number]));
  const rules: ResponsibilityRules = {
    agreement: {
      id: agreement.meta.id,
      version: agreement.meta.version,
      validFrom: agreement.meta.validFrom,
      answerRef: Object.freeze({ id: agreement.meta.id, version: agreement.meta.version }),
    },
    care,
    careRuleIds,
    criteria: criteria.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0)),
    products,
    physician,
    performing,
    visionHearing,
    visionHearingInfo,
    duties,
    handover,
    handoverSpace: hSpace,
    cfs,
    municipalities: new Map(agreement.municipalities.map((m) => [m.code, Object.freeze({ code: m.code, name: m.name })])),
    parameters: agreement.parameters,
  };
  // The care question's per-cell answers and masks are prepared here, once, not on the first answers.
  prepareCare(rules);
  return rules;
}
