/**
 * Tilläggsbelopp (TILL): the yearly reconciliation and the split per municipality, with a scenario
 * panel — number of connected persons, LPIK index values, the revision policy (I3) and the start
 * of the index uplift (I5) — recalculated by the service as you type.
 */
import { useDeferredValue, useMemo, useState, type ReactNode } from 'react';
import { Alert, Fieldset, Heading, Paragraph, Radio, Select, Textfield } from '@digdir/designsystemet-react';
import { errorField } from '../../api/errors.js';
import { useApiCalculation, useApiQuery } from '../../api/hooks.js';
import { CalculationSteps, type CalculationStep } from '../../components/calculation-steps.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { SelectField } from '../../components/select-field.js';
import { PageHeading } from '../../components/page-title.js';
import { formatOre } from '../../format/money.js';
import { formatInteger } from '../../format/numbers.js';
import { todayInSweden } from '../../format/dates.js';
import { SplitView } from './split-table.js';

/** The reconciliation (same JSON as `samverkan tillaggsbelopp --json`). */
interface TillResult {
  readonly year: number;
  readonly connected: number;
  readonly lower: number;
  readonly upper: number;
  readonly inside: boolean;
  readonly policy: string;
  /** The tilläggsbelopp for the year after index uplift. */
  readonly baseOre: number;
  readonly adjustmentPerPersonOre: number;
  readonly adjustmentOre: number;
  readonly totalOre: number;
  readonly allocations: readonly { readonly code: string; readonly name: string; readonly amountOre: number }[];
  readonly keyIsExample: boolean;
  readonly keyNote?: string;
  readonly steps: readonly CalculationStep[];
}

const decimalPattern = /^[+-−]?\d+(?:[.,]\d+)?$/;

/** The Tilläggsbelopp page. */
export default function TillaggsbeloppPage(): ReactNode {
  const thisYear = Number(todayInSweden().slice(0, 4));
  const [year, setYear] = useState(String(Math.max(2026, thisYear)));
  const [persons, setPersons] = useState('150');
  const [lpik, setLpik] = useState<Record<string, string>>({});
  const [policy, setPolicy] = useState<'beyond-bound' | 'from-reference'>('beyond-bound');
  const [indexStart, setIndexStart] = useState<'full-chain' | 'from-2026'>('full-chain');
  const [allocationKey, setAllocationKey] = useState('');
  const keys = useApiQuery<{ allocationKeys: readonly { name: string; title: string; example: boolean }[] }>('/allocation-keys');

  const yearOk = /^\d{4}$/.test(year) && Number(year) >= 2026;
  const personsOk = /^\d{1,5}$/.test(persons.trim());
  const indexYears = useMemo(() => {
    const y = yearOk ? Number(year) : 2026;
    const first = indexStart === 'full-chain' ? 2025 : 2026;
    const out: number[] = [];
    for (let i = first; i <= y; i++) out.push(i);
    return out;
  }, [year, yearOk, indexStart]);
  const indexErrors = Object.fromEntries(
    indexYears.map((y) => [y, (lpik[y] ?? '').trim() !== '' && !decimalPattern.test((lpik[y] ?? '').trim())]),
  );
  const valid = yearOk && personsOk && !Object.values(indexErrors).some(Boolean);

  // Stored LPIK values are the default; a value typed here is a scenario and is sent as an override.
  const stored = useApiQuery<{ indexValues: readonly { series: string; year: number; percent: string }[] }>('/index-values?series=LPIK');
  const storedPercent = (y: number): string | undefined => stored.data?.indexValues.find((v) => v.year === y)?.percent.replace('.', ',');
  const shownPercent = (y: number): string => lpik[y] ?? storedPercent(y) ?? '';
  const overrides = indexYears.filter((y) => lpik[y] !== undefined && lpik[y].trim() !== '' && lpik[y].trim() !== storedPercent(y));
  const body = useDeferredValue(
    valid
      ? {
          year: Number(year),
          connected: Number(persons.trim()),
          policy,
          indexStart,
          ...(allocationKey === '' ? {} : { allocationKey }),
          ...(overrides.length > 0
            ? {
                index: indexYears
                  .filter((y) => shownPercent(y).trim() !== '')
                  .map((y) => ({ series: 'LPIK', year: y, percent: shownPercent(y).trim().replace(',', '.').replace('−', '-') })),
              }
            : {}),
        }
      : null,
  );
  const result = useApiCalculation<TillResult>('/calculations/tillaggsbelopp', body, body !== null);

  return (
    <div className="stack">
      <PageHeading title="Tilläggsbelopp">Tilläggsbelopp</PageHeading>
      <Paragraph>
        Tilläggsbeloppet (3 735 428 kr i 2024 års nivå) räknas upp med LPIK, stäms av mot antalet personer som varit anslutna till
        Storsjögläntan under året och fördelas mellan kommunerna med resursfördelningsnyckeln. Ändra värdena till vänster – resultatet
        räknas om medan du skriver.
      </Paragraph>
      <div className="scenario">
        <form
          className="scenario-panel no-print"
          aria-labelledby="scenario-heading"
          onSubmit={(e) => {
            e.preventDefault();
          }}
        >
          <Heading level={2} data-size="xs" id="scenario-heading">
            Scenario
          </Heading>
          <Textfield
            className="short-field"
            id="till-year"
            label="År som stäms av"
            inputMode="numeric"
            value={year}
            error={yearOk ? undefined : 'Skriv ett år från 2026 med fyra siffror, till exempel 2026.'}
            onChange={(e) => {
              setYear(e.target.value);
            }}
          />
          <Textfield
            className="short-field"
            id="till-persons"
            label="Antal anslutna personer under året"
            description="Unika personer som varit anslutna till Storsjögläntan någon gång under året (tolkning I13)."
            inputMode="numeric"
            value={persons}
            error={personsOk ? undefined : 'Skriv antalet personer som ett heltal, till exempel 150.'}
            onChange={(e) => {
              setPersons(e.target.value);
            }}
          />
          <Fieldset>
            <Fieldset.Legend>LPIK, årlig förändring i procent</Fieldset.Legend>
            <Fieldset.Description>
              Förifyllt med de indexvärden som är inlagda i tjänsten. Ändra ett värde för att pröva ett scenario.
            </Fieldset.Description>
            <div className="index-grid">
              {indexYears.map((y) => (
                <Textfield
                  key={y}
                  id={`till-lpik-${String(y)}`}
                  label={`LPIK ${String(y)}`}
                  inputMode="decimal"
                  suffix="%"
                  value={shownPercent(y)}
                  error={indexErrors[y] ? 'Skriv procent med decimalkomma, till exempel 3,1.' : undefined}
                  onChange={(e) => {
                    setLpik((old) => ({ ...old, [y]: e.target.value }));
                  }}
                />
              ))}
            </div>
          </Fieldset>
          <SelectField id="till-key" label="Fördelningsnyckel" value={allocationKey} onChange={setAllocationKey}>
            <Select.Option value="">Avtalets exempelnyckel (standard)</Select.Option>
            {[...new Map((keys.data?.allocationKeys ?? []).map((k) => [k.name, k])).values()].map((k) => (
              <Select.Option key={k.name} value={k.name}>
                {k.title}
                {k.example ? ' (exempel)' : ''}
              </Select.Option>
            ))}
          </SelectField>
          <Fieldset>
            <Fieldset.Legend>Revidering utanför normalvariationen (tolkning I3)</Fieldset.Legend>
            <Radio
              name="till-policy"
              value="beyond-bound"
              label="Personer utanför närmaste gräns (standard)"
              description="± justeringsbelopp × antal personer över övre eller under nedre gränsen."
              checked={policy === 'beyond-bound'}
              onChange={() => {
                setPolicy('beyond-bound');
              }}
            />
            <Radio
              name="till-policy"
              value="from-reference"
              label="Från referensantalet 144"
              description="justeringsbelopp × (antal − 144)."
              checked={policy === 'from-reference'}
              onChange={() => {
                setPolicy('from-reference');
              }}
            />
          </Fieldset>
          <Fieldset>
            <Fieldset.Legend>Indexuppräkningens start (tolkning I5)</Fieldset.Legend>
            <Radio
              name="till-index-start"
              value="full-chain"
              label="Hela kedjan från 2024 års nivå (standard)"
              description="2026 = 2024 × (1 + LPIK 2025) × (1 + LPIK 2026)."
              checked={indexStart === 'full-chain'}
              onChange={() => {
                setIndexStart('full-chain');
              }}
            />
            <Radio
              name="till-index-start"
              value="from-2026"
              label="Först från 2026"
              description="2026 = 2024 × (1 + LPIK 2026)."
              checked={indexStart === 'from-2026'}
              onChange={() => {
                setIndexStart('from-2026');
              }}
            />
          </Fieldset>
        </form>
        <section aria-labelledby="till-result-heading" aria-busy={result.isFetching} className="stack">
          <Heading level={2} data-size="xs" id="till-result-heading">
            Resultat
          </Heading>
          {!valid ? <Alert data-color="warning">Rätta de markerade fälten så räknas resultatet om.</Alert> : null}
          {result.isError ? (
            /^(body\.)?index$/.test(errorField(result.error) ?? '') ? (
              // The service computes only with stored index values; an own value must be stored first.
              <Alert data-color="warning" role="alert">
                Tjänsten räknar ännu bara med de indexvärden som är inlagda. Återställ LPIK-värdet, eller lägg in det under Administration →
                Indexvärden för att pröva det.
              </Alert>
            ) : (
              <ErrorAlert error={result.error} />
            )
          ) : null}
          {result.data ? (
            <>
              <dl className="facts" aria-live="polite">
                <dt>Tilläggsbelopp {result.data.year} efter index</dt>
                <dd>{formatOre(result.data.baseOre)}</dd>
                <dt>Anslutna personer</dt>
                <dd>
                  {formatInteger(result.data.connected)} (normalvariation {formatInteger(result.data.lower)}–
                  {formatInteger(result.data.upper)}, {result.data.inside ? 'inom intervallet' : 'utanför intervallet'})
                </dd>
                <dt>Justeringsbelopp per person</dt>
                <dd>{formatOre(result.data.adjustmentPerPersonOre)}</dd>
                <dt>Revidering</dt>
                <dd>{formatOre(result.data.adjustmentOre)}</dd>
                <dt>Att fördela</dt>
                <dd className="totals">
                  <strong data-testid="till-total">{formatOre(result.data.totalOre)}</strong>
                </dd>
              </dl>
              {result.data.keyIsExample ? (
                <Alert data-color="info">
                  {result.data.keyNote ?? 'Fördelningsnyckeln är ett exempel, inte en beslutad nyckel.'} Lägg in den beslutade nyckeln under
                  Administration → Fördelningsnycklar.
                </Alert>
              ) : null}
              <SplitView rows={result.data.allocations} caption={`Tilläggsbelopp ${String(result.data.year)} per kommun`} />
              <Heading level={3} data-size="2xs">
                Beräkningen steg för steg
              </Heading>
              <CalculationSteps steps={result.data.steps} />
            </>
          ) : null}
        </section>
      </div>
    </div>
  );
}
