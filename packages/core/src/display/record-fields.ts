/**
 * The glossary's block for stored records (decision 0190): Swedish display names of the fields
 * the audit trail keeps in its before/after JSON (users, parties, index and parameter values,
 * keys, imports, runs, invoice bases, disputes, terminations), with what kind of value each is,
 * so an audit diff reads "Summa: 1 234,50 kr" instead of `totalOre: 123450`. The JSON keeps its
 * keys (they are hashed into the chain); only what a person reads goes through `describeChanges`.
 * Names the store knows (people, parties, documents, flows, import kinds, parameters) are looked
 * up by the caller and passed in as `RecordNames`.
 */
import { formatNumber, kronorText, stepInputLabel } from './glossary.js';

/** What a field's value is, which decides how it is shown. */
type FieldKind =
  | 'text'
  | 'money'
  | 'date'
  | 'timestamp'
  | 'yesno'
  | 'count'
  | 'percent'
  | 'year'
  | 'days'
  | 'bytes'
  | 'actor'
  | 'party'
  | 'parties'
  | 'document'
  | 'flow'
  | 'import-kind'
  | 'parameter'
  | 'role'
  | 'status'
  | 'index-kind'
  | 'format'
  | 'fields'
  | 'list'
  | 'ids'
  | 'object';

/** A lookup for names the store knows: an actor id, a party code, a document id, a flow, an import kind, a parameter id. */
export type RecordNames = (kind: 'actor' | 'party' | 'document' | 'flow' | 'import-kind' | 'parameter', id: string) => string | undefined;

const f = (label: string, kind: FieldKind = 'text'): { readonly label: string; readonly kind: FieldKind } => ({ label, kind });

/** Stored record fields by key (the same key means the same thing in every table). */
const recordFields: Readonly<Record<string, { readonly label: string; readonly kind: FieldKind }>> = {
  // Shared by most records.
  id: f('Id'),
  värde: f('Värde'),
  value: f('Värde'),
  demo: f('Demodata', 'yesno'),
  example: f('Exempelvärde', 'yesno'),
  version: f('Version', 'count'),
  recordedAt: f('Registrerat', 'timestamp'),
  recordedBy: f('Registrerat av', 'actor'),
  createdAt: f('Skapat', 'timestamp'),
  created_at: f('Skapat', 'timestamp'),
  createdBy: f('Skapat av', 'actor'),
  source: f('Källa'),
  decisionRef: f('Beslut'),
  note: f('Anteckning'),
  notes: f('Anteckningar', 'list'),
  title: f('Rubrik'),
  name: f('Namn'),
  validFrom: f('Gäller från', 'date'),
  validTo: f('Gäller till och med', 'date'),
  status: f('Status', 'status'),
  clause: f('Klausul'),
  document: f('Dokument', 'document'),
  reference: f('Beslutsreferens'),
  // Users and sign-in links.
  username: f('Användarnamn'),
  displayName: f('Visningsnamn'),
  role: f('Roll', 'role'),
  municipality: f('Kommun', 'party'),
  email: f('E-post'),
  active: f('Aktiv', 'yesno'),
  hasPassword: f('Har lösenord', 'yesno'),
  mustChangePassword: f('Måste byta lösenord', 'yesno'),
  issuer: f('Utfärdare'),
  subject: f('Ämne'),
  user_id: f('Användare', 'actor'),
  // Index values, parameter values and allocation keys.
  series: f('Indexserie'),
  year: f('År', 'year'),
  percent: f('Förändring', 'percent'),
  kind: f('Typ', 'index-kind'),
  publishedOn: f('Publicerat', 'date'),
  parameterId: f('Parameter', 'parameter'),
  baseYear: f('Basår', 'year'),
  factors: f('Faktorer', 'list'),
  weight: f('Vikt', 'percent'),
  measure: f('Mått'),
  decision: f('Beslut'),
  // The party register.
  partyCode: f('Part', 'party'),
  unit: f('Enhet'),
  legalName: f('Juridiskt namn'),
  organisationNumber: f('Organisationsnummer'),
  vatNumber: f('Momsregistreringsnummer'),
  vatRegistered: f('Momsregistrerad', 'yesno'),
  address: f('Adress', 'object'),
  street: f('Gatuadress'),
  postalCode: f('Postnummer'),
  city: f('Ort'),
  country: f('Land'),
  endpoint: f('Peppol-adress', 'object'),
  scheme: f('Adresstyp'),
  payment: f('Betalning', 'object'),
  account: f('Konto'),
  paymentTermsDays: f('Betalningsvillkor', 'days'),
  invoicePrefix: f('Prefix för fakturanummer'),
  buyerReference: f('Köparens referens'),
  flowReferences: f('Referenser per flöde', 'object'),
  placeholderFields: f('Fält med exempelvärden', 'fields'),
  // Imports.
  filename: f('Filnamn'),
  fileName: f('Filnamn'),
  format: f('Format', 'format'),
  encoding: f('Teckenkodning'),
  bytes: f('Filstorlek', 'bytes'),
  sha256: f('SHA-256'),
  rowCount: f('Antal rader', 'count'),
  rows: f('Rader', 'count'),
  inserted: f('Nya poster', 'count'),
  duplicates: f('Dubbletter', 'count'),
  uploadedAt: f('Uppladdat', 'timestamp'),
  uploadedBy: f('Uppladdat av', 'actor'),
  // Billing runs, invoice bases and exports.
  flow: f('Flöde', 'flow'),
  period: f('Period'),
  sequence: f('Körningens nummer', 'count'),
  scope: f('Omfattning', 'party'),
  options: f('Val', 'object'),
  invoiceBases: f('Fakturaunderlag', 'ids'),
  billingRunId: f('Körning'),
  runLabel: f('Körning'),
  runSequence: f('Körningens nummer', 'count'),
  seller: f('Säljare', 'object'),
  buyer: f('Köpare', 'object'),
  totalOre: f('Summa', 'money'),
  lines: f('Rader', 'list'),
  trace: f('Spårbarhet', 'object'),
  inputs: f('Underlag', 'object'),
  provenance: f('Värdenas ursprung', 'object'),
  approvedAt: f('Godkänt', 'timestamp'),
  approvedBy: f('Godkänt av', 'actor'),
  sentAt: f('Skickat', 'timestamp'),
  creditOf: f('Krediterar underlaget'),
  creditedAt: f('Krediterat', 'timestamp'),
  creditedBy: f('Kreditnota'),
  creditReason: f('Skäl till krediteringen'),
  reason: f('Skäl'),
  creditNote: f('Kreditnota'),
  replacement: f('Nytt utkast'),
  replaces: f('Ersätter underlaget'),
  releasedKeys: f('Frigjorda faktureringsnycklar', 'count'),
  confirmedProvisional: f('Bekräftade varningar', 'list'),
  invoiceNumber: f('Fakturanummer'),
  invoiceNumbers: f('Fakturanummer', 'list'),
  issueDate: f('Fakturadatum', 'date'),
  dueDate: f('Förfallodag', 'date'),
  zip: f('ZIP-fil'),
  report: f('Rapport'),
  on: f('Per dag', 'date'),
  openDisputes: f('Öppna tvister', 'count'),
  // Disputes.
  level: f('Nivå'),
  parties: f('Parter', 'parties'),
  openedOn: f('Öppnad', 'date'),
  currentStep: f('Nuvarande steg', 'object'),
  path: f('Eskaleringsväg', 'list'),
  history: f('Händelser', 'list'),
  proposals: f('Förslag', 'list'),
  pendingDecision: f('Väntande förslag', 'object'),
  outcome: f('Utfall'),
  decidedOn: f('Beslutsdag', 'date'),
  costRegulationOre: f('Kostnadsreglering', 'money'),
  costRegulationPayer: f('Betalare av kostnadsregleringen', 'party'),
  costRegulationPayee: f('Mottagare av kostnadsregleringen', 'party'),
  description: f('Beskrivning'),
  forum: f('Forum'),
  // Terminations.
  noticeDate: f('Uppsägningsdatum', 'date'),
  dialogueHeld: f('Dialog förd', 'yesno'),
  finalEnd: f('Sista giltighetsdag', 'date'),
  inTime: f('I tid', 'yesno'),
  effects: f('Verkan', 'list'),
  // The audit key.
  legacyRows: f('Poster före nyckeln', 'count'),
  legacyHead: f('Kedjans huvud före nyckeln'),
  algorithm: f('Algoritm'),
  keyId: f('Nyckelns id'),
};

const enums: Readonly<Partial<Record<FieldKind, Readonly<Record<string, string>>>>> = {
  role: {
    admin: 'Administratör',
    region_economist: 'Ekonom, regionen',
    municipality_economist: 'Ekonom, kommun',
    manager: 'Chef/strateg',
    viewer: 'Läsbehörighet',
  },
  status: {
    draft: 'utkast',
    approved: 'godkänt',
    sent: 'skickat',
    credited: 'krediterat',
    open: 'öppen',
    escalated: 'eskalerad',
    decided: 'avgjord',
    closed: 'avslutad',
    pending: 'väntar på bekräftelse',
    confirmed: 'bekräftat',
    withdrawn: 'återkallat',
  },
  'index-kind': { outcome: 'utfall', forecast: 'prognos' },
  format: { csv: 'CSV', xlsx: 'Excel', pdf: 'PDF', peppol: 'Peppol BIS Billing 3.0 (e-faktura)', sie: 'SIE 4I', zip: 'ZIP' },
};

/** The Swedish display name of a stored record field ("Summa" for `totalOre`); a step-input name or the key itself when unknown. */
export function recordFieldLabel(key: string): string {
  return recordFields[key]?.label ?? stepInputLabel(key);
}

/** Every record field the glossary names (for tests that check coverage). */
export const knownRecordFields: readonly string[] = Object.keys(recordFields);

const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;
const stockholm = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Stockholm',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

function timestamp(v: string): string {
  const t = Date.parse(v);
  return Number.isNaN(t) ? v : stockholm.format(new Date(t));
}

const MAX_LIST = 5;

/** A field's value as a person reads it ("1 234,50 kr", "Ja", "2026-12-01 17:24", "Östersunds kommun"). */
export function recordFieldValue(key: string, value: unknown, names: RecordNames = () => undefined, depth = 0): string {
  const kind = recordFields[key]?.kind ?? 'text';
  if (value === null || value === undefined) return kind === 'party' && key === 'scope' && value === null ? 'hela länet' : '–';
  if (typeof value === 'boolean') return value ? 'Ja' : 'Nej';
  if (Array.isArray(value)) {
    if (value.length === 0) return '(inga)';
    if (kind === 'fields') return value.map((v) => recordFieldLabel(String(v))).join(', ');
    // Ids of other records (a run's bases) are counted, not listed: the names are on their pages.
    if (kind === 'ids') return `${formatNumber(value.length)} st`;
    const itemKey = kind === 'parties' ? 'partyCode' : key;
    const simple = value.every((v) => v === null || typeof v !== 'object');
    if (!simple || depth > 0) return value.length === 1 ? '1 post' : `${formatNumber(value.length)} poster`;
    const shown = value.slice(0, MAX_LIST).map((v) => recordFieldValue(itemKey, v, names, depth + 1));
    return value.length > MAX_LIST ? `${shown.join(', ')} och ${formatNumber(value.length - MAX_LIST)} till` : shown.join(', ');
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 0) return '(tomt)';
    // A party as the views give it: its name (and unit).
    const o = value as Record<string, unknown>;
    if (typeof o['name'] === 'string' && typeof o['id'] === 'string' && entries.length <= 3)
      return typeof o['unit'] === 'string' ? `${o['name']}, ${o['unit']}` : o['name'];
    if (depth > 0 || entries.length > 8) return entries.length === 1 ? '1 uppgift' : `${formatNumber(entries.length)} uppgifter`;
    return entries.map(([k, v]) => `${recordFieldLabel(k)}: ${recordFieldValue(k, v, names, depth + 1)}`).join('; ');
  }
  const text = typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'bigint' ? value.toString() : '';
  switch (kind) {
    case 'money':
      return typeof value === 'number' ? kronorText(value) : `${formatNumber(text)} kr`;
    case 'date': {
      const m = isoDate.exec(text);
      return m ? text : timestamp(text);
    }
    case 'timestamp':
      return timestamp(text);
    case 'yesno':
      return text;
    case 'count':
      return typeof value === 'number' ? formatNumber(value) : text;
    case 'percent':
      return `${formatNumber(text)} %`;
    case 'year':
      return text;
    case 'days':
      return `${text} dagar`;
    case 'bytes':
      return typeof value === 'number' ? `${formatNumber(value)} byte` : text;
    case 'actor':
      return names('actor', text) ?? text;
    case 'party':
    case 'parties':
      return names('party', text) ?? text;
    case 'document':
      return names('document', text) ?? text;
    case 'flow':
      return names('flow', text) ?? text;
    case 'import-kind':
      return names('import-kind', text) ?? text;
    case 'parameter':
      return names('parameter', text) ?? text;
    case 'role':
    case 'status':
    case 'index-kind':
    case 'format':
      return enums[kind]?.[text] ?? text;
    case 'fields':
    case 'ids':
    case 'list':
    case 'object':
    case 'text':
      return typeof value === 'number' ? formatNumber(value) : text;
  }
}

/** One changed field of a record: the key (machine), its Swedish label, and both values as read. */
export interface FieldChange {
  readonly field: string;
  readonly label: string;
  readonly before: string;
  readonly after: string;
}

/** Where one table's key means something else than elsewhere (a sign-in link's `subject` is an id, not a dispute's subject). */
const entityLabels: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  user_identities: { subject: 'Id hos utfärdaren' },
  imports: { kind: 'Typ av underlag' },
};

function fieldsOf(value: unknown): Record<string, unknown> {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  return value === null || value === undefined ? {} : { värde: value };
}

/**
 * The top-level fields that differ between `before` and `after` (a stored audit entry's two
 * sides), labelled and formatted. An import's `kind` is an import kind, not an index kind.
 */
export function describeChanges(before: unknown, after: unknown, names: RecordNames = () => undefined, entity?: string): FieldChange[] {
  const b = fieldsOf(before);
  const a = fieldsOf(after);
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => JSON.stringify(b[k]) !== JSON.stringify(a[k]));
  const show = (k: string, v: unknown): string => {
    if (v === undefined) return '–';
    if (k === 'kind' && entity === 'imports' && typeof v === 'string') return names('import-kind', v) ?? v;
    return recordFieldValue(k, v, names);
  };
  const label = (k: string): string => entityLabels[entity ?? '']?.[k] ?? recordFieldLabel(k);
  return keys.map((k) => ({ field: k, label: label(k), before: show(k, b[k]), after: show(k, a[k]) }));
}
