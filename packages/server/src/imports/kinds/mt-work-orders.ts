/**
 * `mt-work-orders` — MT rörlig del (MT.bilaga-1-rorlig-del): one row per work order the region's
 * MT department did for a municipality: minutes of work (priced at the MT hourly rate, I7), travel
 * costs for visits to care units, consumables and spare parts (kronor). Invoiced monthly to the
 * ordering municipality.
 */
import type { ColumnSpec } from '../columns.js';
import { formats } from '../column-formats.js';
import { recordKind } from './record-kind.js';

const columns: readonly ColumnSpec[] = [
  { key: 'date', sv: 'datum', required: true, description: 'arbetsorderns datum, ÅÅÅÅ-MM-DD', format: formats.date },
  {
    key: 'municipality',
    sv: 'kommun',
    aliases: ['beställare', 'bestallare'],
    required: true,
    description: 'beställande kommun (namn eller kommunkod)',
    format: formats.municipality,
    party: true,
  },
  {
    key: 'minutes',
    sv: 'minuter',
    aliases: ['arbetstid', 'arbetstid_minuter'],
    required: true,
    description: 'faktisk arbetstid i minuter',
    format: formats.wholeMinutes,
  },
  {
    key: 'travel_cost',
    sv: 'resekostnad',
    aliases: ['resa', 'travel'],
    required: false,
    description: 'reskostnad vid besök på vårdenhet, kronor (tomt = 0)',
    format: { ...formats.kronor, forms: `${formats.kronor.forms}; tomt = 0`, example: '0' },
  },
  {
    key: 'consumables',
    sv: 'förbrukningsmaterial',
    aliases: ['forbrukningsmaterial', 'material'],
    required: false,
    description: 'förbrukningsmaterial, kronor (tomt = 0)',
    format: { ...formats.kronor, forms: `${formats.kronor.forms}; tomt = 0`, example: '0' },
  },
  {
    key: 'spare_parts',
    sv: 'reservdelar',
    aliases: ['reservdel'],
    required: false,
    description: 'reservdelar, kronor (tomt = 0)',
    format: { ...formats.kronor, forms: `${formats.kronor.forms}; tomt = 0`, example: '0' },
  },
  {
    key: 'reference',
    sv: 'arbetsorder',
    aliases: ['referens', 'ref', 'work_order'],
    required: false,
    description: 'arbetsordernummer eller annan referens',
    format: { ...formats.text, example: 'AO-2026-001' },
  },
];

/** MT work orders. */
export const mtWorkOrdersKind = recordKind({
  kind: 'mt-work-orders',
  title: 'MT arbetsordrar (rörlig del)',
  description: 'En arbetsorder per rad som MT utfört åt en kommun (MT, Bilaga 1, rörlig del).',
  columns,
  countyWide: false,
  state: false,
  read(row) {
    const date = row.date('date');
    const municipality = row.municipality('municipality');
    // Whole minutes only (decision 0180): MT bills actual time in I7 increments, not started hours.
    const minutes = row.count('minutes', 'arbetstiden i hela minuter, utan decimaler (t.ex. 45)');
    const travelOre = row.kronor('travel_cost', 'resekostnaden', { fallback: 0 });
    const consumablesOre = row.kronor('consumables', 'förbrukningsmaterialet', { fallback: 0 });
    const sparePartsOre = row.kronor('spare_parts', 'reservdelarna', { fallback: 0 });
    const reference = row.optionalText('reference');
    if (
      !row.ok ||
      date === undefined ||
      municipality === undefined ||
      minutes === undefined ||
      travelOre === undefined ||
      consumablesOre === undefined ||
      sparePartsOre === undefined
    )
      return undefined;
    return {
      period: date.slice(0, 7),
      sellerCode: 'region',
      buyerCode: municipality,
      municipalityCode: municipality,
      amountOre: null,
      data: { date, municipality, minutes, travelOre, consumablesOre, sparePartsOre, ...(reference === undefined ? {} : { reference }) },
    };
  },
});
