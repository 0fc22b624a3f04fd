/**
 * Collects what a calculation used (rules, clauses, parameters, index values, interpretations,
 * steps) and produces the `Trace` every economy result carries. Entries are de-duplicated and keep
 * the order in which they were first used, so the trace reads like the calculation.
 */
import {
  TRACE_SCHEMA_VERSION,
  type CalculationStep,
  type IndexUse,
  type InterpretationUse,
  type ParameterUse,
  type Trace,
} from '../trace.js';
import type { EconomyData } from './economy-data.js';

/** Mutable collector for one calculation's trace. */
export class TraceBuilder {
  private readonly agreement: { readonly id: string; readonly version: string };
  private readonly rules: string[] = [];
  private readonly clauses: string[] = [];
  private readonly parameters = new Map<string, ParameterUse>();
  private readonly indexValues = new Map<string, IndexUse>();
  private readonly interpretations = new Map<string, InterpretationUse>();
  private readonly steps: CalculationStep[] = [];

  constructor(data: EconomyData) {
    this.agreement = { id: data.meta.id, version: data.meta.version };
  }

  /** Record a rule id (e.g. `ekonomi.mt-fast-del`). */
  rule(id: string): this {
    if (!this.rules.includes(id)) this.rules.push(id);
    return this;
  }

  /** Record clause ids. */
  clause(...ids: readonly string[]): this {
    for (const id of ids) if (!this.clauses.includes(id)) this.clauses.push(id);
    return this;
  }

  /** Record a parameter value (one per id and validity). */
  parameter(use: ParameterUse): this {
    this.parameters.set(`${use.id}@${use.validFor}`, use);
    this.clause(use.clause);
    return this;
  }

  /** Record index values. */
  index(...uses: readonly IndexUse[]): this {
    for (const u of uses) this.indexValues.set(`${u.series}:${String(u.year)}`, u);
    return this;
  }

  /** Record an interpretation option. */
  interpretation(use: InterpretationUse): this {
    this.interpretations.set(use.id, use);
    return this;
  }

  /** Append calculation steps (their clauses are recorded too). */
  step(...steps: readonly CalculationStep[]): this {
    for (const s of steps) {
      this.steps.push(s);
      if (s.clauses) this.clause(...s.clauses);
    }
    return this;
  }

  /** Merge another calculation's trace into this one (steps appended). */
  include(t: Trace): this {
    t.rules.forEach((r) => this.rule(r));
    this.clause(...t.clauses);
    t.parameters.forEach((p) => this.parameter(p));
    this.index(...t.indexValues);
    t.interpretations.forEach((i) => this.interpretation(i));
    this.step(...t.steps);
    return this;
  }

  /** The finished, immutable trace. */
  build(): Trace {
    return {
      traceVersion: TRACE_SCHEMA_VERSION,
      agreement: { ...this.agreement },
      rules: [...this.rules],
      clauses: [...this.clauses],
      parameters: [...this.parameters.values()],
      indexValues: [...this.indexValues.values()].sort((a, b) => a.series.localeCompare(b.series) || a.year - b.year),
      interpretations: [...this.interpretations.values()].sort((a, b) => Number(a.id.slice(1)) - Number(b.id.slice(1))),
      steps: [...this.steps],
    };
  }
}
