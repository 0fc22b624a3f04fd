/**
 * Flow 2 — vision and hearing ombud (SYNHOR.ekonomisk-ersattning): the region's syncentral or
 * hörselvård pays the municipality per started hour at the OPI-indexed rate, for listed tasks on
 * patients within the region's responsibility. Invoiced monthly, with SEPARATE bases for
 * syncentralen and hörcentralen.
 */
import { invalidInput } from '../errors.js';
import { ore, type Ore } from '../money.js';
import { refusePersonnummer } from '../personnummer.js';
import type { IndexSeries } from '../indexation/index-series.js';
import type { Trace } from '../trace.js';
import { billableMinutes, type AssignmentMinutes } from './assignment-minutes.js';
import type { EconomyData } from './economy-data.js';
import { priceStartedHours } from './hourly-pricing.js';
import type { InterpretationChoices } from './interpretation-choice.js';
import { groupIntoBases, regionParty, type InvoiceBasis, type InvoiceLine, type Period } from './invoice-line.js';
import { findMunicipality } from './municipality-lookup.js';
import { indexedParameter } from './parameter-use.js';
import { dateInPeriod, monthPeriod, periodYear } from './period.js';
import { TraceBuilder } from './trace-builder.js';

const CLAUSE = 'SYNHOR.ekonomisk-ersattning';

/** The region unit that pays; each gets its own invoice. */
export type OmbudService = 'syncentralen' | 'horcentralen';

/** Display names of the paying units. */
export const ombudServiceNames: Readonly<Record<OmbudService, string>> = { syncentralen: 'Syncentralen', horcentralen: 'Hörcentralen' };

/** One ombud assignment for a patient within the region's responsibility. */
export interface OmbudAssignment {
  readonly reference?: string;
  /** The system's own key of the record (e.g. its import row id): carried to the line to match it, never screened for personnummer (nobody wrote it). */
  readonly key?: string;
  readonly date: string;
  /** The municipality whose ombud did the work (code or name). */
  readonly municipality: string;
  readonly service: OmbudService;
  /** travelCombinable false = the task required a special trip that could not be combined. */
  readonly minutes: AssignmentMinutes;
}

/** The month's bases: one per municipality and paying unit. */
export interface OmbudInvoiceResult {
  readonly period: Period;
  readonly rateOre: Ore;
  readonly bases: readonly InvoiceBasis[];
  readonly trace: Trace;
}

/** Monthly invoice bases for syn- och hörselombud, separate for syncentralen and hörcentralen. */
export function ombudInvoiceBasis(
  data: EconomyData,
  req: {
    readonly month: string;
    readonly assignments: readonly OmbudAssignment[];
    readonly index: IndexSeries;
    readonly choices?: InterpretationChoices;
  },
): OmbudInvoiceResult {
  const period = monthPeriod(req.month);
  const trace = new TraceBuilder(data).rule('ekonomi.syn-horselombud').clause(CLAUSE);
  const rate = indexedParameter(
    data,
    'synhor.timpris',
    periodYear(period),
    req.index,
    trace,
    req.choices === undefined ? {} : { choices: req.choices },
  );
  const rateOre = ore(rate.value, 'synhor.timpris');
  const lines: InvoiceLine[] = req.assignments.map((a, i) => {
    const field = `uppdrag[${String(i)}]`;
    if (a.reference !== undefined) refusePersonnummer(a.reference, { field: `${field}.referens` });
    dateInPeriod(a.date, period, `${field}.datum`);
    if (!Object.hasOwn(ombudServiceNames, a.service)) {
      throw invalidInput(
        `${field}.enhet`,
        `${field}: enheten "${a.service}" ska vara syncentralen eller horcentralen (fakturering sker separat för dem).`,
        a.service,
      );
    }
    const m = findMunicipality(data.municipalities, a.municipality, { field: `${field}.kommun` });
    const { minutes, step } = billableMinutes(a.minutes, field, CLAUSE);
    const priced = priceStartedHours(minutes, rateOre, `${field}.minuter`);
    trace.step(step, {
      id: `${field}:belopp`,
      description: `Påbörjade timmar × timpris (${ombudServiceNames[a.service]})`,
      formula: 'ceil(minuter / 60) × timpris',
      inputs: { minuter: minutes, påbörjadeTimmar: priced.billedHours, timprisÖre: rateOre },
      result: priced.amountOre,
      unit: 'öre',
      clauses: [CLAUSE],
    });
    return {
      seller: { id: m.code, name: m.name, kind: 'kommun' },
      buyer: regionParty(data, a.service),
      period,
      date: a.date,
      ...(a.reference === undefined ? {} : { reference: a.reference }),
      ...(a.key === undefined ? {} : { key: a.key }),
      category: `synhor-${a.service}`,
      description: `Syn- och hörselombud, påbörjade timmar (${ombudServiceNames[a.service]})`,
      quantity: priced.billedHours,
      unit: 'started-hour',
      unitPriceOre: rateOre,
      baseQuantity: 1,
      amountOre: priced.amountOre,
      clause: CLAUSE,
    } satisfies InvoiceLine;
  });
  return { period, rateOre, bases: groupIntoBases('syn-horselombud', period, lines), trace: trace.build() };
}
