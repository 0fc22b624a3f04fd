/**
 * A calculation step as a person reads it (decision 0190): one Swedish sentence with units
 * (`text`), the inputs as label/value pairs with units (`inputs`), the result and the rounding in
 * words. The web app (through the API's `display`), the CLI and the PDFs all render steps here, so
 * a step reads the same everywhere; the step's machine fields stay as they are.
 */
import type { Interpretation } from '../agreement/schema.js';
import type { CalculationStep, InterpretationUse } from '../trace.js';
import { calculationText } from './formula-text.js';
import { describeRounding, describeUnit, formatNumber, quantity, stepInputLabel, stepInputValue } from './glossary.js';

/** One input of a step as shown: "Timpris" / "640 kr". */
export interface StepInputText {
  readonly label: string;
  readonly value: string;
}

/** A step rendered for a person. */
export interface StepDisplay {
  /** The step as one sentence with its result: "Timpris 2026: 640 kr × (1 + 3,1 %) = 659,84 kr, avrundat till hela kronor: 660 kr". */
  readonly text: string;
  /**
   * The formula with the step's values and units, ending in the result ("27 386 kr × 6 personer =
   * 164 316 kr"), when the step has a formula the description does not already show. The step's
   * `formula` field is the machine expression (`justeringsbelopp × personer`).
   */
  readonly calculation?: string;
  readonly inputs: readonly StepInputText[];
  readonly result: string;
  /** The rounding in words, when the step rounds. */
  readonly rounding?: string;
}

/** Units of step results the core writes in Swedish already: their singular, so "1 personer" never shows. */
const swedishSingular: Readonly<Record<string, string>> = {
  minuter: 'minut',
  personer: 'person',
  inventarier: 'inventarie',
  timmar: 'timme',
  'påbörjade timmar': 'påbörjad timme',
  år: 'år',
  kr: 'kr',
};

/** A step value in its unit: öre as kronor, Swedish units, singular for one, decimals with a comma. */
export function stepValueText(value: number | string | boolean | null, unit?: string): string {
  if (value === null) return '–';
  if (typeof value === 'boolean') return value ? 'ja' : 'nej';
  if (unit === undefined || unit === '') return formatNumber(value);
  if (typeof value === 'number' && Number.isSafeInteger(value)) {
    const swedish = swedishSingular[unit];
    if (swedish !== undefined) return `${formatNumber(value)} ${Math.abs(value) === 1 ? swedish : unit}`;
    return quantity(value, unit);
  }
  // An exact decimal (a mean, a share): the number with a comma, the unit in its plural.
  return `${formatNumber(value)} ${swedishSingular[unit] === undefined ? quantityUnit(unit) : unit}`;
}

/** The plural name of a unit id for a non-integer value ("2,5 minuter"). */
function quantityUnit(unit: string): string {
  const text = quantity(2, unit);
  return text.replace(/^2\s?/, '');
}

/** Rounding texts the data writes as a mode id ("half-up till helt öre" in older traces) in words. */
function roundingText(rounding: string): string {
  const indexed = /^([a-z-]+) till (\d+) \(([a-z_]+)\)$/.exec(rounding);
  if (indexed) return describeRounding(indexed[1] ?? '', Number(indexed[2]), indexed[3] ?? '');
  return rounding
    .replace(/^half-up till helt öre$/, 'avrundat till närmaste öre, hälften uppåt')
    .replace(/^half-up till hela kronor$/, 'avrundat till hela kronor, hälften uppåt');
}

/** The step as a sentence with its inputs, result and rounding in words. */
export function renderStep(step: CalculationStep): StepDisplay {
  const inputs = Object.entries(step.inputs ?? {}).map(([name, value]) => ({
    label: stepInputLabel(name),
    value: stepInputValue(name, value),
  }));
  const result = stepValueText(step.result, step.unit);
  const rounding = step.rounding === undefined ? undefined : roundingText(step.rounding);
  // A description that already says how it rounds is not told twice.
  const roundingPart = rounding === undefined || /avrundat/i.test(step.description) ? '' : ` (${rounding})`;
  const calculation = step.result === null ? undefined : calculationText(step, result);
  // A step without a result (an imported record the line rests on) is its description alone.
  const text = step.result === null ? step.description : `${step.description}: ${calculation ?? result}${roundingPart}`;
  return {
    text,
    ...(calculation === undefined ? {} : { calculation }),
    inputs,
    result,
    ...(rounding === undefined ? {} : { rounding }),
  };
}

/** A parameter's value in its unit: "660 kr per påbörjad timme", "480 minuter", "1,4718" (öre as kronor). */
export function describeParameterValue(value: number | string, unit: string): string {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return quantity(value, unit);
  const name = describeUnit(unit);
  return name === '' ? formatNumber(value) : `${formatNumber(value)} ${name}`;
}

/** An interpretation a calculation relied on, by its Swedish names: "Avrundning av indexerade värden (tolkning I6): hela kronor varje år". */
export function describeInterpretation(use: InterpretationUse, interpretation: Interpretation | undefined): string {
  const option = interpretation?.options.find((o) => o.id === use.option);
  if (interpretation === undefined || option === undefined) return `Tolkning ${use.id}: ${use.option}`;
  return `${interpretation.topic} (tolkning ${use.id}): ${option.label}`;
}
