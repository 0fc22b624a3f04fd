/**
 * `ombud-tasks` — Syn- och hörselombud (SYNHOR.ekonomisk-ersattning): one row per task a
 * municipality's ombud did for a patient within the region's responsibility. The municipality
 * invoices the region monthly, separately for syncentralen and hörcentralen (column `enhet`).
 */
import type { OmbudService } from '@samverkan/core';
import type { ColumnSpec } from '../columns.js';
import { formats, choice } from '../column-formats.js';
import type { RowReader } from '../row-reader.js';
import { minuteColumns, readMinutes } from './assignment-columns.js';
import { recordKind } from './record-kind.js';

const columns: readonly ColumnSpec[] = [
  { key: 'date', sv: 'datum', required: true, description: 'uppdragets datum, ÅÅÅÅ-MM-DD', format: formats.date },
  {
    key: 'municipality',
    sv: 'kommun',
    required: true,
    description: 'kommunen vars ombud utförde uppgiften (namn eller kommunkod)',
    format: formats.municipality,
    party: true,
  },
  {
    key: 'service',
    sv: 'enhet',
    aliases: ['mottagning', 'unit'],
    required: true,
    description: 'syncentralen eller hörcentralen (faktureras separat)',
    format: choice(['syncentralen', 'hörcentralen'], 'syn och hör går också'),
  },
  ...minuteColumns,
  {
    key: 'reference',
    sv: 'referens',
    aliases: ['ref'],
    required: false,
    description: 'egen referens, utan personuppgifter',
    format: { ...formats.text, example: 'S-17' },
  },
];

const services: readonly [RegExp, OmbudService][] = [
  [/^syn(central(en)?|en)?$/i, 'syncentralen'],
  [/^(hör|hor)(central(en)?|selvård(en)?|selvard(en)?|sel)?$/i, 'horcentralen'],
];

function readService(row: RowReader): OmbudService | undefined {
  const v = row.raw('service');
  const found = services.find(([re]) => re.test(v.replace(/\s+/g, '')));
  if (found) return found[1];
  row.fail('service', `"${v}" ska vara syncentralen eller hörcentralen (de faktureras var för sig).`, v);
  return undefined;
}

/** Vision and hearing ombud tasks. */
export const ombudTasksKind = recordKind({
  kind: 'ombud-tasks',
  title: 'Syn- och hörselombud',
  description: 'En uppgift per rad som kommunens syn- eller hörselombud utfört åt regionen (SYNHOR, Ekonomisk ersättning).',
  columns,
  countyWide: false,
  state: false,
  read(row) {
    const date = row.date('date');
    const municipality = row.municipality('municipality');
    const service = readService(row);
    const minutes = readMinutes(row);
    const reference = row.optionalText('reference');
    if (!row.ok || date === undefined || municipality === undefined || service === undefined || minutes === undefined) return undefined;
    return {
      period: date.slice(0, 7),
      sellerCode: municipality,
      buyerCode: 'region',
      municipalityCode: municipality,
      amountOre: null,
      data: { date, municipality, service, minutes, ...(reference === undefined ? {} : { reference }) },
    };
  },
});
