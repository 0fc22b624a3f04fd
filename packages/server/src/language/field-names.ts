/**
 * The Swedish display name of every field a client can send to the API (body, query and path), so
 * a validation problem names the field as a person knows it ("Momsregistreringsnummer") while the
 * JSON path stays machine-readable beside it (`location.field`: `body.vatNumber`). Part of the one
 * glossary of decision 0190; a test walks the OpenAPI document and fails on a field without a name
 * here (`language/field-names.int.test.ts`). A name is the field's meaning in every route that uses it.
 */
import { recordFieldLabel } from '@samverkan/core';

/**
 * Fields the API shares with the stored records (a party's VAT number, a basis's buyer reference …):
 * their names come from the record glossary (core display/record-fields.ts), so the audit diff and
 * a refused request call a field the same.
 */
const namedAsRecords = [
  'username',
  'role',
  'active',
  'municipality',
  'series',
  'year',
  'kind',
  'source',
  'parameterId',
  'value',
  'baseYear',
  'validFrom',
  'id',
  'name',
  'title',
  'decision',
  'note',
  'factors',
  'measure',
  'weight',
  'partyCode',
  'legalName',
  'organisationNumber',
  'vatNumber',
  'vatRegistered',
  'address',
  'street',
  'postalCode',
  'city',
  'unit',
  'payment',
  'account',
  'invoicePrefix',
  'buyerReference',
  'period',
  'scope',
  'status',
  'format',
  'reason',
  'filename',
  'document',
  'level',
  'parties',
  'openedOn',
  'outcome',
  'costRegulationOre',
  'costRegulationPayer',
  'costRegulationPayee',
];

/** Field names of the API alone, or where a request field means something else than the stored one. */
const apiFieldNames: Readonly<Record<string, string>> = {
  // Sign-in and users
  password: 'Lösenord',
  currentPassword: 'Nuvarande lösenord',
  newPassword: 'Nytt lösenord',
  displayName: 'Namn som visas',
  email: 'E-postadress',
  code: 'Kod från inloggningstjänsten',
  state: 'Tillståndskod från inloggningstjänsten',
  error: 'Fel från inloggningstjänsten',
  // Ansvarsguiden
  date: 'Datum',
  time: 'Klockslag',
  housing: 'Boendeform',
  registeredMunicipality: 'Folkbokföringskommun',
  homeRegion: 'Hemregion',
  storsjoglantan: 'Ansluten till Storsjögläntan',
  atDayActivity: 'Vistas på daglig verksamhet',
  safeAtHome: 'Trygg hemgång',
  needOver14Days: 'Behov längre än 14 dagar',
  cfs: 'Skörhet (CFS)',
  cognitiveImpairment: 'Kognitiv svikt',
  cannotReachHealthCentre: 'Kan inte ta sig till hälsocentralen',
  prefersHealthCentre: 'Önskar hälsocentralen',
  preferenceRisksSafety: 'Önskemålet äventyrar patientsäkerheten',
  listedAtOtherHealthCentre: 'Listad vid en annan hälsocentral',
  onBehalfOfOther: 'För en annan huvudmans räkning',
  products: 'Produkter',
  label: 'Benämning',
  workEnvironment: 'Arbetsmiljöskäl',
  specialisedCare: 'Specialiserad vård',
  afterDischarge: 'Efter utskrivning',
  notProcured: 'Inte upphandlad',
  physicianOnlyPrescription: 'Endast läkare får förskriva',
  specialistResponsibility: 'Specialistansvar',
  explain: 'Förklaring',
  // Calculations
  flow: 'Penningflöde',
  minutes: 'Minuter',
  interpretations: 'Tolkningar',
  inventory: 'Inventarieförteckning',
  inventoryDate: 'Inventeringsdatum',
  devices: 'Antal inventarier',
  half: 'Halvår',
  connected: 'Antal anslutna personer',
  index: 'Indexvärden',
  indexStart: 'Första indexår',
  policy: 'Regel för justering',
  counts: 'Antal per år',
  count: 'Antal',
  allocationKey: 'Fördelningsnyckel',
  // Reference data: index values, parameters, allocation keys
  percent: 'Procent',
  publishedOn: 'Publicerad',
  decisionRef: 'Beslutsreferens',
  validTo: 'Gäller till',
  history: 'Med historik',
  values: 'Värden',
  // Party register
  scheme: 'Kontotyp',
  paymentTermsDays: 'Betalningsvillkor (dagar)',
  endpoint: 'Elektronisk adress (Peppol)',
  flowReferences: 'Referenser per penningflöde',
  // Billing and exports
  billingRunId: 'Faktureringskörning',
  confirmProvisional: 'Bekräfta preliminära värden',
  linesOffset: 'Första raden som visas',
  linesLimit: 'Antal rader som visas',
  // Imports and records
  file: 'Fil',
  importId: 'Import',
  offset: 'Börja från rad',
  limit: 'Högst antal',
  // Disputes and terminations
  subject: 'Ärende',
  forumMinutes: 'Protokoll från forumet',
  proposalId: 'Förslag',
  noticeDate: 'Uppsägningsdag',
  dialogueHeld: 'Dialog har förts',
  reference: 'Referens',
  // Agreements, calendar, clauses, audit
  on: 'Dag',
  terminated: 'Uppsagda dokument',
  owner: 'Ansvarig',
  q: 'Sökord',
  actor: 'Vem',
  action: 'Åtgärd',
  entity: 'Vad',
  entityId: 'Objekt',
  from: 'Från och med',
  to: 'Till och med',
  beforeSeq: 'Före händelse nummer',
};

/** Field (property, query or path parameter) → Swedish display name. */
export const fieldDisplayNames: Readonly<Record<string, string>> = {
  ...Object.fromEntries(namedAsRecords.map((field) => [field, recordFieldLabel(field)])),
  ...apiFieldNames,
};

/** The Swedish name of a field, or undefined for a name the API does not know (a key the client made up). */
export function fieldDisplayName(field: string): string | undefined {
  return Object.hasOwn(fieldDisplayNames, field) ? fieldDisplayNames[field] : undefined;
}
