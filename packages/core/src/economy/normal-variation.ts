/**
 * Proposed normal variation of connected persons (TILL.grundforutsattningar, I12): mean ± k sample
 * standard deviations (n − 1; k = 2 from the I12 option), each bound rounded to the nearest whole
 * person (halves up). Computed exactly, without floats, so a bound at exactly x,5 — or a hair
 * either side of it — is never misrounded:
 *
 *   n counts x_i, S = Σx, Q = Σx², A = nQ − S², D = n(n − 1)  ⇒  mean = S/n, variance = A/D.
 *   bound = floor(mean ± k·√(A/D) + ½). With k = kn/kd, multiplying through by 2·n·D·kd gives
 *   bound = floor((P ± √R) / M),  P = 2·S·D·kd + n·D·kd,  M = 2·n·D·kd,  R = (2·kn·n)²·A·D,
 *   all integers. Since floor((a + f)/M) = floor(a/M) for an integer a and 0 ≤ f < 1, √R can be
 *   replaced by ⌊√R⌋ for the upper bound and by ⌈√R⌉ for the lower one: an exact BigInt integer
 *   square root decides the rounding, however close the bound is to a half.
 */
import { formatRational, parseDecimal, rational } from '../decimal.js';
import { invalidInput } from '../errors.js';
import { divRound } from '../rounding.js';
import type { Trace } from '../trace.js';
import type { EconomyData } from './economy-data.js';
import { chooseOption, optionDecimalText, type InterpretationChoices } from './interpretation-choice.js';
import { TraceBuilder } from './trace-builder.js';

const CLAUSE = 'TILL.grundforutsattningar';

/** One year's count of connected persons (I13: unique persons connected during the year). */
export interface YearCount {
  readonly year: number;
  readonly count: number;
  readonly file?: string;
  readonly line?: number;
}

/** The proposal. `mean` and `sd` are decimal strings rounded for display; the bounds are exact. */
export interface NormalVariation {
  readonly years: readonly number[];
  readonly n: number;
  readonly mean: string;
  readonly variance: string;
  readonly sd: string;
  readonly multiplier: string;
  readonly lower: number;
  readonly upper: number;
  readonly trace: Trace;
}

/** ⌊√n⌋ for n ≥ 0, exact (Newton's method on BigInt). */
export function isqrt(n: bigint): bigint {
  if (n < 0n) throw new RangeError('isqrt: negative');
  if (n < 2n) return n;
  let x = BigInt(Math.floor(Math.sqrt(Number(n))));
  // The float estimate may be off for large n; Newton steps and a final correction make it exact.
  for (;;) {
    const y = (x + n / x) >> 1n;
    if (y >= x) break;
    x = y;
  }
  while (x * x > n) x -= 1n;
  while ((x + 1n) * (x + 1n) <= n) x += 1n;
  return x;
}

/** Floor division for BigInt (BigInt `/` truncates toward zero). */
function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q;
}

function validate(counts: readonly YearCount[]): void {
  const seen = new Map<number, YearCount>();
  for (const c of counts) {
    const where = `${c.file ?? 'antal'}${c.line === undefined ? '' : ` rad ${String(c.line)}`}`;
    if (!Number.isSafeInteger(c.count) || c.count < 0)
      throw invalidInput('antal', `${where}: antalet anslutna personer ska vara ett heltal ≥ 0 (${String(c.count)}).`, c.count);
    if (seen.has(c.year)) throw invalidInput('år', `${where}: året ${String(c.year)} förekommer mer än en gång.`, c.year);
    seen.set(c.year, c);
  }
  if (counts.length < 2)
    throw invalidInput('antal', `Minst två års antal behövs för en standardavvikelse (${String(counts.length)} angivna).`);
}

/** Propose a normal variation from yearly counts (I12), exactly. */
export function normalVariation(data: EconomyData, counts: readonly YearCount[], choices?: InterpretationChoices): NormalVariation {
  validate(counts);
  const trace = new TraceBuilder(data).rule('ekonomi.normalvariation').clause(CLAUSE);
  const i12 = chooseOption(data, 'I12', choices);
  trace.interpretation(i12.use).interpretation(chooseOption(data, 'I13', choices).use);
  const kText = optionDecimalText(i12, 'sdMultiplier');
  const k = parseDecimal(kText, 'I12.sdMultiplier');
  const sorted = [...counts].sort((a, b) => a.year - b.year);
  const n = BigInt(sorted.length);
  const S = sorted.reduce((a, c) => a + BigInt(c.count), 0n);
  const Q = sorted.reduce((a, c) => a + BigInt(c.count) * BigInt(c.count), 0n);
  const A = n * Q - S * S;
  const D = n * (n - 1n);
  const P = 2n * S * D * k.den + n * D * k.den;
  const M = 2n * n * D * k.den;
  const R = (2n * k.num * n) ** 2n * A * D;
  const root = isqrt(R);
  const rootCeil = root * root === R ? root : root + 1n;
  const upper = floorDiv(P + root, M);
  const lowerRaw = floorDiv(P - rootCeil, M);
  const lower = lowerRaw < 0n ? 0n : lowerRaw;
  // Display values: mean and sd to 4 decimals, half-up, from exact integers.
  const mean = formatRational(rational(divRound(S * 10_000n, n, 'half-up'), 10_000n), 4);
  const variance = formatRational(rational(A, D), 4);
  const sdScaled = floorDiv(isqrt(4n * A * D * 10n ** 8n) + D, 2n * D);
  const sd = formatRational(rational(sdScaled, 10_000n), 4);

  trace.step(
    {
      id: 'antal-ar',
      description: 'Årliga antal anslutna personer',
      inputs: Object.fromEntries(sorted.map((c) => [String(c.year), c.count])),
      result: Number(n),
      unit: 'år',
      clauses: [CLAUSE],
    },
    {
      id: 'medelvarde',
      description: 'Medelvärde',
      formula: 'Σx / n',
      inputs: { summa: Number(S), n: Number(n) },
      result: mean,
      unit: 'personer',
      rounding: '4 decimaler för visning',
    },
    {
      id: 'varians',
      description: 'Stickprovsvarians (n − 1)',
      formula: '(n·Σx² − (Σx)²) / (n·(n − 1))',
      inputs: { summaKvadrater: Number(Q), summa: Number(S), n: Number(n) },
      result: variance,
      unit: 'personer²',
      rounding: '4 decimaler för visning',
    },
    {
      id: 'standardavvikelse',
      description: 'Stickprovsstandardavvikelse',
      formula: '√varians',
      result: sd,
      unit: 'personer',
      rounding: '4 decimaler för visning',
    },
    {
      id: 'nedre-grans',
      description: `Nedre gräns: medelvärde − ${kText.replace('.', ',')} standardavvikelser, avrundat till närmaste hela person${lowerRaw < 0n ? ' (negativt värde satt till 0)' : ''}`,
      formula: 'floor((P − ⌈√R⌉) / M), exakt heltalsberäkning',
      inputs: { P: P.toString(), R: R.toString(), M: M.toString() },
      result: Number(lower),
      unit: 'personer',
      clauses: [CLAUSE],
      rounding: 'närmaste hela person, halva uppåt',
    },
    {
      id: 'ovre-grans',
      description: `Övre gräns: medelvärde + ${kText.replace('.', ',')} standardavvikelser, avrundat till närmaste hela person`,
      formula: 'floor((P + ⌊√R⌋) / M), exakt heltalsberäkning',
      inputs: { P: P.toString(), R: R.toString(), M: M.toString() },
      result: Number(upper),
      unit: 'personer',
      clauses: [CLAUSE],
      rounding: 'närmaste hela person, halva uppåt',
    },
  );
  return {
    years: sorted.map((c) => c.year),
    n: Number(n),
    mean,
    variance,
    sd,
    multiplier: kText,
    lower: Number(lower),
    upper: Number(upper),
    trace: trace.build(),
  };
}
