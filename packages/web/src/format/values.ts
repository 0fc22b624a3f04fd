/** Values of calculation steps and parameters in Swedish: öre as kronor, decimals with a comma. */
import { formatOre } from './money.js';
import { formatDecimalString, formatInteger } from './numbers.js';

const perUnit: Readonly<Record<string, string>> = {
  ore: '',
  öre: '',
  ore_per_hour: ' per timme',
  ore_per_started_hour: ' per påbörjad timme',
  ore_per_person: ' per person',
};

/** Unit names the service writes in English, in Swedish. */
const unitNames: Readonly<Record<string, string>> = {
  minutes: 'minuter',
  minute: 'minuter',
  hours: 'timmar',
  hour: 'timmar',
  'started-hour': 'påbörjade timmar',
  persons: 'personer',
  devices: 'inventarier',
  percent: '%',
  ratio: '',
  count: 'st',
};

/** A value in its unit, Swedish style: öre as kronor (also per hour or person), decimals with comma. */
export function formatValue(v: number | string | boolean | null, unit?: string): string {
  if (v === null) return '–';
  if (typeof v === 'boolean') return v ? 'ja' : 'nej';
  if (unit !== undefined && unit in perUnit && /^-?\d+$/.test(String(v))) return `${formatOre(v)}${perUnit[unit] ?? ''}`;
  const text =
    typeof v === 'number' ? (Number.isSafeInteger(v) ? formatInteger(v) : formatDecimalString(String(v))) : formatDecimalString(v);
  const shown = unit === undefined ? undefined : (unitNames[unit] ?? unit);
  return shown ? `${text} ${shown}` : text;
}

/** Inputs named …Öre / …Ore or as an amount are money in öre. */
export const formatInputValue = (key: string, v: number | string | boolean | null): string =>
  /(ore|öre)$|belopp|amount/i.test(key) && typeof v === 'number' ? formatOre(v) : formatValue(v);
