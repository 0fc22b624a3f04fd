/**
 * `daytime-assignments` — Uppdrag dagtid (ORD.uppdrag-dagtid): one row per assignment, recorded
 * by the lender. The lender invoices the hirer (I14); the region and a municipality hire from each
 * other. Evening/night assignments (17:00–08:00) are recorded only for municipal nurses in the
 * region's primary care; persons connected to Storsjögläntan are recorded, not billed; a person
 * not registered in the county names their home region instead of a municipality of registration.
 */
import { parseClockTime, parseDate, parameterValueOn, integerValue, requireParameter } from '@samverkan/core';
import type { ColumnSpec } from '../columns.js';
import { minuteColumns, readMinutes } from './assignment-columns.js';
import { recordKind } from './record-kind.js';

const columns: readonly ColumnSpec[] = [
  { key: 'date', sv: 'datum', required: true, description: 'uppdragets datum, ÅÅÅÅ-MM-DD' },
  { key: 'start', sv: 'starttid', aliases: ['start_time', 'klockslag'], required: true, description: 'starttid TT:MM (avgör dagtid 08–17 eller kväll/natt)' },
  { key: 'lender', sv: 'utförare', aliases: ['utforare', 'uthyrare', 'säljare', 'saljare', 'seller'], required: true, description: 'den som lånar ut personal och fakturerar: region eller en kommun' },
  { key: 'hirer', sv: 'beställare', aliases: ['bestallare', 'inhyrare', 'köpare', 'kopare', 'buyer'], required: true, description: 'den som hyr in och betalar: region eller en kommun' },
  ...minuteColumns,
  { key: 'storsjoglantan', sv: 'storsjögläntan', aliases: ['storsjoglantan', 'ansluten_storsjoglantan'], required: false, description: 'ja om personen är ansluten till Storsjögläntan (registreras, faktureras inte); tomt = nej' },
  { key: 'registered_municipality', sv: 'folkbokföringskommun', aliases: ['folkbokforingskommun', 'folkbokford_i'], required: false, description: 'personens folkbokföringskommun (tomt = kommunen som är part)' },
  { key: 'home_region', sv: 'hemregion', aliases: ['home_region'], required: false, description: 'hemregion för person som inte är folkbokförd i länet (då lämnas folkbokföringskommun tom)' },
  { key: 'reference', sv: 'referens', aliases: ['ref', 'uppdragsnummer'], required: false, description: 'egen referens, utan personuppgifter' },
];

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
    if (lender !== undefined && hirer !== undefined && (lender === 'region') === (hirer === 'region')) {
      row.fail('hirer', 'uppdrag dagtid gäller regionen och en kommun som hyr av varandra: en av utförare och beställare ska vara region, den andra en kommun.', row.raw('hirer'));
    }
    if (homeRegion !== undefined && row.raw('registered_municipality') !== '') {
      row.fail('home_region', 'ange antingen folkbokföringskommun (folkbokförd i länet) eller hemregion (folkbokförd i annan region), inte båda.', homeRegion);
    }
    if (date !== undefined && start !== undefined && lender !== undefined && hirer !== undefined && storsjoglantan === false) {
      // ORD.arbete-pa-annans-uppdrag: evenings and nights are regulated only for municipal nurses in the region's primary care.
      const on = parseDate(date, 'datum');
      const dayStart = Number(integerValue(requireParameter(ctx.agreement, 'dagtid.dagtid-borjar'), parameterValueOn(requireParameter(ctx.agreement, 'dagtid.dagtid-borjar'), on)));
      const dayEnd = Number(integerValue(requireParameter(ctx.agreement, 'dagtid.dagtid-slutar'), parameterValueOn(requireParameter(ctx.agreement, 'dagtid.dagtid-slutar'), on)));
      const at = parseClockTime(start, 'starttid');
      const isDay = at >= dayStart && at < dayEnd;
      if (!isDay && !(lender !== 'region' && hirer === 'region')) {
        row.fail('start', `uppdrag kl. ${start} ligger kvällar/nätter (17.00–08.00); avtalet reglerar då bara kommunens sjuksköterskor i regionens primärvård (utförare kommun, beställare region).`, start);
      }
    }
    if (!row.ok || date === undefined || start === undefined || lender === undefined || hirer === undefined || minutes === undefined || storsjoglantan === undefined) return undefined;
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
