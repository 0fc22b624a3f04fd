/**
 * The calculation steps of a trace in plain Swedish, for a reader who never saw the system: what
 * each step does, the arithmetic with its values, every input with its unit and the result. Money in a step is öre
 * (inputs named …Öre, results with unit `öre`) and is shown in kronor; exact decimals keep their
 * digits with a decimal comma.
 */
import { describeInterpretation, renderStep, type Agreement, type CalculationStep, type Trace } from '@samverkan/core';
import { kronorText } from '../swedish-text.js';

const integer = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 0 });

type StepValue = number | string | boolean | null;

const perUnits: Readonly<Record<string, string>> = {
  hour: 'timme',
  started_hour: 'påbörjad timme',
  month: 'månad',
  person: 'person',
  year: 'år',
};

/** A value with its unit: öre as kronor, booleans as ja/nej, decimals with a comma. */
export function valueText(value: StepValue, unit?: string): string {
  if (value === null) return '–';
  if (typeof value === 'boolean') return value ? 'ja' : 'nej';
  const money = unit === undefined ? null : /^(?:öre|ore)(?:_per_(.+))?$/.exec(unit);
  if (money !== null && typeof value === 'number' && Number.isSafeInteger(value))
    return `${kronorText(value)}${money[1] === undefined ? '' : ` per ${perUnits[money[1]] ?? money[1]}`}`;
  const text =
    typeof value === 'number'
      ? Number.isSafeInteger(value)
        ? integer.format(value)
        : String(value).replace('.', ',')
      : /^-?\d+(\.\d+)?$/.test(value)
        ? value.replace('.', ',')
        : value;
  return unit === undefined || unit === '' ? text : `${text} ${unit}`;
}

const unitSuffixes: readonly (readonly [RegExp, string])[] = [
  [/(Öre|Ore|_ore)$/, 'öre'],
  [/(Minuter|Minutes|_minutes)$/, 'minuter'],
  [/(Timmar|Hours|_hours)$/, 'timmar'],
];

/** An input's display name and unit, read from its name (`justeringsbeloppÖre` → justeringsbelopp, öre). */
export function inputNameAndUnit(name: string): { readonly name: string; readonly unit: string | undefined } {
  for (const [re, unit] of unitSuffixes) {
    if (re.test(name) && name.replace(re, '') !== '') return { name: name.replace(re, ''), unit };
  }
  return { name, unit: undefined };
}

/** The inputs of a step as `label: value` texts with units (core's glossary, decision 0190). */
export function inputTexts(step: CalculationStep): string[] {
  return renderStep(step).inputs.map((i) => `${i.label}: ${i.value}`);
}

/**
 * One step as lines of plain Swedish: the sentence (core's renderStep) as heading — with the
 * formula written out in the step's values and units ("659 kr × 2 timmar = 1 318 kr"), never the
 * stored expression (`timpris × timmar`) — then the inputs, result, rounding and clauses.
 */
export function stepTexts(step: CalculationStep): { readonly heading: string; readonly details: readonly string[] } {
  const shown = renderStep(step);
  const details: string[] = [];
  const inputs = inputTexts(step);
  if (inputs.length > 0) details.push(`Indata: ${inputs.join('; ')}`);
  details.push(`Resultat: ${shown.result}`);
  if (shown.rounding !== undefined) details.push(`Avrundning: ${shown.rounding}`);
  if (step.clauses !== undefined && step.clauses.length > 0) details.push(`Avtalspunkt: ${step.clauses.join(', ')}`);
  return { heading: shown.text, details };
}

const parameterUnits: Readonly<Record<string, string>> = { minutes: 'minuter', persons: 'personer', percent: '%', count: '', ratio: '' };

/** A parameter's value in its unit: `ore_per_started_hour` → `640,00 kr per påbörjad timme`. */
export function parameterValueText(value: number | string, unit: string): string {
  return valueText(value, parameterUnits[unit] ?? unit);
}

/** The trace's parameters (by title), index values and interpretations (by their Swedish labels) as texts. */
export function traceSourceTexts(
  trace: Trace,
  agreement: Pick<Agreement, 'parameters' | 'interpretations'>,
): { readonly parameters: string[]; readonly indexValues: string[]; readonly interpretations: string[] } {
  return {
    parameters: trace.parameters.map(
      (p) =>
        `${agreement.parameters.get(p.id)?.title ?? p.id}: ${parameterValueText(p.value, p.unit)} (gäller ${p.validFor}, avtalspunkt ${p.clause}${p.source === undefined ? '' : `, källa ${p.source}`})`,
    ),
    indexValues: trace.indexValues.map(
      (u) =>
        `${u.series} ${String(u.year)}: ${u.percent.replace('.', ',')} %${u.kind === 'forecast' ? ' (prognos)' : u.kind === 'outcome' ? ' (utfall)' : ''}${u.example === true ? ' (EXEMPEL)' : ''}${u.source === undefined ? '' : `, källa ${u.source}`}`,
    ),
    interpretations: trace.interpretations.map((i) => describeInterpretation(i, agreement.interpretations.get(i.id))),
  };
}
