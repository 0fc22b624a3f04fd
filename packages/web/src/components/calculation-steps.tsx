/**
 * A calculation's steps as a person checks them by hand: description, formula, inputs, result,
 * rounding and clauses (the `CalculationStep` shape of every trace).
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
}

/** The steps as an ordered list. */
export function CalculationSteps({ steps }: { readonly steps: readonly CalculationStep[] }): ReactNode {
  return (
    <ol className="calc-steps">
      {steps.map((s) => (
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
          {(s.clauses ?? []).map((c) => (
            <Tag key={c} data-color="neutral" data-size="sm" className="clause-tag">
              {c}
            </Tag>
          ))}
        </li>
      ))}
    </ol>
  );
}
