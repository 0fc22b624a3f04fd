/**
 * The questions of the guide, shown one after another as they become relevant
 * (`visibleQuestions`). Wording follows ORD.ansvarsfordelning, SABO.ansvarsfordelning and
 * PALL.ansvarsfordelning in plain Swedish; the CFS levels come from the service (ORD Bilaga 1).
 */
import type { ReactNode } from 'react';
import { Button, Details, Fieldset, Paragraph, Select, Spinner } from '@digdir/designsystemet-react';
import { useApiQuery } from '../../api/hooks.js';
import type { Municipality } from '../../api/municipalities.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { SelectField } from '../../components/select-field.js';
import { Choice, MunicipalitySelect, OptionalText, YesNo } from './questions.js';
import {
  MAX_PRODUCTS,
  PRODUCT_KINDS,
  visibleProductFlags,
  visibleQuestions,
  type GuideProduct,
  type GuideState,
  type Housing,
  type QuestionId,
} from './guide-state.js';
import { productFlagQuestions, productKindLabels } from './labels.js';

/** `GET /responsibility/cfs`. */
export interface CfsScale {
  readonly title?: string;
  readonly clause?: string;
  readonly levels: readonly { readonly level: number; readonly name: string; readonly description: string }[];
  readonly dementia?: { readonly heading: string; readonly text: string };
}

const housingOptions: readonly { value: Housing; label: string; description: string }[] = [
  { value: 'ordinart', label: 'Ordinärt boende', description: 'Eget hem, även med hemtjänst.' },
  { value: 'sarskilt_boende', label: 'Särskilt boende (SoL)', description: 'Vård- och omsorgsboende.' },
  { value: 'korttidsplats', label: 'Korttidsplats för vuxna (SoL)', description: '' },
  { value: 'lss_bostad', label: 'Bostad med särskild service (LSS)', description: 'Gruppbostad eller servicebostad enligt LSS.' },
];

function Cfs({
  value,
  onChange,
}: {
  readonly value: number | 'unknown' | undefined;
  readonly onChange: (v: number | 'unknown') => void;
}): ReactNode {
  const scale = useApiQuery<CfsScale>('/responsibility/cfs', { staleTime: Infinity });
  if (scale.isPending) return <Spinner aria-label="Hämtar skalan Clinical Frailty Scale…" />;
  if (scale.isError) return <ErrorAlert error={scale.error} />;
  return (
    <>
      <Choice<number | 'unknown'>
        name="cfs"
        legend="Hur skör är personen enligt Clinical Frailty Scale (CFS)?"
        description="Kriterium 3: måttlig skörhet eller mer (CFS 6–9), eller lindrig skörhet (CFS 5) med kognitiv svikt. Välj den nivå som stämmer bäst."
        value={value}
        onChange={onChange}
        options={[
          ...scale.data.levels.map((l) => ({
            value: l.level,
            label: `${String(l.level)} – ${l.name}`,
            description: `${l.description[0]?.toUpperCase() ?? ''}${l.description.slice(1)}.`,
          })),
          { value: 'unknown' as const, label: 'Inte bedömt ännu', description: 'Svaret blir då inte avgjort förrän skörheten är bedömd.' },
        ]}
      />
      {scale.data.dementia ? (
        <Details className="cfs-dementia">
          <Details.Summary>{scale.data.dementia.heading}</Details.Summary>
          <Details.Content>
            <Paragraph data-size="sm">{scale.data.dementia.text}</Paragraph>
          </Details.Content>
        </Details>
      ) : null}
    </>
  );
}

/** One product row: the kind, the follow-up questions the answer depends on, and removal. */
function ProductRow({
  product,
  index,
  sentIndex,
  missing,
  onChange,
  onRemove,
}: {
  readonly product: GuideProduct;
  readonly index: number;
  /** Position among the rows sent to the service (rows without a kind are not sent). */
  readonly sentIndex: number;
  readonly missing: readonly string[];
  readonly onChange: (p: GuideProduct) => void;
  readonly onRemove: () => void;
}): ReactNode {
  const n = String(index + 1);
  const name = product.kind === undefined ? `produkt ${n}` : productKindLabels[product.kind].toLowerCase();
  return (
    <li className="guide-product" data-testid="guide-product">
      <SelectField
        id={`q-p${String(index)}`}
        label={`Produkt ${n}`}
        value={product.kind ?? ''}
        onChange={(v) => {
          const kind = PRODUCT_KINDS.find((k) => k === v);
          // A new kind asks its own follow-up questions.
          onChange(kind === undefined ? { flags: {} } : { kind, flags: {} });
        }}
      >
        <Select.Option value="">Välj produkt</Select.Option>
        {PRODUCT_KINDS.map((k) => (
          <Select.Option key={k} value={k}>
            {productKindLabels[k]}
          </Select.Option>
        ))}
      </SelectField>
      {visibleProductFlags(product, sentIndex, missing).map((f) => (
        <YesNo
          key={f}
          name={`p${String(index)}.${f}`}
          allowUnknown
          legend={`${productFlagQuestions[f]} (produkt ${n})`}
          value={product.flags[f]}
          onChange={(v) => {
            onChange({ ...product, flags: { ...product.flags, [f]: v } });
          }}
        />
      ))}
      <Button variant="tertiary" data-size="sm" className="guide-product-remove" onClick={onRemove} aria-label={`Ta bort ${name}`}>
        Ta bort
      </Button>
    </li>
  );
}

/** The product questions: any number of rows (up to MAX_PRODUCTS), each answered on its own. */
function ProductRows({
  products,
  missing,
  onChange,
}: {
  readonly products: readonly GuideProduct[];
  readonly missing: readonly string[];
  readonly onChange: (products: readonly GuideProduct[]) => void;
}): ReactNode {
  return (
    <Fieldset className="guide-question" data-question="products">
      <Fieldset.Legend>Gäller frågan produkter? (valfritt)</Fieldset.Legend>
      <Fieldset.Description>
        Sjukvårdsmaterial, hjälpmedel eller MT-utrustning: guiden svarar för varje produkt på vem som förskriver, följer upp och betalar.
        Lägg till en rad per produkt.
      </Fieldset.Description>
      {products.length > 0 ? (
        <ol className="guide-products">
          {products.map((p, i) => (
            <ProductRow
              // Rows have no identity beyond their position; removing one re-renders the rest.
              key={i}
              product={p}
              index={i}
              sentIndex={products.slice(0, i).filter((x) => x.kind !== undefined).length}
              missing={missing}
              onChange={(next) => {
                onChange(products.map((old, j) => (j === i ? next : old)));
              }}
              onRemove={() => {
                onChange(products.filter((_, j) => j !== i));
                // Keep the keyboard user in the product list: the add button is always there.
                requestAnimationFrame(() => document.getElementById('guide-add-product')?.focus());
              }}
            />
          ))}
        </ol>
      ) : null}
      {products.length < MAX_PRODUCTS ? (
        <div>
          <Button
            id="guide-add-product"
            variant="secondary"
            data-size="sm"
            onClick={() => {
              onChange([...products, { flags: {} }]);
              const next = products.length;
              requestAnimationFrame(() => document.getElementById(`q-p${String(next)}`)?.focus());
            }}
          >
            {products.length === 0 ? 'Lägg till en produkt' : 'Lägg till en produkt till'}
          </Button>
        </div>
      ) : (
        <Paragraph data-size="sm">Högst {String(MAX_PRODUCTS)} produkter i ett svar.</Paragraph>
      )}
    </Fieldset>
  );
}

/** All visible questions for `state`. */
export function GuideQuestions({
  state,
  missing,
  municipalities,
  update,
}: {
  readonly state: GuideState;
  /** Inputs the service's latest answer lists as missing. */
  readonly missing: readonly string[];
  readonly municipalities: readonly Municipality[];
  readonly update: (patch: Partial<GuideState>) => void;
}): ReactNode {
  const visible = visibleQuestions(state, missing);
  const render = (q: QuestionId): ReactNode => {
    switch (q) {
      case 'registeredMunicipality':
        return (
          <MunicipalitySelect
            municipalities={municipalities}
            value={state.registeredMunicipality}
            onChange={(v) => {
              update({ registeredMunicipality: v });
            }}
          />
        );
      case 'homeRegion':
        return (
          <OptionalText
            name="homeRegion"
            label="Hemregion (valfritt)"
            description="Den region som regionen fakturerar i efterhand, till exempel Region Västernorrland. Skriv inget namn på personen."
            value={state.homeRegion}
            onChange={(v) => {
              update({ homeRegion: v });
            }}
          />
        );
      case 'storsjoglantan':
        return (
          <YesNo
            name="storsjoglantan"
            allowUnknown
            legend="Är personen ansluten till Storsjögläntan?"
            description="Storsjögläntan är regionens specialiserade palliativa hemsjukvård."
            value={state.storsjoglantan}
            onChange={(v) => {
              update({ storsjoglantan: v });
            }}
          />
        );
      case 'atDayActivity':
        return (
          <YesNo
            name="atDayActivity"
            allowUnknown
            legend="Gäller frågan tid då personen vistas i daglig verksamhet (LSS) eller dagverksamhet (SoL)?"
            value={state.atDayActivity}
            onChange={(v) => {
              update({ atDayActivity: v });
            }}
          />
        );
      case 'housing':
        return (
          <Choice<Housing>
            name="housing"
            legend="Hur bor personen?"
            options={housingOptions.map((o) => ({
              value: o.value,
              label: o.label,
              ...(o.description ? { description: o.description } : {}),
            }))}
            value={state.housing}
            onChange={(v) => {
              update({ housing: v });
            }}
          />
        );
      case 'safeAtHome':
        return (
          <YesNo
            name="safeAtHome"
            allowUnknown
            legend="Kriterium 1: Kan insatsen utföras patientsäkert i hemmet?"
            description="Insatsen kan inte utföras som egenvård, och tillgängliga digitala vårdlösningar har beaktats."
            value={state.safeAtHome}
            onChange={(v) => {
              update({ safeAtHome: v });
            }}
          />
        );
      case 'needOver14Days':
        return (
          <YesNo
            name="needOver14Days"
            allowUnknown
            legend="Kriterium 2: Är behovet frekvent och sammanhängande över tid?"
            description="Riktmärke: mer än 14 dagar."
            value={state.needOver14Days}
            onChange={(v) => {
              update({ needOver14Days: v });
            }}
          />
        );
      case 'cfs':
        return (
          <Cfs
            value={state.cfs}
            onChange={(v) => {
              update({ cfs: v });
            }}
          />
        );
      case 'cognitiveImpairment':
        return (
          <YesNo
            name="cognitiveImpairment"
            allowUnknown
            legend="Har personen kognitiv svikt?"
            description="Symtom, under utredning eller diagnos. Vid CFS 5 räknas kriterium 3 som uppfyllt bara med kognitiv svikt."
            value={state.cognitiveImpairment}
            onChange={(v) => {
              update({ cognitiveImpairment: v });
            }}
          />
        );
      case 'cannotReachHealthCentre':
        // Asked positively so that "Ja" means able to; the input is its negation (ORD kriterium 4).
        return (
          <YesNo
            name="cannotReachHealthCentre"
            allowUnknown
            legend="Kriterium 4: Kan personen ta sig till hälsocentralen?"
            description="Själv eller med stöd av personlig assistent eller någon annan. Kriteriet är uppfyllt när personen inte kan det, på grund av sjukdom, medicinskt tillstånd eller psykisk eller fysisk funktionsnedsättning."
            value={
              state.cannotReachHealthCentre === undefined || state.cannotReachHealthCentre === 'unknown'
                ? state.cannotReachHealthCentre
                : !state.cannotReachHealthCentre
            }
            onChange={(v) => {
              update({ cannotReachHealthCentre: v === 'unknown' ? v : !v });
            }}
          />
        );
      case 'prefersHealthCentre':
        return (
          <YesNo
            name="prefersHealthCentre"
            allowUnknown
            legend={
              state.housing === undefined || state.housing === 'ordinart'
                ? 'Vill personen få sin vård av regionen på hälsocentralen trots att kriterierna är uppfyllda?'
                : 'Vill personen få sin vård på regionens öppna mottagning?'
            }
            {...(state.housing === undefined || state.housing === 'ordinart'
              ? {}
              : {
                  description:
                    'I särskilt boende, på korttidsplats och i bostad med särskilt stöd och service ska en sådan önskan respekteras (Överenskommelse särskilt boende, Ansvarsfördelning).',
                })}
            value={state.prefersHealthCentre}
            onChange={(v) => {
              update({ prefersHealthCentre: v });
            }}
          />
        );
      case 'preferenceRisksSafety':
        return (
          <YesNo
            name="preferenceRisksSafety"
            allowUnknown
            legend="Skulle det påverka patientsäkerheten att följa personens önskemål?"
            value={state.preferenceRisksSafety}
            onChange={(v) => {
              update({ preferenceRisksSafety: v });
            }}
          />
        );
      case 'listedAtOtherHealthCentre':
        return (
          <YesNo
            name="listedAtOtherHealthCentre"
            allowUnknown
            legend="Är personen listad vid en annan hälsocentral än den som ansvarar för boendet?"
            description="Avgör vilken hälsocentral som gör planerat arbete och är fast läkarkontakt."
            value={state.listedAtOtherHealthCentre}
            onChange={(v) => {
              update({ listedAtOtherHealthCentre: v });
            }}
          />
        );
      case 'products':
        return (
          <ProductRows
            products={state.products ?? []}
            missing={missing}
            onChange={(products) => {
              update({ products });
            }}
          />
        );
      case 'time':
        return (
          <OptionalText
            name="time"
            inputMode="numeric"
            validate={(t) =>
              /^([01]\d|2[0-3]):[0-5]\d$/.test(t)
                ? undefined
                : 'Skriv klockslaget som TT:MM med 24-timmarsklocka, till exempel 09:30 eller 18:15.'
            }
            label="Klockslag för insatsen (valfritt)"
            description="Skriv TT:MM, till exempel 09:30. Avgör vem som utför och om det faktureras: dagtid 08.00–17.00, kväll och natt 17.00–08.00."
            value={state.time}
            onChange={(v) => {
              update({ time: v });
            }}
          />
        );
    }
  };
  return (
    <ol className="guide-steps">
      {visible.map((q) => (
        <li key={q}>{render(q)}</li>
      ))}
    </ol>
  );
}
