/**
 * Gemensamma utvecklingsmedel (GEMUTV): budget and outcome per development area and year, with
 * the deviation; financed 50 % by the region and 50 % by the municipalities (I10). The figures are
 * the service's `development-budgets` records; a new figure is entered as a one-row import.
 */
import { useMemo, useState, type SubmitEvent, type ReactNode } from 'react';
import { Alert, Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { query } from '../../api/client.js';
import { userMessage } from '../../api/errors.js';
import { useApiMutation, useApiQuery } from '../../api/hooks.js';
import { can } from '../../auth/roles.js';
import { useSession } from '../../auth/session.js';
import { BarChart } from '../../components/bar-chart.js';
import { PageHeading } from '../../components/page-title.js';
import { QueryView } from '../../components/query-view.js';
import { ScrollTable } from '../../components/scroll-table.js';
import { todayInSweden } from '../../format/dates.js';
import { formatOre, parseKronorInput } from '../../format/money.js';
import { budgetCsv, type AreaFollowUp, type AreaYear, type FollowUp } from './development-data.js';
import { formatPercent } from '../../format/numbers.js';

function Chart({ rows, year }: { readonly rows: readonly AreaFollowUp[]; readonly year: number }): ReactNode {
  const bars = useMemo(
    () =>
      rows.flatMap((r) => [
        { label: r.area, valueOre: r.budgetOre, series: 'Budget' },
        { label: r.area, valueOre: r.outcomeOre, series: 'Utfall' },
      ]),
    [rows],
  );
  return (
    <figure className="figure">
      <BarChart
        bars={bars}
        summary={`Budget och utfall ${String(year)} per utvecklingsområde för ${String(rows.length)} områden. Beloppen finns i tabellen.`}
      />
      <figcaption>Budget (blå) och utfall (orange) per område {year}. Samma siffror finns i tabellen.</figcaption>
    </figure>
  );
}

type Key = 'area' | 'budget' | 'outcome';

function EntryForm({ year }: { readonly year: number }): ReactNode {
  const [v, setV] = useState<Record<Key, string>>({ area: 'Ekonomisk analys och uppföljning', budget: '', outcome: '' });
  const [errors, setErrors] = useState<Partial<Record<Key, string>>>({});
  const save = useApiMutation<{ alreadyImported: boolean }, AreaYear>(
    (row) => ({
      path: `/imports/development-budgets${query({ filename: `utvecklingsmedel-${String(row.year)}.csv` })}`,
      raw: budgetCsv(row),
      contentType: 'text/csv',
    }),
    ['/development-funds', '/records', '/imports'],
  );
  function submit(e: SubmitEvent): void {
    e.preventDefault();
    const found: Partial<Record<Key, string>> = {};
    if (v.area.trim() === '') found.area = 'Skriv utvecklingsområdets namn.';
    const budget = parseKronorInput(v.budget);
    if (!budget.ok) found.budget = budget.message;
    const outcome = v.outcome.trim() === '' ? null : parseKronorInput(v.outcome);
    if (outcome && !outcome.ok) found.outcome = outcome.message;
    setErrors(found);
    const first = Object.keys(found)[0];
    if (first || !budget.ok || (outcome && !outcome.ok)) {
      if (first) document.getElementById(`dev-${first}`)?.focus();
      return;
    }
    save.mutate({ area: v.area.trim(), year, budgetOre: budget.ore, outcomeOre: outcome ? outcome.ore : null });
  }
  return (
    <form className="stack narrow" noValidate onSubmit={submit}>
      <Textfield
        id="dev-area"
        label="Utvecklingsområde"
        value={v.area}
        error={errors.area}
        onChange={(e) => {
          setV({ ...v, area: e.target.value });
        }}
      />
      <Textfield
        id="dev-budget"
        label={`Budget ${String(year)} (kronor)`}
        inputMode="decimal"
        value={v.budget}
        error={errors.budget}
        onChange={(e) => {
          setV({ ...v, budget: e.target.value });
        }}
      />
      <Textfield
        id="dev-outcome"
        label={`Utfall ${String(year)} (kronor, valfritt)`}
        inputMode="decimal"
        value={v.outcome}
        error={errors.outcome}
        onChange={(e) => {
          setV({ ...v, outcome: e.target.value });
        }}
      />
      {save.isError ? (
        <Alert data-color="danger" role="alert">
          {userMessage(save.error)}
        </Alert>
      ) : null}
      {save.isSuccess ? (
        <Alert data-color="success">
          {save.data.alreadyImported ? 'Värdena var redan inlagda; inget ändrades.' : 'Budget och utfall är sparade.'}
        </Alert>
      ) : null}
      <div>
        <Button type="submit" disabled={save.isPending}>
          Spara budget och utfall
        </Button>
      </div>
    </form>
  );
}

/** The development funds page. */
export default function DevelopmentPage(): ReactNode {
  const { user } = useSession();
  const year = Number(todayInSweden().slice(0, 4));
  const [yearText, setYearText] = useState(String(year));
  const shownYear = /^\d{4}$/.test(yearText) ? Number(yearText) : year;
  const followUp = useApiQuery<FollowUp>(`/development-funds${query({ year: shownYear })}`, { keepPrevious: true });
  return (
    <div className="stack">
      <PageHeading title="Utvecklingsmedel">Gemensamma utvecklingsmedel</PageHeading>
      <Paragraph>
        Utvecklingsmedlen finansieras till hälften av regionen och till hälften av länets kommuner. Budget och utfall följs upp årligen per
        utvecklingsområde och presenteras vid det regionala samverkansseminariet.
      </Paragraph>
      <Textfield
        className="short-field"
        id="dev-year"
        label="År"
        inputMode="numeric"
        value={yearText}
        error={/^\d{4}$/.test(yearText) ? undefined : 'Skriv året med fyra siffror, till exempel 2026.'}
        onChange={(e) => {
          setYearText(e.target.value);
        }}
      />
      <QueryView query={followUp} label="utvecklingsmedlen">
        {({ areas: rows, totals }) => {
          return rows.length === 0 ? (
            <Paragraph>
              Det finns ingen budget för {shownYear} ännu. Lägg in den nedan eller importera en fil av typen Gemensamma utvecklingsmedel.
            </Paragraph>
          ) : (
            <>
              <Chart rows={rows} year={shownYear} />
              <ScrollTable caption={`Budget och utfall ${String(shownYear)} per område`}>
                <thead>
                  <tr>
                    <th scope="col">Område</th>
                    <th scope="col" className="num">
                      Budget
                    </th>
                    <th scope="col" className="num">
                      Utfall
                    </th>
                    <th scope="col" className="num">
                      Avvikelse (budget − utfall)
                    </th>
                    <th scope="col" className="num">
                      Förbrukat
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r) => (
                    <tr key={r.area}>
                      <th scope="row">{r.area}</th>
                      <td className="num">{formatOre(r.budgetOre)}</td>
                      <td className="num">{formatOre(r.outcomeOre)}</td>
                      <td className="num">{formatOre(r.deviationOre)}</td>
                      <td className="num">{r.usedPercent === null ? '–' : formatPercent(r.usedPercent)}</td>
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr>
                    <th scope="row">Summa</th>
                    <td className="num">{formatOre(totals.budgetOre)}</td>
                    <td className="num">{formatOre(totals.outcomeOre)}</td>
                    <td className="num">{formatOre(totals.deviationOre)}</td>
                    <td className="num">{totals.usedPercent === null ? '–' : formatPercent(totals.usedPercent)}</td>
                  </tr>
                </tfoot>
              </ScrollTable>
            </>
          );
        }}
      </QueryView>
      {can(user ?? undefined, 'economy.development.change') ? (
        <section aria-labelledby="dev-entry" className="section stack">
          <Heading level={2} data-size="xs" id="dev-entry">
            Lägg in budget och utfall för {shownYear}
          </Heading>
          <EntryForm year={shownYear} />
        </section>
      ) : null}
    </div>
  );
}
