/**
 * A price for one piece of work in one flow and year — what `samverkan price` answers:
 * daytime assignments and syn/hörsel ombud per started hour (ORD.uppdrag-dagtid,
 * SYNHOR.ekonomisk-ersattning), MT pro rata by the I7 increment (MT.bilaga-1-rorlig-del), each at
 * its indexed rate for the year.
 */
import { ore, type Ore } from '../money.js';
import type { IndexSeries } from '../indexation/index-series.js';
import type { Trace } from '../trace.js';
import type { EconomyData } from './economy-data.js';
import { priceProRata, priceStartedHours } from './hourly-pricing.js';
import { chooseOption, optionInteger, type InterpretationChoices } from './interpretation-choice.js';
import { indexedParameter } from './parameter-use.js';
import { TraceBuilder } from './trace-builder.js';

/** The flows that are priced by time. */
export const pricedFlows = ['dagtid', 'synhorsel', 'mt'] as const;
export type PricedFlow = (typeof pricedFlows)[number];

const flowData: Readonly<Record<PricedFlow, { readonly parameter: string; readonly clause: string; readonly rule: string }>> = {
  dagtid: { parameter: 'dagtid.timpris', clause: 'ORD.uppdrag-dagtid', rule: 'ekonomi.uppdrag-dagtid' },
  synhorsel: { parameter: 'synhor.timpris', clause: 'SYNHOR.ekonomisk-ersattning', rule: 'ekonomi.syn-horselombud' },
  mt: { parameter: 'mt.timpris', clause: 'MT.bilaga-1-rorlig-del', rule: 'ekonomi.mt-rorlig-del' },
};

/** The priced work. */
export interface PriceQuote {
  readonly flow: PricedFlow;
  readonly year: number;
  readonly rateOre: Ore;
  readonly billedMinutes: number;
  readonly amountOre: Ore;
  readonly trace: Trace;
}

/** Price `minutes` of work in `flow` in `year` at the indexed rate. */
export function priceQuote(
  data: EconomyData,
  flow: PricedFlow,
  year: number,
  minutes: number,
  index: IndexSeries,
  choices?: InterpretationChoices,
): PriceQuote {
  const f = flowData[flow];
  const trace = new TraceBuilder(data).rule(f.rule).clause(f.clause);
  const rate = indexedParameter(data, f.parameter, year, index, trace, choices === undefined ? {} : { choices });
  const rateOre = ore(rate.value, f.parameter);
  if (flow === 'mt') {
    const i7 = chooseOption(data, 'I7', choices);
    trace.interpretation(i7.use);
    const increment = optionInteger(i7, 'incrementMinutes');
    const p = priceProRata(minutes, rateOre, increment, '--minutes');
    trace.step({
      id: 'belopp',
      description: `Minuter avrundade uppåt till ${String(increment)} min (tolkning I7), prissatta proportionellt mot timersättningen`,
      formula: 'ceil(minuter / steg) × steg / 60 × timpris',
      inputs: { minuter: minutes, stegMinuter: increment, debiteradeMinuter: p.billedMinutes, timprisÖre: rateOre },
      result: p.amountOre,
      unit: 'öre',
      clauses: [f.clause],
      rounding: 'avrundat till närmaste öre, hälften uppåt',
    });
    return { flow, year, rateOre, billedMinutes: p.billedMinutes, amountOre: p.amountOre, trace: trace.build() };
  }
  const p = priceStartedHours(minutes, rateOre, '--minutes');
  trace.step({
    id: 'belopp',
    description: 'Påbörjade timmar × timpris',
    formula: 'ceil(minuter / 60) × timpris',
    inputs: { minuter: minutes, påbörjadeTimmar: p.billedHours, timprisÖre: rateOre },
    result: p.amountOre,
    unit: 'öre',
    clauses: [f.clause],
  });
  return { flow, year, rateOre, billedMinutes: p.billedMinutes, amountOre: p.amountOre, trace: trace.build() };
}
