/**
 * A calculation's steps as a person checks them by hand: description, formula, inputs, result,
 * rounding and clauses (the `CalculationStep` shape of every trace). The server renders each
 * step in plain Swedish (`display`, decision 0190); ids are shown only for steps without it.
 */
import type { ReactNode } from 'react';
import { Tag } from '@digdir/designsystemet-react';
import { formatInputValue, formatValue } from '../format/values.js';

/** One step of a trace (packages/core/src/trace.ts). */
export interface CalculationStep {
  readonly id: string;
  readonly description: string;
  readonly formula?: string;
  readonly inputs?: Readonly<Record<string, number | string | boolean | null>>;
  readonly result: number | string | boolean | null;
  readonly unit?: string;
  readonly clauses?: readonly string[];
  readonly rounding?: string;
  /** The step as the server renders it for a person (core's renderStep). */
  readonly display?: StepDisplay;
}

/** The step as a sentence with units, its inputs as label/value and the rounding in words. */
export interface StepDisplay {
  readonly text: string;
  readonly inputs: readonly { readonly label: string; readonly value: string }[];
  readonly result: string;
  readonly rounding?: string;
}

function ClauseTags({ clauses }: { readonly clauses: readonly string[] | undefined }): ReactNode {
  return (clauses ?? []).map((c) => (
    <Tag key={c} data-color="neutral" data-size="sm" className="clause-tag">
      {c}
    </Tag>
  ));
}

/** A rendered step: the sentence, then the inputs it used. */
function DisplayedStep({ step, display }: { readonly step: CalculationStep; readonly display: StepDisplay }): ReactNode {
  return (
    <li>
      <span>{display.text}</span>
      {display.inputs.length > 0 ? (
        <span className="muted"> ({display.inputs.map((i) => `${i.label}: ${i.value}`).join('; ')})</span>
      ) : null}
      <ClauseTags clauses={step.clauses} />
    </li>
  );
}

/** The steps as an ordered list. */
export function CalculationSteps({ steps }: { readonly steps: readonly CalculationStep[] }): ReactNode {
  return (
    <ol className="calc-steps">
      {steps.map((s) =>
        s.display ? (
          <DisplayedStep key={s.id} step={s} display={s.display} />
        ) : (
          <li key={s.id}>
            <span>{s.description}</span>
            {s.formula ? (
              <>
                {' '}
                <code>{s.formula}</code>
              </>
            ) : null}
            {s.inputs && Object.keys(s.inputs).length > 0 ? (
              <span className="muted">
                {' '}
                (
                {Object.entries(s.inputs)
                  .map(([k, v]) => `${k} = ${formatInputValue(k, v)}`)
                  .join('; ')}
                )
              </span>
            ) : null}{' '}
            = <strong>{formatValue(s.result, s.unit)}</strong>
            {s.rounding ? <span className="muted"> (avrundning: {s.rounding})</span> : null}
            <ClauseTags clauses={s.clauses} />
          </li>
        ),
      )}
    </ol>
  );
}
