/**
 * The traceability shape every result carries: the agreement version, the rules, clauses,
 * parameter values and interpretations used, and the calculation steps as structured data
 * (so later exports — PDF, Excel, Peppol — can render them without recomputing).
 */

/** Version of the JSON shape of traces; bump when it changes incompatibly. */
export const TRACE_SCHEMA_VERSION = 1;

/** A parameter value as used in a calculation, with where it comes from. */
export interface ParameterUse {
  readonly id: string;
  /** Value in the parameter's unit; money in öre. Strings hold exact decimals. */
  readonly value: number | string;
  readonly unit: string;
  /** Clause id the parameter comes from, e.g. `ORD.uppdrag-dagtid`. */
  readonly clause: string;
  /** The year or date whose value this is (after indexation). */
  readonly validFor: string;
  /** Decision or source reference, when there is one. */
  readonly source?: string;
}

/** An index value used in a calculation. */
export interface IndexUse {
  readonly series: string;
  readonly year: number;
  /** Percent change as an exact decimal string, e.g. "2.9". */
  readonly percent: string;
  readonly source?: string;
  /** Outcome (utfall) or forecast (prognos), as published. */
  readonly kind?: 'outcome' | 'forecast';
  /** Publication date (ISO), when known. */
  readonly published?: string;
  /** Set (true) when the value is a shipped or invented example, not a published one. */
  readonly example?: true;
}

/** An interpretation option (interpretations.md, I1–I15) a calculation relied on. */
export interface InterpretationUse {
  readonly id: string;
  readonly option: string;
}

/** One line of a calculation a person can check by hand. */
export interface CalculationStep {
  /** Stable id of the step within its calculation, e.g. `billed-hours`. */
  readonly id: string;
  /** Swedish description of what the step does. */
  readonly description: string;
  /** The formula applied, written with the named inputs, e.g. `ceil(minuter / 60)`. */
  readonly formula?: string;
  /** Named inputs to the step (numbers are öre, minutes, counts; strings are exact decimals). */
  readonly inputs?: Readonly<Record<string, number | string | boolean | null>>;
  /** Result of the step: money in öre as a number, or another value. */
  readonly result: number | string | boolean | null;
  /** Unit of the result, e.g. `öre`, `timmar`, `personer`. */
  readonly unit?: string;
  /** Clause ids the step applies. */
  readonly clauses?: readonly string[];
  /** The rounding applied in this step, in words, e.g. `avrundat till hela kronor, hälften uppåt`. */
  readonly rounding?: string;
}

/** Everything a result names about where it came from. */
export interface Trace {
  readonly traceVersion: typeof TRACE_SCHEMA_VERSION;
  readonly agreement: { readonly id: string; readonly version: string };
  readonly rules: readonly string[];
  readonly clauses: readonly string[];
  readonly parameters: readonly ParameterUse[];
  readonly indexValues: readonly IndexUse[];
  readonly interpretations: readonly InterpretationUse[];
  readonly steps: readonly CalculationStep[];
}
