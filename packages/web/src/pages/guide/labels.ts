/** Swedish wording of the guide's questions and answers (short forms for summaries). */
import type { ProductFlag, ProductKind, QuestionId } from './guide-state.js';

/** Product kinds in Swedish (packages/core/src/responsibility/inputs.ts). */
export const productKindLabels: Readonly<Record<ProductKind, string>> = {
  consumables: 'Förbrukningsmaterial (sjukvårdsmaterial)',
  nutrition: 'Nutritionsprodukter',
  diabetes: 'Diabetesprodukter',
  stoma: 'Stomiprodukter',
  oxygen: 'Syrgasprodukter',
  medical_device: 'Medicinteknisk utrustning',
  specialist_equipment: 'Specialistvårdsutrustning, till exempel respirator eller sug',
  aid: 'Hjälpmedel',
  incontinence: 'Inkontinensprodukter',
  sampling: 'Provtagningsmaterial och laboratorieanalyser',
};

/** The yes/no questions about a product. */
export const productFlagQuestions: Readonly<Record<ProductFlag, string>> = {
  workEnvironment: 'Används produkten av arbetsmiljöskäl?',
  specialisedCare: 'Används produkten i samband med specialiserad vård?',
  afterDischarge: 'Behövs produkten efter utskrivning från slutenvård eller vid insatser från specialiserad vård?',
  notProcured: 'Saknas upphandling av produkten, eller finns den inte i passande förpackning?',
  specialistResponsibility: 'Ligger läkaransvaret eller det medicinska ansvaret i specialiserad vård?',
  physicianOnlyPrescription: 'Får bara läkare förskriva produkten?',
  onBehalfOfOther: 'Utför vårdgivaren arbetet på en annan huvudmans uppdrag?',
};

/** Short labels of the product follow-up questions, for the printed summary. */
export const productFlagLabels: Readonly<Record<ProductFlag, string>> = {
  workEnvironment: 'Av arbetsmiljöskäl',
  specialisedCare: 'I samband med specialiserad vård',
  afterDischarge: 'Efter utskrivning',
  notProcured: 'Ej upphandlad eller ej passande förpackning',
  specialistResponsibility: 'Medicinskt ansvar i specialiserad vård',
  physicianOnlyPrescription: 'Endast läkare förskriver',
  onBehalfOfOther: 'På annans uppdrag',
};

/**
 * Questions asked the other way round than the input reads, so that "Ja" means what a person
 * expects: criterion 4 is asked "Kan personen ta sig till hälsocentralen?" and "Ja" is sent as
 * `cannotReachHealthCentre: false` (ORD Ansvarsfördelning, kriterium 4).
 */
export const ASKED_POSITIVELY: ReadonlySet<QuestionId> = new Set<QuestionId>(['cannotReachHealthCentre']);

/** Short labels of every question, for the printed summary. */
export const questionLabels: Readonly<Record<QuestionId, string>> = {
  registeredMunicipality: 'Folkbokförd',
  housing: 'Boende',
  homeRegion: 'Hemregion',
  storsjoglantan: 'Ansluten till Storsjögläntan',
  atDayActivity: 'I daglig verksamhet eller dagverksamhet',
  safeAtHome: 'Kriterium 1, patientsäkert i hemmet',
  needOver14Days: 'Kriterium 2, behov mer än 14 dagar',
  cfs: 'Clinical Frailty Scale',
  cognitiveImpairment: 'Kognitiv svikt',
  cannotReachHealthCentre: 'Kriterium 4, kan ta sig till hälsocentralen',
  prefersHealthCentre: 'Önskar vård av regionen (hälsocentral eller öppen mottagning)',
  preferenceRisksSafety: 'Önskemålet påverkar patientsäkerheten',
  listedAtOtherHealthCentre: 'Listad vid annan hälsocentral',
  products: 'Produkt',
  time: 'Klockslag',
};

const housingLabels: Readonly<Record<string, string>> = {
  ordinart: 'Ordinärt boende',
  sarskilt_boende: 'Särskilt boende',
  korttidsplats: 'Korttidsplats',
  lss_bostad: 'Bostad med särskild service (LSS)',
};

/** An answer value in Swedish. */
export function valueLabel(q: QuestionId, v: string | number | boolean): string {
  const positive = ASKED_POSITIVELY.has(q);
  if (v === true) return positive ? 'Nej' : 'Ja';
  if (v === false) return positive ? 'Ja' : 'Nej';
  if (v === 'unknown') return 'Vet inte';
  if (q === 'housing') return housingLabels[String(v)] ?? String(v);
  return String(v);
}
