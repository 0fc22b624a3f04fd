/**
 * Flow 3, fixed part — medical-technical support (MT.bilaga-1-fast-del): invoiced by the region
 * half-yearly in advance. Yearly need = grundtid (40 h) + 12 min × the municipally owned devices
 * registered at MT, priced at the MT hourly rate for the year; a half-year invoice is half of that,
 * split among the municipalities by their share of the devices with the largest-remainder method.
 * The device counts are those on the snapshot date of interpretation I8 (default: the last day of
 * the previous half-year).
 */
import { formatRational, rational } from '../decimal.js';
import { invalidInput, SamverkanError } from '../errors.js';
import { allocateLargestRemainder } from '../allocation.js';
import { parseDate } from '../dates.js';
import { ore, type Ore } from '../money.js';
import { divRound } from '../rounding.js';
import type { IndexSeries } from '../indexation/index-series.js';
import type { Trace } from '../trace.js';
import type { EconomyData } from './economy-data.js';
import { chooseOption, type InterpretationChoices } from './interpretation-choice.js';
import { groupIntoBases, regionParty, type InvoiceBasis, type InvoiceLine, type Period } from './invoice-line.js';
import { findMunicipality } from './municipality-lookup.js';
import { indexedParameter, integerParameterOn } from './parameter-use.js';
import { halfYearPeriod } from './period.js';
import { TraceBuilder } from './trace-builder.js';

const CLAUSE = 'MT.bilaga-1-fast-del';

/** Device count of one municipality, as read (name or code), with where it was read. */
export interface DeviceCount {
  readonly municipality: string;
  readonly devices: number;
  readonly file?: string;
  readonly line?: number;
}

/** A device inventory from MT's inventory system. */
export interface MtInventory {
  /** Date the counts were taken, when known; it must match the I8 snapshot date. */
  readonly snapshotDate?: string;
  readonly counts: readonly DeviceCount[];
}

/** Input for one half-year invoice. */
export interface MtFixedRequest {
  readonly year: number;
  readonly half: 1 | 2;
  readonly inventory: MtInventory;
  readonly index: IndexSeries;
  readonly choices?: InterpretationChoices;
  /** The snapshot date when I8 is `chosen-date`. */
  readonly chosenSnapshotDate?: string;
}

/** One municipality's part of the half-year invoice. */
export interface MtFixedAllocation {
  readonly code: string;
  readonly name: string;
  readonly devices: number;
  /** Exact share devices / total as a decimal string (display). */
  readonly share: string;
  readonly amountOre: Ore;
}

/** The half-year invoice and its split. */
export interface MtFixedResult {
  readonly year: number;
  readonly half: 1 | 2;
  readonly period: Period;
  readonly snapshotDate: string;
  readonly totalDevices: number;
  readonly yearlyMinutes: number;
  readonly rateOre: Ore;
  readonly yearlyOre: Ore;
  readonly halfOre: Ore;
  readonly allocations: readonly MtFixedAllocation[];
  readonly bases: readonly InvoiceBasis[];
  readonly trace: Trace;
}

/** The snapshot date of the counts for a half-year invoice (I8). */
export function mtSnapshotDate(
  data: EconomyData,
  year: number,
  half: 1 | 2,
  choices?: InterpretationChoices,
  chosenDate?: string,
): { date: string; option: string } {
  const i8 = chooseOption(data, 'I8', choices);
  if (i8.option === 'previous-half-year-end')
    return { date: half === 1 ? `${String(year - 1)}-12-31` : `${String(year)}-06-30`, option: i8.option };
  if (chosenDate === undefined) {
    throw invalidInput('inventeringsdatum', `Tolkning I8 är "${i8.option}": ange inventeringsdatumet som fördelningen ska bygga på.`);
  }
  return { date: parseDate(chosenDate, 'inventeringsdatum').toString(), option: i8.option };
}

function countsByMunicipality(data: EconomyData, inv: MtInventory): Map<string, number> {
  const byCode = new Map<string, number>();
  for (const c of inv.counts) {
    const place = { ...(c.file === undefined ? {} : { file: c.file }), ...(c.line === undefined ? {} : { line: c.line }), field: 'kommun' };
    const m = findMunicipality(data.municipalities, c.municipality, place);
    const where = `${c.file ?? 'inventering'}${c.line === undefined ? '' : ` rad ${String(c.line)}`}`;
    if (!Number.isSafeInteger(c.devices) || c.devices < 0) {
      throw new SamverkanError(
        'SAMV_ERR_INVALID_INPUT',
        `${where}: antalet inventarier för ${m.name} ska vara ett heltal ≥ 0 (${String(c.devices)}).`,
        { ...place, field: 'antal', value: c.devices },
      );
    }
    if (byCode.has(m.code))
      throw new SamverkanError('SAMV_ERR_INVALID_INPUT', `${where}: ${m.name} förekommer mer än en gång i inventeringen.`, {
        ...place,
        value: c.municipality,
      });
    byCode.set(m.code, c.devices);
  }
  const missing = data.municipalities.filter((m) => !byCode.has(m.code));
  if (missing.length > 0) {
    throw invalidInput(
      'kommun',
      `Inventeringen saknar ${missing.map((m) => m.name).join(', ')}; ange antal (0 om kommunen inte har några registrerade inventarier).`,
    );
  }
  return byCode;
}

/** The half-year fixed-part invoice of MT and its split by device share (MT.bilaga-1-fast-del). */
export function mtFixedInvoice(data: EconomyData, req: MtFixedRequest): MtFixedResult {
  const trace = new TraceBuilder(data).rule('ekonomi.mt-fast-del').clause(CLAUSE, 'MT.ekonomisk-ersattning');
  const period = halfYearPeriod(req.year, req.half);
  const snap = mtSnapshotDate(data, req.year, req.half, req.choices, req.chosenSnapshotDate);
  trace.interpretation({ id: 'I8', option: snap.option });
  if (req.inventory.snapshotDate !== undefined && parseDate(req.inventory.snapshotDate, 'inventeringsdatum').toString() !== snap.date) {
    throw invalidInput(
      'inventeringsdatum',
      `Inventeringen avser ${req.inventory.snapshotDate}, men fakturan för halvår ${String(req.half)} ${String(req.year)} ska enligt tolkning I8 (${snap.option}) bygga på antalet ${snap.date}.`,
      req.inventory.snapshotDate,
    );
  }
  const counts = countsByMunicipality(data, req.inventory);
  const totalDevices = [...counts.values()].reduce((a, b) => a + b, 0);
  if (totalDevices === 0)
    throw invalidInput('antal', 'Inventeringen har inga registrerade inventarier; den fasta delen kan inte fördelas.');

  const onDate = parseDate(period.from, 'period');
  const grundtid = integerParameterOn(data, 'mt.fast.grundtid', onDate, trace);
  const perDevice = integerParameterOn(data, 'mt.fast.tid-per-inventarie', onDate, trace);
  const rate = indexedParameter(data, 'mt.timpris', req.year, req.index, trace, req.choices === undefined ? {} : { choices: req.choices });
  const rateOre = ore(rate.value, 'mt.timpris');
  const minutes = grundtid + perDevice * BigInt(totalDevices);
  const yearlyOre = ore(divRound(minutes * rate.value, 60n, 'half-up'), 'årskostnad');
  // Half of the exact yearly cost, rounded once, so the half-year is not rounded twice.
  const halfOre = ore(divRound(minutes * rate.value, 120n, 'half-up'), 'halvårskostnad');
  trace.step(
    {
      id: 'antal-inventarier',
      description: `Registrerade kommunägda inventarier ${snap.date}`,
      inputs: Object.fromEntries(data.municipalities.map((m) => [m.name, counts.get(m.code) ?? 0])),
      result: totalDevices,
      unit: 'inventarier',
      clauses: [CLAUSE],
    },
    {
      id: 'resursbehov',
      description: 'Resursbehov per år: grundtid + tid per inventarie × antal',
      formula: 'grundtid + tid per inventarie × antal',
      inputs: { grundtidMinuter: Number(grundtid), tidPerInventarieMinuter: Number(perDevice), antal: totalDevices },
      result: Number(minutes),
      unit: 'minuter',
      clauses: [CLAUSE],
    },
    {
      id: 'arskostnad',
      description: 'Fast kostnad per år: resursbehov i timmar × MT:s timersättning',
      formula: 'minuter / 60 × timpris',
      inputs: { minuter: Number(minutes), timmar: formatRational(rational(minutes, 60n), 4), timprisÖre: rateOre },
      result: yearlyOre,
      unit: 'öre',
      clauses: [CLAUSE, 'MT.bilaga-1-rorlig-del'],
      rounding: 'avrundat till närmaste öre, hälften uppåt',
    },
    {
      id: 'halvarskostnad',
      description: `Halvårsfaktura i förskott, halvår ${String(req.half)} ${String(req.year)}`,
      formula: 'minuter / 60 × timpris / 2',
      inputs: { minuter: Number(minutes), timprisÖre: rateOre },
      result: halfOre,
      unit: 'öre',
      clauses: [CLAUSE],
      rounding: 'avrundat till närmaste öre, hälften uppåt',
    },
  );
  const parts = allocateLargestRemainder(
    halfOre,
    data.municipalities.map((m) => ({ key: m.code, label: m.name, weight: rational(BigInt(counts.get(m.code) ?? 0)) })),
  );
  const allocations: MtFixedAllocation[] = parts.map((p) => ({
    code: p.key,
    name: p.label,
    devices: counts.get(p.key) ?? 0,
    share: formatRational(p.share, 6),
    amountOre: p.amountOre,
  }));
  for (const a of allocations) {
    trace.step({
      id: `fordelning:${a.code}`,
      description: `${a.name}: andel av inventarierna × halvårsfakturan (största rest)`,
      formula: 'halvårskostnad × egna / totala',
      inputs: { egna: a.devices, totala: totalDevices, halvårskostnadÖre: halfOre },
      result: a.amountOre,
      unit: 'öre',
      clauses: [CLAUSE],
      rounding: 'största rest, summan = halvårskostnaden',
    });
  }
  const lines: InvoiceLine[] = allocations.map((a) => ({
    seller: regionParty(data, 'MT'),
    buyer: { id: a.code, name: a.name, kind: 'kommun' },
    period,
    category: 'mt-fast-del',
    description: 'MT fast del, halvårsvis i förskott (andel av registrerade inventarier)',
    quantity: 1,
    unit: 'lump-sum',
    unitPriceOre: a.amountOre,
    baseQuantity: 1,
    amountOre: a.amountOre,
    clause: CLAUSE,
  }));
  return {
    year: req.year,
    half: req.half,
    period,
    snapshotDate: snap.date,
    totalDevices,
    yearlyMinutes: Number(minutes),
    rateOre,
    yearlyOre,
    halfOre,
    allocations,
    bases: groupIntoBases('mt-fast-del', period, lines),
    trace: trace.build(),
  };
}
