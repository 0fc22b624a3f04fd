/**
 * The guide's form state, kept in the URL query so that a link can be shared. It holds only the
 * flat, non-personal inputs of `POST /api/v1/assess` (no name, no personnummer; the only free text
 * is the name of a home region), and decides which questions to show: only those the answer still
 * depends on, in the order a nurse meets them (`questionOrder`; responsibility.md R1–R8;
 * ORD.ansvarsfordelning, SABO.ansvarsfordelning, PALL.ansvarsfordelning). Inputs that only the
 * service knows to matter (physician listing, product exceptions) are shown when the service's
 * answer lists them as missing.
 */

/** Housing kinds of the assess input. */
export type Housing = 'ordinart' | 'sarskilt_boende' | 'korttidsplats' | 'lss_bostad';
/** A three-valued answer: unknown is an answer too (the service then lists it as missing). */
export type Tri = boolean | 'unknown';

/** Product kinds of the assess input (packages/core/src/responsibility/inputs.ts). */
export const PRODUCT_KINDS = [
  'consumables',
  'nutrition',
  'diabetes',
  'stoma',
  'oxygen',
  'medical_device',
  'specialist_equipment',
  'aid',
  'incontinence',
  'sampling',
] as const;
export type ProductKind = (typeof PRODUCT_KINDS)[number];

/** Context flags of a product question. */
export const PRODUCT_FLAGS = [
  'workEnvironment',
  'specialisedCare',
  'afterDischarge',
  'notProcured',
  'specialistResponsibility',
  'physicianOnlyPrescription',
  'onBehalfOfOther',
] as const;
export type ProductFlag = (typeof PRODUCT_FLAGS)[number];

/** One product row: its kind (unset while the row is new) and the follow-up answers about it. */
export interface GuideProduct {
  readonly kind?: ProductKind;
  readonly flags: Readonly<Partial<Record<ProductFlag, Tri>>>;
}

/** At most this many product rows (the service takes 50; a nurse needs a handful). */
export const MAX_PRODUCTS = 10;

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
  /** The product questions, one row each (several products in one answer). */
  readonly products?: readonly GuideProduct[];
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
  'products',
  'time',
] as const;
export type QuestionId = (typeof QUESTION_ORDER)[number];

/** Questions shown only when the service lists them as missing (or they are already answered). */
const SERVER_DRIVEN: ReadonlySet<QuestionId> = new Set<QuestionId>(['listedAtOtherHealthCentre']);

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
  const products = productsFromQuery(q);
  const result: GuideState = products.length > 0 ? { ...out, products } : out;
  const time = q.get('time');
  if (time !== null && /^([01]\d|2[0-3]):[0-5]\d$/.test(time)) return { ...result, time };
  return result;
}

const isKind = (v: string | null): v is ProductKind => PRODUCT_KINDS.some((k) => k === v);

/**
 * Product rows from the query: `p0=incontinence&p0.afterDischarge=true&p1=aid…` (a row without a
 * kind is `p1=`). A link from before several products (`productKind=…` with flat flags) is read as
 * the first row, so shared links keep working.
 */
function productsFromQuery(q: URLSearchParams): GuideProduct[] {
  const rows: GuideProduct[] = [];
  for (let i = 0; i < MAX_PRODUCTS; i++) {
    const kind = q.get(`p${String(i)}`);
    if (kind === null) break;
    const flags: Partial<Record<ProductFlag, Tri>> = {};
    for (const f of PRODUCT_FLAGS) {
      const v = tri(q.get(`p${String(i)}.${f}`));
      if (v !== undefined) flags[f] = v;
    }
    // An empty kind is a row not filled in yet; an unknown one is dropped, never guessed.
    if (isKind(kind)) rows.push({ kind, flags });
    else if (kind === '') rows.push({ flags });
  }
  const legacy = q.get('productKind');
  if (rows.length === 0 && isKind(legacy)) {
    const flags: Partial<Record<ProductFlag, Tri>> = {};
    for (const f of PRODUCT_FLAGS) {
      const v = tri(q.get(f));
      if (v !== undefined) flags[f] = v;
    }
    rows.push({ kind: legacy, flags });
  }
  return rows;
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
  // R4/R4o: in special housing the municipality is responsible unless the person wishes care at
  // the region's open clinic, which is respected (SABO.ansvarsfordelning, no patient-safety
  // condition); only with that wish does day activity (R3) change the answer. A nurse meets the
  // wish right after the housing form, so it is asked there, together with Storsjögläntan (R2,
  // which the service still decides first): both are shown at once, so an earlier Storsjögläntan
  // answer stays visible when the housing form is changed to special housing.
  if (s.housing !== 'ordinart') {
    const wish = ask('prefersHealthCentre', s.prefersHealthCentre !== undefined);
    const storsjoglantan = ask('storsjoglantan', s.storsjoglantan !== undefined);
    if (!wish || !storsjoglantan) return { questions: q, finished: false };
    if (s.storsjoglantan === true) return { questions: q, finished: true };
    if (s.prefersHealthCentre !== false && !ask('atDayActivity', s.atDayActivity !== undefined)) return { questions: q, finished: false };
    return { questions: q, finished: true };
  }
  // R2: Storsjögläntan decides before housing.
  if (!ask('storsjoglantan', s.storsjoglantan !== undefined)) return { questions: q, finished: false };
  if (s.storsjoglantan === true) return { questions: q, finished: true };
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
  if (s.prefersHealthCentre !== false && !ask('preferenceRisksSafety', s.preferenceRisksSafety !== undefined))
    return { questions: q, finished: false };
  return { questions: q, finished: true };
}

/** `products[1].afterDischarge` → `{ index: 1, flag: 'afterDischarge' }`; other names → undefined. */
export function missingProductFlag(name: string): { readonly index: number; readonly flag: ProductFlag } | undefined {
  const m = /^products\[(\d+)\]\.(\w+)$/.exec(name);
  const flag = PRODUCT_FLAGS.find((f) => f === m?.[2]);
  return m && flag ? { index: Number(m[1]), flag } : undefined;
}

/** The follow-up questions of a product row (`index` among the rows sent): those the service lists as missing, and those answered. */
export function visibleProductFlags(product: GuideProduct, index: number, missing: readonly string[]): readonly ProductFlag[] {
  if (product.kind === undefined) return [];
  const asked = new Set(
    missing.flatMap((n) => {
      const m = missingProductFlag(n);
      return m?.index === index ? [m.flag] : [];
    }),
  );
  return PRODUCT_FLAGS.filter((f) => asked.has(f) || product.flags[f] !== undefined);
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
    shown.add('products');
    shown.add('time');
    const fromServer = new Set<string>(missing);
    // The service may need an input the care flow skipped (e.g. Storsjögläntan for the physician,
    // the physician listing in special housing).
    for (const id of QUESTION_ORDER) if (fromServer.has(id) && id !== 'homeRegion') shown.add(id);
    // A question once asked and answered stays visible and changeable, even when the latest answer
    // no longer lists it as missing (answering it is what settled it).
    const kept = pruneState(s);
    for (const id of QUESTION_ORDER) if (kept[id] !== undefined) shown.add(id);
  }
  return questionOrder(s).filter((id) => shown.has(id));
}

/**
 * The order a nurse meets the questions in: QUESTION_ORDER, except that in special housing the
 * wish for the region's open clinic comes right after the housing form (before Storsjögläntan and
 * day activity), where it is asked.
 */
export function questionOrder(s: GuideState): readonly QuestionId[] {
  if (s.housing === undefined || s.housing === 'ordinart') return QUESTION_ORDER;
  const rest = QUESTION_ORDER.filter((id) => id !== 'prefersHealthCentre');
  const at = rest.indexOf('homeRegion') + 1;
  return [...rest.slice(0, at), 'prefersHealthCentre', ...rest.slice(at)];
}

/** Drop answers to questions that are no longer asked, so the URL and the request stay minimal. */
export function pruneState(s: GuideState): GuideState {
  const { questions, finished } = careQuestions(s);
  const care = new Set<string>(questions);
  const kept: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(s)) {
    if (v === undefined) continue;
    const serverDriven = SERVER_DRIVEN.has(k as QuestionId) || k === 'storsjoglantan';
    if (k === 'products' && !finished) continue;
    if (k === 'date' || care.has(k) || (finished && (k === 'products' || k === 'time' || serverDriven))) kept[k] = v;
  }
  return kept;
}

/** Write the state as a URL query, keeping only answers to questions that are still asked. */
export function stateToQuery(state: GuideState): URLSearchParams {
  const pruned = pruneState(state);
  const q = new URLSearchParams();
  const keys: readonly (keyof GuideState)[] = ['date', ...QUESTION_ORDER];
  for (const k of keys) {
    if (k === 'products') {
      (pruned.products ?? []).slice(0, MAX_PRODUCTS).forEach((p, i) => {
        q.set(`p${String(i)}`, p.kind ?? '');
        for (const f of PRODUCT_FLAGS) {
          const v = p.flags[f];
          if (v !== undefined) q.set(`p${String(i)}.${f}`, String(v));
        }
      });
      continue;
    }
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
