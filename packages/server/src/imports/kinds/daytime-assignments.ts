/**
 * `daytime-assignments` — Uppdrag dagtid (ORD.uppdrag-dagtid): one row per assignment, recorded
 * by the lender. The lender invoices the hirer (I14); the region and a municipality hire from each
 * other. Evening/night assignments (17:00–08:00) are recorded only for municipal nurses in the
 * region's primary care; persons connected to Storsjögläntan are recorded, not billed; a person
 * not registered in the county names their home region instead of a municipality of registration.
 * Each row must map to exactly one seller → buyer pair (core's `daytimeDirection`, decision 0070):
 * a row with none or two is refused, and with it the whole file.
 */
import {
  daytimeDirection,
  parseClockTime,
  parseDate,
  parameterValueOn,
  integerValue,
  requireParameter,
  type Agreement,
} from '@samverkan/core';
import type { ColumnSpec } from '../columns.js';
import { formats } from '../column-formats.js';
import { minuteColumns, readMinutes } from './assignment-columns.js';
import { recordKind } from './record-kind.js';

const columns: readonly ColumnSpec[] = [
  { key: 'date', sv: 'datum', required: true, description: 'uppdragets datum, ÅÅÅÅ-MM-DD', format: formats.date },
  {
    key: 'start',
    sv: 'starttid',
    aliases: ['start_time', 'klockslag'],
    required: true,
    description: 'starttid TT:MM (avgör dagtid 08–17 eller kväll/natt)',
    format: formats.clock,
  },
  {
    key: 'lender',
    sv: 'utförare',
    aliases: ['utforare', 'uthyrare', 'säljare', 'saljare', 'seller'],
    required: true,
    description: 'den som lånar ut personal och fakturerar: region eller en kommun',
    format: formats.party,
    party: true,
  },
  {
    key: 'hirer',
    sv: 'beställare',
    aliases: ['bestallare', 'inhyrare', 'köpare', 'kopare', 'buyer'],
    required: true,
    description: 'den som hyr in och betalar: region eller en kommun',
    format: { ...formats.party, example: 'region' },
    party: true,
  },
  ...minuteColumns,
  {
    key: 'storsjoglantan',
    sv: 'storsjögläntan',
    aliases: ['storsjoglantan', 'ansluten_storsjoglantan'],
    required: false,
    description: 'ja om personen är ansluten till Storsjögläntan (registreras, faktureras inte); tomt = nej',
    format: formats.yesNo,
  },
  {
    key: 'registered_municipality',
    sv: 'folkbokföringskommun',
    aliases: ['folkbokforingskommun', 'folkbokford_i'],
    required: false,
    description: 'personens folkbokföringskommun (tomt = kommunen som är part)',
    format: { ...formats.municipality, forms: `${formats.municipality.forms}; tomt = kommunen som är part` },
  },
  {
    key: 'home_region',
    sv: 'hemregion',
    aliases: ['home_region'],
    required: false,
    description: 'hemregion för person som inte är folkbokförd i länet (då lämnas folkbokföringskommun tom)',
    format: { unit: 'region', forms: 'regionens namn, t.ex. Region Västernorrland; tomt = folkbokförd i länet', example: '' },
  },
  {
    key: 'reference',
    sv: 'referens',
    aliases: ['ref', 'uppdragsnummer'],
    required: false,
    description: 'egen referens, utan personuppgifter',
    format: { ...formats.text, example: 'U-1001' },
  },
];

/** The import column of each column the direction rule names. */
const columnKey = { lender: 'lender', hirer: 'hirer', homeRegion: 'home_region' } as const;

/** The daytime interval (minutes after midnight) per agreement and date: a file has few dates, so each is looked up once. */
const intervals = new WeakMap<Agreement, Map<string, readonly [number, number]>>();

function dayInterval(agreement: Agreement, date: string): readonly [number, number] {
  let byDate = intervals.get(agreement);
  if (byDate === undefined) {
    byDate = new Map();
    intervals.set(agreement, byDate);
  }
  const known = byDate.get(date);
  if (known !== undefined) return known;
  const on = parseDate(date, 'datum');
  const value = (id: string) =>
    Number(integerValue(requireParameter(agreement, id), parameterValueOn(requireParameter(agreement, id), on)));
  const interval = [value('dagtid.dagtid-borjar'), value('dagtid.dagtid-slutar')] as const;
  byDate.set(date, interval);
  return interval;
}

/** Daytime assignments. */
export const daytimeAssignmentsKind = recordKind({
  kind: 'daytime-assignments',
  title: 'Uppdrag dagtid',
  description: 'Ett uppdrag per rad där regionen och en kommun hyr personal av varandra (ORD, Uppdrag dagtid).',
  columns,
  countyWide: false,
  state: false,
  read(row, ctx) {
    const date = row.date('date');
    const start = row.time('start');
    const lender = row.party('lender');
    const hirer = row.party('hirer');
    const minutes = readMinutes(row);
    const storsjoglantan = row.yesNo('storsjoglantan');
    const registered = row.raw('registered_municipality') === '' ? undefined : row.municipality('registered_municipality');
    const homeRegion = row.optionalText('home_region');
    const reference = row.optionalText('reference');
    if (homeRegion !== undefined && row.raw('registered_municipality') !== '') {
      row.fail(
        'home_region',
        'ange antingen folkbokföringskommun (folkbokförd i länet) eller hemregion (folkbokförd i annan region), inte båda.',
        homeRegion,
      );
    } else if (lender !== undefined && hirer !== undefined) {
      const side = (p: string) => (p === 'region' ? 'region' : 'kommun');
      const direction = daytimeDirection({ lender: side(lender), hirer: side(hirer), notRegisteredInCounty: homeRegion !== undefined });
      if (!direction.ok) {
        const named = direction.columns.map((c) => `"${row.field(columnKey[c])}" = "${row.raw(columnKey[c])}"`).join(', ');
        row.fail(
          direction.columns.includes('homeRegion') ? 'home_region' : 'hirer',
          `${named}: ${direction.reason}`,
          row.raw(direction.columns.includes('homeRegion') ? 'home_region' : 'hirer'),
        );
      }
    }
    if (date !== undefined && start !== undefined && lender !== undefined && hirer !== undefined && storsjoglantan === false) {
      // ORD.arbete-pa-annans-uppdrag: evenings and nights are regulated only for municipal nurses in the region's primary care.
      const [dayStart, dayEnd] = dayInterval(ctx.agreement, date);
      const at = parseClockTime(start, 'starttid');
      const isDay = at >= dayStart && at < dayEnd;
      if (!isDay && !(lender !== 'region' && hirer === 'region')) {
        row.fail(
          'start',
          `uppdrag kl. ${start} ligger kvällar/nätter (17.00–08.00); avtalet reglerar då bara kommunens sjuksköterskor i regionens primärvård (utförare kommun, beställare region).`,
          start,
        );
      }
    }
    if (
      !row.ok ||
      date === undefined ||
      start === undefined ||
      lender === undefined ||
      hirer === undefined ||
      minutes === undefined ||
      storsjoglantan === undefined
    )
      return undefined;
    const municipal = lender === 'region' ? hirer : lender;
    return {
      period: date.slice(0, 7),
      sellerCode: lender,
      buyerCode: hirer,
      municipalityCode: municipal,
      amountOre: null,
      data: {
        date,
        start,
        lender,
        hirer,
        minutes,
        storsjoglantan,
        registeredMunicipality: homeRegion === undefined ? (registered ?? municipal) : null,
        ...(homeRegion === undefined ? {} : { homeRegion }),
        ...(reference === undefined ? {} : { reference }),
      },
    };
  },
});
