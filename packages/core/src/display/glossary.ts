/**
 * One glossary of display names: what a person reads instead of the ids the data and the JSON
 * use (units, rounding modes, step inputs), with singular and plural, and öre shown as kronor.
 * The JSON keeps its ids (machine shape, stable); every human rendering — the web app's step
 * list, the CLI's text output, the PDFs — goes through `describeUnit`, `describeRounding`,
 * `describeStepInput` and `quantity` here, so the same thing has the same name everywhere.
 */
import { formatKronor, groupDigits, ore } from '../money.js';

/** A unit: its Swedish singular and plural, and whether the value is öre (shown as kronor). */
interface UnitName {
  readonly one: string;
  readonly many: string;
  /** For amounts: the "per …" part after the kronor amount (empty for a plain amount). */
  readonly per?: string;
}

/** Units of parameters, steps and invoice lines, by the id the data uses. */
const units: Readonly<Record<string, UnitName>> = {
  ore: { one: 'kr', many: 'kr', per: '' },
  öre: { one: 'kr', many: 'kr', per: '' },
  ore_per_hour: { one: 'kr', many: 'kr', per: ' per timme' },
  ore_per_started_hour: { one: 'kr', many: 'kr', per: ' per påbörjad timme' },
  ore_per_month: { one: 'kr', many: 'kr', per: ' per månad' },
  ore_per_person: { one: 'kr', many: 'kr', per: ' per person' },
  minutes: { one: 'minut', many: 'minuter' },
  minute: { one: 'minut', many: 'minuter' },
  hours: { one: 'timme', many: 'timmar' },
  hour: { one: 'timme', many: 'timmar' },
  'started-hour': { one: 'påbörjad timme', many: 'påbörjade timmar' },
  persons: { one: 'person', many: 'personer' },
  person: { one: 'person', many: 'personer' },
  devices: { one: 'inventarie', many: 'inventarier' },
  count: { one: 'st', many: 'st' },
  piece: { one: 'st', many: 'st' },
  'lump-sum': { one: 'klumpsumma', many: 'klumpsummor' },
  percent: { one: '%', many: '%' },
  ratio: { one: '', many: '' },
  month: { one: 'månad', many: 'månader' },
  post: { one: 'ny post', many: 'nya poster' },
  row: { one: 'rad', many: 'rader' },
};

/** Rounding modes by id. */
const roundingModes: Readonly<Record<string, string>> = {
  'half-up': 'avrundat till närmaste, hälften uppåt',
  'half-even': 'avrundat till närmaste, hälften till jämnt',
  down: 'avrundat nedåt',
  up: 'avrundat uppåt',
  floor: 'avrundat nedåt',
  ceil: 'avrundat uppåt',
};

/** Step inputs (the `inputs` keys of the calculation steps) by id: label and what the value is. */
type InputKind = 'money' | 'minutes' | 'hours' | 'percent' | 'yesno' | 'count' | 'year' | 'text';
const stepInputs: Readonly<Record<string, { readonly label: string; readonly kind: InputKind }>> = {
  timprisÖre: { label: 'Timpris', kind: 'money' },
  föregående: { label: 'Föregående års värde', kind: 'money' },
  procent: { label: 'Förändring', kind: 'percent' },
  serie: { label: 'Indexserie', kind: 'text' },
  år: { label: 'År', kind: 'year' },
  basår: { label: 'Basår', kind: 'year' },
  minuter: { label: 'Tid', kind: 'minutes' },
  stegMinuter: { label: 'Debiteras per påbörjat intervall om', kind: 'minutes' },
  debiteradeMinuter: { label: 'Debiterad tid', kind: 'minutes' },
  påbörjadeTimmar: { label: 'Påbörjade timmar', kind: 'count' },
  timmar: { label: 'Timmar', kind: 'hours' },
  insatstid: { label: 'Insatstid', kind: 'minutes' },
  administration: { label: 'Administration', kind: 'minutes' },
  återrapportering: { label: 'Återrapportering', kind: 'minutes' },
  restid: { label: 'Restid', kind: 'minutes' },
  restidRäknas: { label: 'Restiden räknas', kind: 'yesno' },
  grundtidMinuter: { label: 'Grundtid', kind: 'minutes' },
  tidPerInventarieMinuter: { label: 'Tid per inventarie', kind: 'minutes' },
  månadslönÖre: { label: 'Månadslön', kind: 'money' },
  budgetÖre: { label: 'Budget', kind: 'money' },
  utfallÖre: { label: 'Utfall', kind: 'money' },
  tilläggsbeloppÖre: { label: 'Tilläggsbelopp', kind: 'money' },
  justeringsbeloppÖre: { label: 'Justeringsbelopp', kind: 'money' },
  justeringÖre: { label: 'Justering', kind: 'money' },
  halvårskostnadÖre: { label: 'Halvårskostnad', kind: 'money' },
  avtaletsTilläggsbeloppÖre: { label: 'Avtalets tilläggsbelopp', kind: 'money' },
  avtaletsJusteringsbeloppÖre: { label: 'Avtalets justeringsbelopp', kind: 'money' },
  exaktÖre: { label: 'Exakt belopp', kind: 'money' },
  exaktKronor: { label: 'Exakt belopp i kronor', kind: 'text' },
  poPåläggProcent: { label: 'PO-pålägg', kind: 'percent' },
  regionensAndelProcent: { label: 'Regionens andel', kind: 'percent' },
  personer: { label: 'Personer', kind: 'count' },
  antal: { label: 'Antal', kind: 'count' },
  heltider: { label: 'Heltider', kind: 'text' },
  månader: { label: 'Månader', kind: 'count' },
  referensantal: { label: 'Referensantal', kind: 'count' },
  summa: { label: 'Summa', kind: 'count' },
  summaKvadrater: { label: 'Summa av kvadraterna', kind: 'count' },
  n: { label: 'Antal år', kind: 'count' },
  överenskommelse: { label: 'Överenskommelse', kind: 'text' },
  start: { label: 'Start', kind: 'text' },
  fil: { label: 'Fil', kind: 'text' },
  rad: { label: 'Rad', kind: 'text' },
  post: { label: 'Post', kind: 'text' },
  import: { label: 'Import', kind: 'text' },
  slut: { label: 'Slut', kind: 'text' },
  basberedskap: { label: 'Påslag för basberedskap', kind: 'text' },
  beslutsdag: { label: 'Beslutsdag', kind: 'text' },
  betalare: { label: 'Betalare', kind: 'text' },
  mottagare: { label: 'Mottagare', kind: 'text' },
  dokument: { label: 'Dokument', kind: 'text' },
  tvist: { label: 'Tvist', kind: 'text' },
  egna: { label: 'Egna inventarier', kind: 'count' },
  totala: { label: 'Alla inventarier', kind: 'count' },
  nedre: { label: 'Nedre gräns', kind: 'count' },
  övre: { label: 'Övre gräns', kind: 'count' },
  // Issue 12 (H6): the share of a municipality in a split (the tilläggsbelopp's allocation step).
  andel: { label: 'Andel', kind: 'text' },
};

/** Öre as kronor, whole kronor without ",00" ("640 kr", "659,84 kr"). */
export function kronorText(valueOre: number): string {
  return formatKronor(ore(valueOre)).replace(/,00 kr$/, ' kr');
}

const nf = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 12 });

/** A number Swedish style: thousands with a space, decimal comma (a decimal string stays exact). */
export function formatNumber(v: number | string): string {
  if (typeof v === 'number') {
    // Integers (nearly every number in a step) without Intl: the same text, a fraction of the cost.
    if (Number.isSafeInteger(v)) return v < 0 || Object.is(v, -0) ? `-${groupDigits(String(-v))}` : groupDigits(String(v));
    return nf.format(v).replace(/\u2212/g, '-');
  }
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(v);
  if (!m) return v;
  const whole = (m[2] ?? '').replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
  return `${m[1] ?? ''}${whole}${m[3] ? `,${m[3]}` : ''}`;
}

/** "1 påbörjad timme", "3 påbörjade timmar", "1 ny post", "4 700 000 kr per månad" (öre → kronor). */
export function quantity(value: number, unit: string): string {
  const u = units[unit];
  if (!u) return `${formatNumber(value)} ${unit}`;
  if (u.per !== undefined) return `${kronorText(value)}${u.per}`;
  const name = Math.abs(value) === 1 ? u.one : u.many;
  return name === '' ? formatNumber(value) : name === '%' ? `${formatNumber(value)} %` : `${formatNumber(value)} ${name}`;
}

/** The Swedish name of a unit in the plural ("påbörjade timmar", "kr per påbörjad timme"). */
export function describeUnit(unit: string): string {
  const u = units[unit];
  if (!u) return unit;
  return u.per !== undefined ? `kr${u.per}` : u.many;
}

/** "avrundat till hela kronor" for a step of 100 öre, "avrundat till närmaste, hälften uppåt, till 5 minuter" … */
export function describeRounding(mode: string, step: number, unit: string): string {
  const how = roundingModes[mode] ?? mode;
  if (units[unit]?.per !== undefined) {
    if (step === 1) return `${how}, till helt öre`;
    if (step === 100) return `${how}, till hela kronor`;
    return `${how}, till ${kronorText(step)}`;
  }
  return `${how}, till ${quantity(step, unit)}`;
}

/** The Swedish label of a step input ("Timpris" for `timprisÖre`); names the glossary does not know (a municipality, a year) are shown as they are. */
export function stepInputLabel(name: string): string {
  return stepInputs[name]?.label ?? name;
}

/** A step input's value with its unit ("640 kr", "ja", "3,1 %", "45 minuter"). */
export function stepInputValue(name: string, value: number | string | boolean | null): string {
  const known = stepInputs[name];
  if (value === null) return '–';
  if (typeof value === 'boolean') return value ? 'ja' : 'nej';
  switch (known?.kind) {
    case 'money':
      return typeof value === 'number' ? kronorText(value) : `${formatNumber(value)} kr`;
    case 'minutes':
      return typeof value === 'number' ? quantity(value, 'minutes') : `${formatNumber(value)} minuter`;
    case 'hours':
      return `${formatNumber(value)} timmar`;
    case 'percent':
      return `${formatNumber(value)} %`;
    case 'year':
      return String(value);
    case 'yesno':
    case 'count':
    case 'text':
    case undefined:
      return formatNumber(value);
  }
}

/** "Timpris: 640 kr", "Restiden räknas: ja", "Förändring: 3,1 %" for one step input. */
export function describeStepInput(name: string, value: number | string | boolean | null): string {
  return `${stepInputLabel(name)}: ${stepInputValue(name, value)}`;
}

/** Every step-input id the glossary names (for tests that check coverage). */
export const knownStepInputs: readonly string[] = Object.keys(stepInputs);

/** Identifiers a person must never read (the string test of issue 12). */
export const INTERNAL_IDENTIFIER =
  /Öre\b|[A-Za-zåäö]Öre|ore_|_per_|\b[a-zåäö]+[A-ZÅÄÖ][a-zåäö]+\w*|started-hour|lump-sum|half-up|half-even|whole-kronor|\bI\d+ \([a-z-]+\)/;
