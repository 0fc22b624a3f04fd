/**
 * Flow 1 — daytime assignments between the parties (ORD.uppdrag-dagtid, ORD.arbete-pa-annans-uppdrag,
 * ORD.bakgrund; economy.md). For one month:
 * - 08:00–17:00: billed per started hour at the VPI-indexed rate; the lender invoices the hirer (I14);
 * - 17:00–08:00: municipal nurses in the region's primary care work without compensation: recorded
 *   at 0 for follow-up (any other evening/night direction is not covered and is refused);
 * - persons connected to Storsjögläntan: covered by tilläggsbelopp, recorded, not billed;
 * - persons not registered in the county: only the region can have hired for them (from a
 *   municipality); the municipality's line is the record's one line, and the region's claim on the
 *   home region is a separate report (volumes and amounts), never a second invoice line
 *   (daytime-direction.ts, docs/decisions/0070-daytime-assignment-direction.md).
 * An assignment is day or night by its start time (the clause gives the interval, not a split rule).
 */
import { invalidInput } from '../errors.js';
import { parseClockTime } from '../dates.js';
import { ore, sumOre, ZERO_ORE, type Ore } from '../money.js';
import { refusePersonnummer } from '../personnummer.js';
import type { IndexSeries } from '../indexation/index-series.js';
import type { Trace } from '../trace.js';
import { billableMinutes, type AssignmentMinutes } from './assignment-minutes.js';
import { daytimeDirection } from './daytime-direction.js';
import type { EconomyData } from './economy-data.js';
import { priceStartedHours } from './hourly-pricing.js';
import { chooseOption, type InterpretationChoices } from './interpretation-choice.js';
import { groupIntoBases, partyFor, type InvoiceBasis, type InvoiceLine, type Party, type Period } from './invoice-line.js';
import { findMunicipality } from './municipality-lookup.js';
import { firstDayOf, indexedParameter, integerParameterOn } from './parameter-use.js';
import { isoDateInPeriod, monthPeriod, periodYear } from './period.js';
import { TraceBuilder } from './trace-builder.js';

const CLAUSE_DAY = 'ORD.uppdrag-dagtid';
const CLAUSE_NIGHT = 'ORD.arbete-pa-annans-uppdrag';
const CLAUSE_HOME_REGION = 'ORD.bakgrund';
const CLAUSE_TILL = 'TILL.grundforutsattningar';

/** One assignment as recorded by the lender. */
export interface DaytimeAssignment {
  /** The lender's own reference (no personal identity). */
  readonly reference?: string;
  /** The system's own key of the record (e.g. its import row id): carried to the line to match it, never screened for personnummer (nobody wrote it). */
  readonly key?: string;
  /** ISO date. */
  readonly date: string;
  /** Start time HH:MM (local time). */
  readonly start: string;
  readonly minutes: AssignmentMinutes;
  /** `region` or a municipality (code or name). */
  readonly lender: string;
  /** `region` or a municipality (code or name). */
  readonly hirer: string;
  /** The person is connected to Storsjögläntan. */
  readonly storsjoglantan: boolean;
  /** Municipality of registration (I15), or null when the person is not registered in the county. */
  readonly registeredMunicipality: string | null;
  /** Home region of a person not registered in the county. */
  readonly homeRegion?: string;
}

/** Why an assignment was recorded but not billed. */
export type NotBilledReason = 'kvall-natt' | 'storsjoglantan';

/** An assignment recorded for follow-up at 0 kr. */
export interface RecordedAssignment {
  readonly reference?: string;
  readonly key?: string;
  readonly date: string;
  readonly start: string;
  readonly lender: Party;
  readonly hirer: Party;
  readonly minutes: number;
  readonly startedHours: number;
  readonly amountOre: Ore;
  readonly reason: NotBilledReason;
  readonly clause: string;
}

/** One assignment behind a home-region report. */
export interface HomeRegionItem {
  readonly reference?: string;
  readonly date: string;
  /** The municipality whose staff the region hired. */
  readonly lender: Party;
  readonly minutes: number;
  readonly startedHours: number;
  /** What the region paid under this agreement (0 for evening/night and Storsjögläntan). */
  readonly amountOre: Ore;
  readonly reason?: NotBilledReason;
}

/**
 * What the region may pass on to a home region for persons not registered in the county
 * (ORD.bakgrund): volumes and amounts as a report for the region's own invoicing, not an invoice
 * line here — the assignment's one line is the municipality's to the region.
 */
export interface HomeRegionReport {
  readonly homeRegion: Party;
  readonly period: Period;
  readonly assignments: number;
  readonly minutes: number;
  readonly startedHours: number;
  readonly amountOre: Ore;
  readonly items: readonly HomeRegionItem[];
  readonly clause: string;
}

/** The month's result. */
export interface DaytimeInvoiceResult {
  readonly period: Period;
  readonly rateOre: Ore;
  readonly bases: readonly InvoiceBasis[];
  readonly recorded: readonly RecordedAssignment[];
  readonly homeRegionReport: readonly HomeRegionReport[];
  readonly trace: Trace;
}

/** Input for one month. */
export interface DaytimeInvoiceRequest {
  /** `YYYY-MM`. */
  readonly month: string;
  readonly assignments: readonly DaytimeAssignment[];
  readonly index: IndexSeries;
  readonly choices?: InterpretationChoices;
}

interface Classified {
  readonly a: DaytimeAssignment;
  readonly field: string;
  readonly lender: Party;
  readonly hirer: Party;
  readonly minutes: number;
  readonly startMinute: number;
}

/**
 * The parties of one month's records by the text written for them: `partyFor` depends on the text
 * alone, so each distinct text is looked up once per month (a month has a handful, written 100 000
 * times). Only found parties are kept; an unknown text is looked up again at each record and
 * refused there, naming that record's field.
 */
class PartyCache {
  private readonly found = new Map<string, Party>();
  private readonly registered = new Set<string>();
  constructor(private readonly data: EconomyData) {}

  party(text: string, field: string): Party {
    const known = this.found.get(text);
    if (known !== undefined) return known;
    const p = partyFor(this.data, text, field);
    this.found.set(text, p);
    return p;
  }

  /** Require `text` to name one of the agreement's municipalities (I15). */
  municipality(text: string, field: string): void {
    if (this.registered.has(text)) return;
    findMunicipality(this.data.municipalities, text, { field });
    this.registered.add(text);
  }
}

function classify(parties: PartyCache, a: DaytimeAssignment, i: number, period: Period, trace: TraceBuilder): Classified {
  const field = `uppdrag[${String(i)}]`;
  if (a.reference !== undefined) refusePersonnummer(a.reference, { field: `${field}.referens` });
  isoDateInPeriod(a.date, period, `${field}.datum`);
  const startMinute = parseClockTime(a.start, `${field}.starttid`);
  const lender = parties.party(a.lender, `${field}.uthyrare`);
  const hirer = parties.party(a.hirer, `${field}.inhyrare`);
  // One pair per record: region and municipality hire from each other (I14); a person not registered in the county only through the region (ORD.bakgrund).
  const side = (p: Party) => (p.kind === 'region' ? 'region' : 'kommun');
  const direction = daytimeDirection({
    lender: side(lender),
    hirer: side(hirer),
    notRegisteredInCounty: a.registeredMunicipality === null,
  });
  if (!direction.ok) {
    const at = direction.columns.includes('homeRegion') ? 'hemregion' : 'inhyrare';
    throw invalidInput(`${field}.${at}`, `${field}: ${lender.name} → ${hirer.name}: ${direction.reason}`);
  }
  const { minutes, step } = billableMinutes(a.minutes, field, CLAUSE_DAY);
  trace.step(step);
  return { a, field, lender, hirer, minutes, startMinute };
}

/** The invoice bases for one month of daytime assignments, per seller–buyer pair (ORD.uppdrag-dagtid). */
export function daytimeInvoiceBasis(data: EconomyData, req: DaytimeInvoiceRequest): DaytimeInvoiceResult {
  const period = monthPeriod(req.month);
  const trace = new TraceBuilder(data).rule('ekonomi.uppdrag-dagtid').clause(CLAUSE_DAY);
  trace.interpretation(chooseOption(data, 'I14', req.choices).use);
  const rate = indexedParameter(
    data,
    'dagtid.timpris',
    periodYear(period),
    req.index,
    trace,
    req.choices === undefined ? {} : { choices: req.choices },
  );
  const rateOre = ore(rate.value, 'dagtid.timpris');
  const dayStart = Number(integerParameterOn(data, 'dagtid.dagtid-borjar', firstDayOf(periodYear(period)), trace));
  const dayEnd = Number(integerParameterOn(data, 'dagtid.dagtid-slutar', firstDayOf(periodYear(period)), trace));

  const lines: InvoiceLine[] = [];
  const recorded: RecordedAssignment[] = [];
  const homeItems = new Map<string, { party: Party; items: HomeRegionItem[]; minutes: number; hours: number }>();
  const anyRegistration = req.assignments.some((a) => a.registeredMunicipality !== null);
  if (anyRegistration) trace.interpretation(chooseOption(data, 'I15', req.choices).use);

  const parties = new PartyCache(data);
  req.assignments.forEach((a, i) => {
    const c = classify(parties, a, i, period, trace);
    const priced = priceStartedHours(c.minutes, rateOre, `${c.field}.minuter`);
    const isDay = c.startMinute >= dayStart && c.startMinute < dayEnd;
    let reason: NotBilledReason | undefined;
    if (a.storsjoglantan) reason = 'storsjoglantan';
    else if (!isDay) {
      if (c.lender.kind !== 'kommun' || c.hirer.kind !== 'region') {
        throw invalidInput(
          `${c.field}.starttid`,
          `${c.field}: uppdrag kl. ${a.start} ligger kvällar/nätter (17.00–08.00); avtalet reglerar då bara kommunens sjuksköterskor i regionens primärvård, utan ersättning.`,
          a.start,
        );
      }
      reason = 'kvall-natt';
    }
    const amountOre = reason === undefined ? priced.amountOre : ZERO_ORE;
    trace.step({
      id: `${c.field}:belopp`,
      description:
        reason === 'storsjoglantan'
          ? 'Person ansluten till Storsjögläntan: registreras, faktureras inte (ingår i tilläggsbeloppet)'
          : reason === 'kvall-natt'
            ? 'Kväll/natt i regionens primärvård: registreras utan ersättning'
            : 'Påbörjade timmar × timpris',
      formula: reason === undefined ? 'ceil(minuter / 60) × timpris' : '0',
      inputs: { minuter: c.minutes, påbörjadeTimmar: priced.billedHours, timprisÖre: rateOre },
      result: amountOre,
      unit: 'öre',
      clauses: [reason === 'storsjoglantan' ? CLAUSE_TILL : reason === 'kvall-natt' ? CLAUSE_NIGHT : CLAUSE_DAY],
    });
    const common = {
      date: a.date,
      ...(a.reference === undefined ? {} : { reference: a.reference }),
      ...(a.key === undefined ? {} : { key: a.key }),
    };
    if (reason === undefined) {
      lines.push({
        seller: c.lender,
        buyer: c.hirer,
        period,
        ...common,
        category: 'uppdrag-dagtid',
        description: 'Uppdrag dagtid, påbörjade timmar',
        quantity: priced.billedHours,
        unit: 'started-hour',
        unitPriceOre: rateOre,
        baseQuantity: 1,
        amountOre,
        clause: CLAUSE_DAY,
      });
    } else {
      recorded.push({
        ...common,
        start: a.start,
        lender: c.lender,
        hirer: c.hirer,
        minutes: c.minutes,
        startedHours: priced.billedHours,
        amountOre,
        reason,
        clause: reason === 'storsjoglantan' ? CLAUSE_TILL : CLAUSE_NIGHT,
      });
    }
    if (a.registeredMunicipality === null) {
      const name = (a.homeRegion ?? '').trim();
      if (name === '') throw invalidInput(`${c.field}.hemregion`, `${c.field}: personen är inte folkbokförd i länet; ange hemregionen.`);
      refusePersonnummer(name, { field: `${c.field}.hemregion` });
      const party: Party = { id: `hemregion:${name}`, name, kind: 'hemregion' };
      const entry = homeItems.get(party.id) ?? { party, items: [], minutes: 0, hours: 0 };
      entry.items.push({
        ...common,
        lender: c.lender,
        minutes: c.minutes,
        startedHours: priced.billedHours,
        amountOre,
        ...(reason === undefined ? {} : { reason }),
      });
      entry.minutes += c.minutes;
      entry.hours += priced.billedHours;
      homeItems.set(party.id, entry);
      trace.clause(CLAUSE_HOME_REGION);
    } else {
      parties.municipality(a.registeredMunicipality, `${c.field}.folkbokforingskommun`);
    }
  });

  const homeRegionReport: HomeRegionReport[] = [...homeItems.values()].map((e) => ({
    homeRegion: e.party,
    period,
    assignments: e.items.length,
    minutes: e.minutes,
    startedHours: e.hours,
    amountOre: sumOre(e.items.map((l) => l.amountOre)),
    items: e.items,
    clause: CLAUSE_HOME_REGION,
  }));
  return { period, rateOre, bases: groupIntoBases('uppdrag-dagtid', period, lines), recorded, homeRegionReport, trace: trace.build() };
}
