/**
 * A step's formula as a person checks it by hand: the arithmetic with the step's own values and
 * units in place of the formula's names, ending in the result ("27 386 kr × 6 personer = 164 316
 * kr"). The stored `formula` (`justeringsbelopp × personer`, `ceil(minuter / 60) × timpris`) is
 * the machine expression and stays in the trace; what a person reads is this text (decision 0190).
 *
 * A formula made only of input names, numbers and + − × / ≤ is written out by substitution; the
 * others (rounding functions, sums over municipalities, exact integer bounds) have a phrasing of
 * their own below. A formula neither covers gives no text, and core's flow test fails on it.
 */
import type { CalculationStep } from '../trace.js';
import { formatNumber, stepInputValue } from './glossary.js';

type Inputs = Readonly<Record<string, number | string | boolean | null>>;
type Value = (name: string) => string;
type Phrase = (v: Value, inputs: Inputs, formula: string) => string | undefined;

/** Suffixes that name an input's unit (`timprisÖre` is "timpris" in a formula). */
const unitSuffix = /(?:Öre|Minuter|Procent|Kronor)$/;

/** The input a formula word stands for: the same name, or the name with its unit suffix. */
function inputFor(word: string, inputs: Inputs): string | undefined {
  if (Object.hasOwn(inputs, word)) return word;
  return Object.keys(inputs).find((k) => unitSuffix.test(k) && k.replace(unitSuffix, '') === word);
}

/** Formulas with a phrasing of their own (matched on the stored formula text). */
const phrased: readonly (readonly [RegExp, Phrase])[] = [
  [
    /^ceil\(minuter \/ 60\) × timpris$/,
    (v, i) =>
      `${v('minuter')} ger ${v('påbörjadeTimmar')} ${i['påbörjadeTimmar'] === 1 ? 'påbörjad timme' : 'påbörjade timmar'} × ${v('timprisÖre')}`,
  ],
  [/^ceil\(minuter \/ 60\)$/, (v) => `${v('minuter')} / 60, avrundat uppåt till hela timmar`],
  [
    /^ceil\(minuter \/ steg\) × steg \/ 60 × timpris$/,
    (v) =>
      `${v('minuter')} avrundat uppåt till hela ${v('stegMinuter')} = ${v('debiteradeMinuter')}; ${v('debiteradeMinuter')} / 60 × ${v('timprisÖre')}`,
  ],
  [
    /^insatstid \+ administration \+ återrapportering \+ restid/,
    (v, i) =>
      `${v('insatstid')} + ${v('administration')} + ${v('återrapportering')} + ${i['restidRäknas'] === false ? `0 minuter restid (resan samordnades)` : v('restid')}`,
  ],
  [/^grundtid \+ tid per inventarie × antal$/, (v) => `${v('grundtidMinuter')} + ${v('tidPerInventarieMinuter')} × ${v('antal')}`],
  [
    /^budget × regionens andel \/ 100; resten kommunerna$/,
    (v) => `${v('budgetÖre')} × ${v('regionensAndelProcent')} till regionen (resten till kommunerna)`,
  ],
  // The derivation of the tilläggsbelopp (TILL.bakgrund): the formula holds the numbers already.
  [
    /^[\d\s,×.()+/]+$/,
    (v, i) =>
      'heltider' in i
        ? `${v('heltider')} heltider × ${v('basberedskap')} × ${v('månadslönÖre')} × ${v('månader')} månader × (1 + ${v('poPåläggProcent')})`
        : 'referensantal' in i
          ? `${v('tilläggsbeloppÖre')} / ${v('referensantal')} personer`
          : undefined,
  ],
  [
    /^belopp × Σ_f vikt_f × mått_kf \/ Σ_j mått_jf$/,
    (_v, i) =>
      `varje kommuns andel enligt nyckeln (${Object.entries(i)
        .map(([k, share]) => `${k} ${formatNumber(String(share))}`)
        .join(', ')}) × beloppet`,
  ],
  [/^Σx \/ n$/, (v) => `${v('summa')} / ${v('n')} år`],
  [
    /^\(n·Σx² − \(Σx\)²\) \/ \(n·\(n − 1\)\)$/,
    (v, i) =>
      typeof i['n'] === 'number'
        ? `(${v('n')} × ${v('summaKvadrater')} − ${v('summa')}²) / (${v('n')} × ${formatNumber(i['n'] - 1)})`
        : undefined,
  ],
  [/^√varians$/, () => 'kvadratroten ur stickprovsvariansen'],
  [
    /^floor\(\(P [−+] [⌈⌊]√R[⌉⌋]\) \/ M\)/,
    (v, i, formula) =>
      `(${v('P')} ${formula.includes('+') ? '+' : '−'} kvadratroten ur ${v('R')}) / ${v('M')}, räknat exakt i heltal och avrundat nedåt`,
  ],
];

/** Formula words that are counted things, shown after their number. */
const countWords: ReadonlySet<string> = new Set(['personer', 'månader']);

/** The words of a formula written by substitution: input names, numbers and operators only. */
const simpleFormula = /^[\p{L}\d\s,.+−×/≤()-]+$/u;

/** The result after the arithmetic: "= 1 318 kr", or ": ja" for a comparison. */
function resultPart(result: string, step: CalculationStep): string {
  return typeof step.result === 'boolean' ? `: ${result}` : ` = ${result}`;
}

/**
 * The formula of `step` with its values, ending in `result` (the step's result as shown), or
 * undefined when the step has no formula, the formula is a constant, or the description already
 * shows the arithmetic ("640 kr × (1 + 3,1 %) = 659,84 kr").
 */
export function calculationText(step: CalculationStep, result: string): string | undefined {
  const formula = step.formula?.trim();
  if (formula === undefined || formula === '' || /^[\d\s,.]+$/.test(formula) || step.description.includes(' = ')) return undefined;
  const inputs: Inputs = step.inputs ?? {};
  const seen = { missing: false, unknown: false };
  const v: Value = (name) => {
    const value = inputs[name];
    if (value === undefined) seen.missing = true;
    return value === undefined ? '' : stepInputValue(name, value);
  };
  for (const [re, phrase] of phrased) {
    if (re.test(formula)) {
      const text = phrase(v, inputs, formula);
      // A phrasing whose input the step lacks is not shown half-filled.
      return text === undefined || seen.missing ? undefined : `${text}${resultPart(result, step)}`;
    }
  }
  if (!simpleFormula.test(formula)) return undefined;
  const text = formula.replace(/\p{L}[\p{L}\d]*/gu, (word) => {
    const name = inputFor(word, inputs);
    if (name === undefined) seen.unknown = true;
    if (name === undefined) return word;
    const value = v(name);
    // A count named by its plural ("personer") keeps the word: "6 personer".
    return countWords.has(word) && /^[\d\s]+$/.test(value) ? `${value} ${word}` : value;
  });
  return seen.unknown ? undefined : `${text}${resultPart(result, step)}`;
}
