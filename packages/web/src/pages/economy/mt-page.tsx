/**
 * MT fast del (MT.bilaga-1-fast-del): the yearly resource need 40 h + 12 min per registered
 * device, priced at the MT hourly rate, invoiced half-yearly in advance and split by each
 * municipality's share of the devices. Device counts are editable; the split updates as you type.
 */
import { useDeferredValue, useState, type ReactNode } from 'react';
import { Alert, Fieldset, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useApiCalculation } from '../../api/hooks.js';
import { useMunicipalities } from '../../api/municipalities.js';
import { CalculationSteps, type CalculationStep } from '../../components/calculation-steps.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { PageHeading } from '../../components/page-title.js';
import { formatOre } from '../../format/money.js';
import { formatInteger, formatShare } from '../../format/numbers.js';
import { SplitView } from './split-table.js';

/** MT's half-year fixed part (same JSON as `samverkan mt-fixed --json`). */
interface MtResult {
  readonly totalDevices: number;
  readonly rateOre: number;
  readonly yearlyOre: number;
  readonly halfOre: number;
  readonly snapshotDate: string;
  readonly allocations: readonly { readonly code: string; readonly name: string; readonly devices: number; readonly amountOre: number }[];
  readonly trace: { readonly steps: readonly CalculationStep[] };
}

/** The seed's worked example (inventory 2025-06-30), used as the starting scenario. */
const seedExample: Readonly<Record<string, string>> = {
  '2326': '50',
  '2305': '60',
  '2361': '96',
  '2309': '90',
  '2303': '41',
  '2313': '152',
  '2321': '53',
  '2380': '381',
};

/** The MT page. */
export default function MtPage(): ReactNode {
  const municipalities = useMunicipalities();
  const [period, setPeriod] = useState('2026-H1');
  const [devices, setDevices] = useState<Record<string, string>>(seedExample);
  const periodMatch = /^(\d{4})-H([12])$/.exec(period.trim());
  const bad = municipalities.filter((m) => !/^\d{1,6}$/.test((devices[m.code] ?? '').trim()));
  const valid = bad.length === 0 && municipalities.length > 0;
  const body = useDeferredValue(
    valid && periodMatch !== null
      ? {
          year: Number(periodMatch[1]),
          half: Number(periodMatch[2]),
          inventory: municipalities.map((m) => ({ municipality: m.code, devices: Number((devices[m.code] ?? '0').trim()) })),
        }
      : null,
  );
  const result = useApiCalculation<MtResult>('/calculations/mt-fixed', body, body !== null);
  const data = result.data;
  return (
    <div className="stack">
      <PageHeading title="MT fast del">MT fast del</PageHeading>
      <Paragraph>
        Årligt resursbehov: 40 timmar plus 12 minuter per registrerad inventarie, till MT:s timpris. Faktureras halvårsvis i förskott och
        fördelas efter varje kommuns andel av inventarierna.
      </Paragraph>
      <div className="scenario">
        <form
          className="scenario-panel no-print"
          aria-labelledby="mt-scenario"
          onSubmit={(e) => {
            e.preventDefault();
          }}
        >
          <Heading level={2} data-size="xs" id="mt-scenario">
            Underlag
          </Heading>
          <Textfield
            className="short-field"
            id="mt-period"
            label="Halvår"
            description="ÅÅÅÅ-H1 eller ÅÅÅÅ-H2."
            value={period}
            error={periodMatch ? undefined : 'Skriv halvåret som ÅÅÅÅ-H1 eller ÅÅÅÅ-H2, till exempel 2026-H1.'}
            onChange={(e) => {
              setPeriod(e.target.value);
            }}
          />
          <Fieldset>
            <Fieldset.Legend>Registrerade inventarier per kommun</Fieldset.Legend>
            <Fieldset.Description>Förifyllt med avtalets exempel från 2025-06-30.</Fieldset.Description>
            <div className="index-grid">
              {municipalities.map((m) => (
                <Textfield
                  key={m.code}
                  id={`mt-devices-${m.code}`}
                  label={m.name}
                  inputMode="numeric"
                  value={devices[m.code] ?? ''}
                  error={bad.includes(m) ? 'Skriv antalet som ett heltal.' : undefined}
                  onChange={(e) => {
                    setDevices((old) => ({ ...old, [m.code]: e.target.value }));
                  }}
                />
              ))}
            </div>
          </Fieldset>
        </form>
        <section aria-labelledby="mt-result" aria-busy={result.isFetching} className="stack">
          <Heading level={2} data-size="xs" id="mt-result">
            Fördelning
          </Heading>
          {(!valid || periodMatch === null) && municipalities.length > 0 ? (
            <Alert data-color="warning">Rätta de markerade fälten så räknas fördelningen om.</Alert>
          ) : null}
          {result.isError ? <ErrorAlert error={result.error} /> : null}
          {data ? (
            <>
              <dl className="facts">
                <dt>Inventarier totalt</dt>
                <dd>
                  {formatInteger(data.totalDevices)} (inventering {data.snapshotDate})
                </dd>
                <dt>Timersättning</dt>
                <dd>{formatOre(data.rateOre)}</dd>
                <dt>Årskostnad</dt>
                <dd>{formatOre(data.yearlyOre)}</dd>
                <dt>Halvårsfaktura {period.trim()}</dt>
                <dd className="totals">
                  <strong>{formatOre(data.halfOre)}</strong>
                </dd>
              </dl>
              <SplitView
                rows={data.allocations.map((r) => ({
                  ...r,
                  measure: formatInteger(r.devices),
                  share: formatShare(r.devices, data.totalDevices),
                }))}
                caption={`MT fast del ${period.trim()} per kommun`}
                measureLabel="Inventarier"
              />
              <Heading level={3} data-size="2xs">
                Beräkningen steg för steg
              </Heading>
              <CalculationSteps steps={data.trace.steps} />
            </>
          ) : null}
        </section>
      </div>
    </div>
  );
}
