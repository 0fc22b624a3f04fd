/**
 * The API's human rendering of calculation steps (decision 0190): every step of a result or an
 * invoice basis carries `display` (core's `renderStep`: the step as a Swedish sentence, its inputs
 * as label/value with units, the rounding in words), and a trace carries `interpretationTexts`
 * (each option by its Swedish name) and its parameters their titles and values in words. The machine fields stay as they are; the web app shows
 * `display` and never builds texts from ids.
 */
import {
  describeInterpretation,
  describeParameterValue,
  renderStep,
  type Agreement,
  type CalculationStep,
  type ParameterUse,
  type StepDisplay,
  type Trace,
} from '@samverkan/core';

/** A step with its rendering. */
export type DisplayedStep = CalculationStep & { readonly display: StepDisplay };

/** A trace whose steps carry their rendering, with the interpretations named in Swedish. */
export type DisplayedTrace = Omit<Trace, 'steps' | 'parameters'> & {
  readonly steps: readonly DisplayedStep[];
  /** Each parameter with its title and value in words (the id when the agreement is not given). */
  readonly parameters: readonly (ParameterUse & { readonly display: { readonly name: string; readonly value: string } })[];
  readonly interpretationTexts: readonly string[];
};

/** The steps with their rendering. */
export function displayedSteps(steps: readonly CalculationStep[]): DisplayedStep[] {
  return steps.map((s) => ({ ...s, display: renderStep(s) }));
}

/** The trace with rendered steps and named interpretations (ids shown as they are when the agreement is not given). */
export function displayedTrace(trace: Trace, agreement?: Agreement): DisplayedTrace {
  return {
    ...trace,
    steps: displayedSteps(trace.steps),
    parameters: trace.parameters.map((p) => ({
      ...p,
      display: { name: agreement?.parameters.get(p.id)?.title ?? p.id, value: describeParameterValue(p.value, p.unit) },
    })),
    interpretationTexts: trace.interpretations.map((u) => describeInterpretation(u, agreement?.interpretations.get(u.id))),
  };
}
