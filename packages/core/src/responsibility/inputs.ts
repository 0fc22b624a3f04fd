/**
 * The finite inputs of the Ansvarsguide and the input space of each rule table. The tables (data)
 * name these inputs in their conditions; the loader rejects any other name or value.
 */
import { boolDim, enumDim, intDim, makeSpace, triDim, type Space } from './space.js';

/** Housing forms (responsibility.md, Inputs). */
export const housings = ['ordinart', 'sarskilt_boende', 'korttidsplats', 'lss_bostad'] as const;
export type Housing = (typeof housings)[number];

/** Swedish names of the housing forms. */
export const housingLabels: Readonly<Record<Housing, string>> = {
  ordinart: 'ordinärt boende',
  sarskilt_boende: 'särskilt boende',
  korttidsplats: 'korttidsplats',
  lss_bostad: 'bostad med särskilt stöd och service (LSS)',
};

/** Product kinds a product question may ask about. */
export const productKinds = [
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
export type ProductKind = (typeof productKinds)[number];

/** Swedish names of the product kinds. */
export const productKindLabels: Readonly<Record<ProductKind, string>> = {
  consumables: 'förbrukningsmaterial',
  nutrition: 'nutritionsprodukter',
  diabetes: 'diabetesprodukter',
  stoma: 'stomiprodukter',
  oxygen: 'syrgasprodukter',
  medical_device: 'medicinteknisk utrustning',
  specialist_equipment: 'specialistvårdsutrustning (till exempel respirator eller sug)',
  aid: 'hjälpmedel',
  incontinence: 'inkontinensprodukter',
  sampling: 'provtagningsmaterial och laboratorieanalyser',
};

/** Context flags of a product question (each true, false or unknown). */
export const productFlags = [
  'workEnvironment',
  'specialisedCare',
  'afterDischarge',
  'notProcured',
  'specialistResponsibility',
  'physicianOnlyPrescription',
  'onBehalfOfOther',
] as const;
export type ProductFlag = (typeof productFlags)[number];

/** Swedish description of each product flag (used in messages and documentation). */
export const productFlagLabels: Readonly<Record<ProductFlag, string>> = {
  workEnvironment: 'används av arbetsmiljöskäl',
  specialisedCare: 'används i samband med specialiserad vård',
  afterDischarge: 'behövs efter utskrivning från slutenvård eller vid insatser från specialiserad vård',
  notProcured: 'är inte upphandlat eller finns inte i passande förpackning',
  specialistResponsibility: 'läkaransvaret/det medicinska ansvaret ligger i specialiserad vård',
  physicianOnlyPrescription: 'endast läkare har förskrivningsrätt',
  onBehalfOfOther: 'vårdgivaren utför arbetet på annans uppdrag',
};

/** Time bands of ORD Arbete på annans uppdrag. */
export const timeBands = ['day', 'evening_night'] as const;
export type TimeBand = (typeof timeBands)[number];

/** The four ordinary-housing criteria, in the order of ORD. */
export const criterionIds = ['safeAtHome', 'needOver14Days', 'frailty', 'cannotReachHealthCentre'] as const;
export type CriterionId = (typeof criterionIds)[number];

/** Raw inputs the criteria are written over (`cfs` is 1–9 or unknown). */
export const criteriaSpace: Space = makeSpace([
  triDim('safeAtHome'),
  triDim('needOver14Days'),
  intDim('cfs', 1, 9, true),
  triDim('cognitiveImpairment'),
  triDim('cannotReachHealthCentre'),
]);

/** Inputs of rules/care-responsibility.yaml; the four criteria enter as met/not met/unknown. */
export const careSpace: Space = makeSpace([
  boolDim('registered'),
  triDim('storsjoglantan'),
  triDim('atDayActivity'),
  enumDim('housing', housings),
  triDim('safeAtHome'),
  triDim('needOver14Days'),
  triDim('frailty'),
  triDim('cannotReachHealthCentre'),
  triDim('prefersHealthCentre'),
  triDim('preferenceRisksSafety'),
]);

/** Inputs of rules/products.yaml. */
export const productSpace: Space = makeSpace([
  enumDim('kind', productKinds),
  enumDim('housing', housings),
  boolDim('registered'),
  triDim('storsjoglantan'),
  ...productFlags.map((f) => triDim(f)),
]);

/** Inputs of rules/physician.yaml. */
export const physicianSpace: Space = makeSpace([
  enumDim('housing', housings),
  triDim('storsjoglantan'),
  triDim('listedAtOtherHealthCentre'),
]);

/** Inputs of rules/performing.yaml: the decided care rule (unknown while undecided) and the time band. */
export function performingSpace(careRuleIds: readonly string[]): Space {
  return makeSpace([enumDim('careRule', careRuleIds, true), enumDim('timeBand', timeBands, true)]);
}

/** Inputs of the vision-and-hearing table. */
export function visionHearingSpace(careRuleIds: readonly string[]): Space {
  return makeSpace([enumDim('careRule', careRuleIds, true)]);
}

/** Inputs handover routines may be conditioned on. */
export function handoverSpace(careRuleIds: readonly string[]): Space {
  return makeSpace([enumDim('careRule', careRuleIds, true), enumDim('housing', housings), triDim('storsjoglantan')]);
}
