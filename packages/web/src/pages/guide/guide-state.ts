/**
 * The guide's form state, kept in the URL query so that a link can be shared. It holds only the
 * flat, non-personal inputs of `POST /api/v1/assess` (no name, no personnummer; the only free text
 * is the name of a home region), and decides which questions to show: only those the answer still
 * depends on, in the order the rules are evaluated (responsibility.md R1–R8;
 * ORD.ansvarsfordelning, SABO.ansvarsfordelning, PALL.ansvarsfordelning). Inputs that only the
 * service knows to matter (physician listing, product exceptions) are shown when the service's
 * answer lists them as missing.
 */

/** Housing kinds of the assess input. */
export type Housing = 'ordinart' | 'sarskilt_boende' | 'korttidsplats' | 'lss_bostad';
/** A three-valued answer: unknown is an answer too (the service then lists it as missing). */
export type Tri = boolean | 'unknown';

/** Product kinds of the assess input (packages/core/src/responsibility/inputs.ts). */
export const PRODUCT_KINDS = ['consumables', 'nutrition', 'diabetes', 'stoma', 'oxygen', 'medical_device', 'specialist_equipment', 'aid', 'incontinence', 'sampling'] as const;
export type ProductKind = (typeof PRODUCT_KINDS)[number];

/** Context flags of a product question. */
export const PRODUCT_FLAGS = ['workEnvironment', 'specialisedCare', 'afterDischarge', 'notProcured', 'specialistResponsibility', 'physicianOnlyPrescription', 'onBehalfOfOther'] as const;
export type ProductFlag = (typeof PRODUCT_FLAGS)[number];

/** The guide's inputs, all optional until answered. */
export interface GuideState {
  readonly date?: string;
  readonly registeredMunicipality?: string;
  readonly housing?: Housing;
  readonly homeRegion?: string;
  readonly storsjoglantan?: Tri;
  readonly atDayActivity?: Tri;
  readonly safeAtHome?: Tri;
  readonly needOver14Days?: Tri;
  /** 1–9, or `unknown`. */
  readonly cfs?: number | 'unknown';
  readonly cognitiveImpairment?: Tri;
  readonly cannotReachHealthCentre?: Tri;
  readonly prefersHealthCentre?: Tri;
  readonly preferenceRisksSafety?: Tri;
  readonly listedAtOtherHealthCentre?: Tri;
  /** One product question; `none` = no product question. */
  readonly productKind?: ProductKind | 'none';
  readonly workEnvironment?: Tri;
  readonly specialisedCare?: Tri;
  readonly afterDischarge?: Tri;
  readonly notProcured?: Tri;
  readonly specialistResponsibility?: Tri;
  readonly physicianOnlyPrescription?: Tri;
  readonly onBehalfOfOther?: Tri;
  /** HH:MM. */
  readonly time?: string;
}

/** Every question the guide can ask, in the order it shows them. */
export const QUESTION_ORDER = [
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
  'productKind',
  ...PRODUCT_FLAGS,
  'time',
] as const;
export type QuestionId = (typeof QUESTION_ORDER)[number];

/** Questions shown only when the service lists them as missing (or they are already answered). */
const SERVER_DRIVEN: ReadonlySet<QuestionId> = new Set<QuestionId>(['listedAtOtherHealthCentre', ...PRODUCT_FLAGS]);

const HOUSING: readonly Housing[] = ['ordinart', 'sarskilt_boende', 'korttidsplats', 'lss_bostad'];
const TRI_KEYS = [
  'storsjoglantan',
  'atDayActivity',
  'safeAtHome',
  'needOver14Days',
  'cognitiveImpairment',
  'cannotReachHealthCentre',
  'prefersHealthCentre',
  'preferenceRisksSafety',
  'listedAtOtherHealthCentre',
  ...PRODUCT_FLAGS,
] as const;

const tri = (v: string | null): Tri | undefined => (v === 'unknown' ? 'unknown' : v === 'true' ? true : v === 'false' ? false : undefined);

/** Read the state from the URL query; unknown keys and malformed values are dropped, never guessed. */
export function stateFromQuery(q: URLSearchParams): GuideState {
  const out: Record<string, string | number | boolean> = {};
  const date = q.get('date');
  if (date !== null && /^\d{4}-\d{2}-\d{2}$/.test(date)) out['date'] = date;
  const municipality = q.get('registeredMunicipality');
  if (municipality !== null && /^(\d{4}|none)$/.test(municipality)) out['registeredMunicipality'] = municipality;
  const housing = HOUSING.find((h) => h === q.get('housing'));
  if (housing) out['housing'] = housing;
  const homeRegion = q.get('homeRegion')?.trim();
  if (homeRegion) out['homeRegion'] = homeRegion.slice(0, 80);
  for (const k of TRI_KEYS) {
    const v = tri(q.get(k));
    if (v !== undefined) out[k] = v;
  }
  const cfs = q.get('cfs');
  if (cfs === 'unknown') out['cfs'] = 'unknown';
  else if (cfs !== null && /^[1-9]$/.test(cfs)) out['cfs'] = Number(cfs);
  const kind = q.get('productKind');
  if (kind === 'none' || PRODUCT_KINDS.some((k) => k === kind)) out['productKind'] = kind ?? 'none';
  const time = q.get('time');
  if (time !== null && /^([01]\d|2[0-3]):[0-5]\d$/.test(time)) out['time'] = time;
  return out;
}

/** Whether the frailty criterion (ORD 3a/3b) is met, not met or not yet known. */
export function frailtyMet(s: GuideState): Tri | undefined {
  if (s.cfs === undefined) return undefined;
  if (s.cfs === 'unknown') return 'unknown';
  if (s.cfs >= 6) return true;
  if (s.cfs < 5) return false;
  // CFS 5 counts only with cognitive impairment (ORD.ansvarsfordelning, 3b).
  return s.cognitiveImpairment;
}

/** The care questions in rule order, stopping where the answer no longer depends on more. */
function careQuestions(s: GuideState): { questions: QuestionId[]; finished: boolean } {
  const q: QuestionId[] = [];
  const ask = (id: QuestionId, answered: boolean): boolean => {
    q.push(id);
    return answered;
  };
  // Housing is part of every answer (physician, products, routines), so it is always asked.
  if (!ask('registeredMunicipality', s.registeredMunicipality !== undefined)) return { questions: q, finished: false };
  if (!ask('housing', s.housing !== undefined)) return { questions: q, finished: false };
  // R1: not registered in the county → the region, whatever else holds.
  if (s.registeredMunicipality === 'none') {
    q.push('homeRegion');
    return { questions: q, finished: true };
  }
  // R2: Storsjögläntan decides before housing.
  if (!ask('storsjoglantan', s.storsjoglantan !== undefined)) return { questions: q, finished: false };
  if (s.storsjoglantan === true) return { questions: q, finished: true };
  // R4/R4o: in special housing the municipality is responsible unless the person wishes care at
  // the region's open clinic, which is respected (SABO.ansvarsfordelning, no patient-safety
  // condition); only with that wish does day activity (R3) change the answer.
  if (s.housing !== 'ordinart') {
    if (!ask('prefersHealthCentre', s.prefersHealthCentre !== undefined)) return { questions: q, finished: false };
    if (s.prefersHealthCentre !== false && !ask('atDayActivity', s.atDayActivity !== undefined)) return { questions: q, finished: false };
    return { questions: q, finished: true };
  }
  // R3: at day activity the municipality is responsible while the person is there.
  if (!ask('atDayActivity', s.atDayActivity !== undefined)) return { questions: q, finished: false };
  if (s.atDayActivity === true) return { questions: q, finished: true };
  // R5–R8: the criteria, stopping at the first one that is not met (R7 then decides).
  if (!ask('safeAtHome', s.safeAtHome !== undefined)) return { questions: q, finished: false };
  if (s.safeAtHome === false) return { questions: q, finished: true };
  if (!ask('needOver14Days', s.needOver14Days !== undefined)) return { questions: q, finished: false };
  if (s.needOver14Days === false) return { questions: q, finished: true };
  if (!ask('cfs', s.cfs !== undefined)) return { questions: q, finished: false };
  if (s.cfs === 5 && !ask('cognitiveImpairment', s.cognitiveImpairment !== undefined)) return { questions: q, finished: false };
  if (frailtyMet(s) === false) return { questions: q, finished: true };
  if (!ask('cannotReachHealthCentre', s.cannotReachHealthCentre !== undefined)) return { questions: q, finished: false };
  if (s.cannotReachHealthCentre === false) return { questions: q, finished: true };
  // R5/R6: the person's wish for the health centre counts unless it affects patient safety.
  if (!ask('prefersHealthCentre', s.prefersHealthCentre !== undefined)) return { questions: q, finished: false };
  if (s.prefersHealthCentre !== false && !ask('preferenceRisksSafety', s.preferenceRisksSafety !== undefined)) return { questions: q, finished: false };
  return { questions: q, finished: true };
}

/** `products[0].afterDischarge` → `afterDischarge`; other names unchanged. */
export function missingToQuestion(name: string): string {
  return name.replace(/^products\[0\]\./, '');
}

/**
 * The questions to show, in order: the care questions the answer depends on, then — once those
 * are answered — the optional product question and time, plus any input the service's answer
 * lists as missing (`missing`, e.g. `listedAtOtherHealthCentre`, `products[0].afterDischarge`).
 */
export function visibleQuestions(s: GuideState, missing: readonly string[] = []): readonly QuestionId[] {
  const care = careQuestions(s);
  const shown = new Set<QuestionId>(care.questions);
  if (care.finished) {
    shown.add('productKind');
    shown.add('time');
    const fromServer = new Set(missing.map(missingToQuestion));
    for (const id of QUESTION_ORDER) {
      if (!SERVER_DRIVEN.has(id)) continue;
      const isFlag = (PRODUCT_FLAGS as readonly string[]).includes(id);
      if (isFlag && (s.productKind === undefined || s.productKind === 'none')) continue;
      if (fromServer.has(id) || s[id] !== undefined) shown.add(id);
    }
    // The service may need an input the care flow skipped (e.g. Storsjögläntan for the physician).
    for (const id of QUESTION_ORDER) if (fromServer.has(id) && id !== 'homeRegion') shown.add(id);
  }
  return QUESTION_ORDER.filter((id) => shown.has(id));
}

/** Drop answers to questions that are no longer asked, so the URL and the request stay minimal. */
export function pruneState(s: GuideState): GuideState {
  const care = new Set<string>(careQuestions(s).questions);
  const finished = careQuestions(s).finished;
  const kept: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(s)) {
    if (v === undefined) continue;
    const serverDriven = SERVER_DRIVEN.has(k as QuestionId) || k === 'storsjoglantan';
    const productFlag = (PRODUCT_FLAGS as readonly string[]).includes(k);
    if (productFlag && (s.productKind === undefined || s.productKind === 'none')) continue;
    if (k === 'date' || care.has(k) || (finished && (k === 'productKind' || k === 'time' || serverDriven))) kept[k] = v;
  }
  return kept;
}

/** Write the state as a URL query, keeping only answers to questions that are still asked. */
export function stateToQuery(state: GuideState): URLSearchParams {
  const pruned = pruneState(state);
  const q = new URLSearchParams();
  const keys: readonly (keyof GuideState)[] = ['date', ...QUESTION_ORDER];
  for (const k of keys) {
    const v = pruned[k];
    if (v !== undefined) q.set(k, String(v));
  }
  return q;
}

/** True when enough is answered to ask the service (housing is required by `assess`). */
export function readyToAssess(s: GuideState): boolean {
  return s.registeredMunicipality !== undefined && s.housing !== undefined;
}

/** True when the care questions are answered (the answer may still list missing inputs). */
export function careComplete(s: GuideState): boolean {
  return careQuestions(s).finished;
}
