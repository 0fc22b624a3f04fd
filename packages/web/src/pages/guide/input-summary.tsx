/** The answers given, as a list printed above the answer card (the form itself is not printed). */
import type { ReactNode } from 'react';
import { Heading } from '@digdir/designsystemet-react';
import { municipalityName, type Municipality } from '../../api/municipalities.js';
import { PRODUCT_FLAGS, QUESTION_ORDER, type GuideState } from './guide-state.js';
import { productFlagLabels, productKindLabels, questionLabels, valueLabel } from './labels.js';

/** Print-only summary of the inputs. */
export function InputSummary({
  state,
  municipalities,
}: {
  readonly state: GuideState;
  readonly municipalities: readonly Municipality[];
}): ReactNode {
  const rows = QUESTION_ORDER.flatMap((q) => {
    if (q === 'products') {
      return (state.products ?? []).flatMap((p, i) =>
        p.kind === undefined
          ? []
          : [
              { q: `p${String(i)}`, label: `${questionLabels.products} ${String(i + 1)}`, shown: productKindLabels[p.kind] },
              ...PRODUCT_FLAGS.flatMap((f) => {
                const v = p.flags[f];
                return v === undefined
                  ? []
                  : [{ q: `p${String(i)}.${f}`, label: `${productFlagLabels[f]} (produkt ${String(i + 1)})`, shown: valueLabel(q, v) }];
              }),
            ],
      );
    }
    const v = state[q];
    if (v === undefined) return [];
    const shown =
      q === 'registeredMunicipality'
        ? v === 'none'
          ? 'Inte folkbokförd i länet'
          : municipalityName(municipalities.find((m) => m.code === v)?.name ?? String(v))
        : valueLabel(q, v);
    return [{ q, label: questionLabels[q], shown }];
  });
  return (
    <section className="print-only">
      <Heading level={2} data-size="xs">
        Underlag för svaret
      </Heading>
      <dl className="facts">
        {rows.map((r) => (
          <div key={r.q} className="contents">
            <dt>{r.label}</dt>
            <dd>{r.shown}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
