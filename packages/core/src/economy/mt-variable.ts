/**
 * Flow 3, variable part — medical-technical support (MT.bilaga-1-rorlig-del): invoiced by the
 * region monthly to the municipality that ordered the work: hours × the MT hourly rate, plus
 * travel costs for visits to care units, plus consumables and spare parts used. The clause says
 * "timersättning", not "påbörjad timme": actual minutes are priced pro rata, rounded up to the I7
 * increment (default 1 minute; quarter-hour option 15 minutes) and half-up to whole öre per order.
 */
import { ore, ZERO_ORE, type Ore } from '../money.js';
import { invalidInput } from '../errors.js';
import { refusePersonnummer } from '../personnummer.js';
import type { IndexSeries } from '../indexation/index-series.js';
import type { Trace } from '../trace.js';
import type { EconomyData } from './economy-data.js';
import { priceProRata } from './hourly-pricing.js';
import { chooseOption, optionInteger, type InterpretationChoices } from './interpretation-choice.js';
import { groupIntoBases, regionParty, type InvoiceBasis, type InvoiceLine, type Period } from './invoice-line.js';
import { findMunicipality } from './municipality-lookup.js';
import { indexedParameter } from './parameter-use.js';
import { dateInPeriod, monthPeriod, periodYear } from './period.js';
import { TraceBuilder } from './trace-builder.js';

const CLAUSE = 'MT.bilaga-1-rorlig-del';

/** One work order MT did for a municipality. */
export interface MtWorkOrder {
  readonly reference?: string;
  /** The system's own key of the record (e.g. its import row id): carried to the line to match it, never screened for personnummer (nobody wrote it). */
  readonly key?: string;
  readonly date: string;
  /** The ordering municipality (code or name). */
  readonly municipality: string;
  /** Actual minutes of work. */
  readonly minutes: number;
  /** Travel costs for visits to care units, öre. */
  readonly travelOre?: number;
  /** Consumables used, öre. */
  readonly consumablesOre?: number;
  /** Spare parts used, öre. */
  readonly sparePartsOre?: number;
}

/** The month's bases: one per ordering municipality. */
export interface MtVariableResult {
  readonly period: Period;
  readonly rateOre: Ore;
  readonly incrementMinutes: number;
  readonly bases: readonly InvoiceBasis[];
  readonly trace: Trace;
}

function costOre(v: number | undefined, field: string): Ore {
  if (v === undefined) return ZERO_ORE;
  const o = ore(v, field);
  if (o < 0) throw invalidInput(field, `${field}: beloppet får inte vara negativt (${String(v)} öre).`, v);
  return o;
}

/** Monthly invoice bases for MT's variable part, per ordering municipality (MT.bilaga-1-rorlig-del). */
export function mtVariableInvoiceBasis(
  data: EconomyData,
  req: {
    readonly month: string;
    readonly orders: readonly MtWorkOrder[];
    readonly index: IndexSeries;
    readonly choices?: InterpretationChoices;
  },
): MtVariableResult {
  const period = monthPeriod(req.month);
  const trace = new TraceBuilder(data).rule('ekonomi.mt-rorlig-del').clause(CLAUSE);
  const i7 = chooseOption(data, 'I7', req.choices);
  trace.interpretation(i7.use);
  const increment = optionInteger(i7, 'incrementMinutes');
  const rate = indexedParameter(
    data,
    'mt.timpris',
    periodYear(period),
    req.index,
    trace,
    req.choices === undefined ? {} : { choices: req.choices },
  );
  const rateOre = ore(rate.value, 'mt.timpris');
  const seller = regionParty(data, 'MT');
  const lines: InvoiceLine[] = [];
  req.orders.forEach((o, i) => {
    const field = `uppdrag[${String(i)}]`;
    if (o.reference !== undefined) refusePersonnummer(o.reference, { field: `${field}.referens` });
    dateInPeriod(o.date, period, `${field}.datum`);
    const m = findMunicipality(data.municipalities, o.municipality, { field: `${field}.kommun` });
    const buyer = { id: m.code, name: m.name, kind: 'kommun' as const };
    const priced = priceProRata(o.minutes, rateOre, increment, `${field}.minuter`);
    trace.step({
      id: `${field}:arbete`,
      description: `Arbetstid × timersättning (avrundat uppåt till ${String(increment)} min enligt tolkning I7)`,
      formula: 'ceil(minuter / steg) × steg / 60 × timpris',
      inputs: { minuter: o.minutes, stegMinuter: increment, debiteradeMinuter: priced.billedMinutes, timprisÖre: rateOre },
      result: priced.amountOre,
      unit: 'öre',
      clauses: [CLAUSE],
      rounding: 'avrundat till närmaste öre, hälften uppåt',
    });
    const common = {
      seller,
      buyer,
      period,
      date: o.date,
      clause: CLAUSE,
      ...(o.reference === undefined ? {} : { reference: o.reference }),
      ...(o.key === undefined ? {} : { key: o.key }),
    };
    lines.push({
      ...common,
      category: 'mt-rorlig-arbete',
      description: 'MT arbete enligt timersättning',
      quantity: priced.billedMinutes,
      unit: 'minute',
      unitPriceOre: rateOre,
      baseQuantity: 60,
      amountOre: priced.amountOre,
    });
    const extras: [string, string, Ore][] = [
      ['mt-rorlig-resa', 'Reskostnad vid besök på vårdenhet', costOre(o.travelOre, `${field}.resekostnad`)],
      ['mt-rorlig-forbrukningsmaterial', 'Förbrukningsmaterial', costOre(o.consumablesOre, `${field}.forbrukningsmaterial`)],
      ['mt-rorlig-reservdelar', 'Reservdelar', costOre(o.sparePartsOre, `${field}.reservdelar`)],
    ];
    for (const [category, description, amount] of extras) {
      if (amount === 0) continue;
      lines.push({
        ...common,
        category,
        description,
        quantity: 1,
        unit: 'lump-sum',
        unitPriceOre: amount,
        baseQuantity: 1,
        amountOre: amount,
      });
    }
  });
  return { period, rateOre, incrementMinutes: increment, bases: groupIntoBases('mt-rorlig-del', period, lines), trace: trace.build() };
}
