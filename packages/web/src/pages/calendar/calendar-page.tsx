/**
 * Årshjul: the year's obligations from the agreement (agreement.md, Recurring obligations) as a
 * wheel of twelve months and as a list, filterable by owner, downloadable as iCalendar (.ics).
 */
import { useState, type ReactNode } from 'react';
import { Field, Heading, Label, Link, Paragraph, Select, Tag, Textfield } from '@digdir/designsystemet-react';
import { API_BASE, query } from '../../api/client.js';
import { useApiQuery } from '../../api/hooks.js';
import { PageHeading } from '../../components/page-title.js';
import { QueryView } from '../../components/query-view.js';
import { MONTHS_SV, positionInYear, todayInSweden } from '../../format/dates.js';
import { Wheel } from './wheel.js';
import { itemsOf, timingOf, type CalendarItem, type CalendarResponse } from './types.js';
import './calendar.css';

/** The Årshjul page. */
export default function CalendarPage(): ReactNode {
  const today = todayInSweden();
  const thisYear = Number(today.slice(0, 4));
  const [yearText, setYearText] = useState(String(thisYear));
  const [owner, setOwner] = useState('');
  const yearValid = /^\d{4}$/.test(yearText) && Number(yearText) >= 2026 && Number(yearText) <= 2100;
  const year = yearValid ? Number(yearText) : thisYear;
  const all = useApiQuery<CalendarResponse>(`/calendar${query({ year })}`, { keepPrevious: true });
  const filtered = useApiQuery<CalendarResponse>(owner === '' ? undefined : `/calendar${query({ year, owner })}`, { keepPrevious: true });
  const owners = all.data
    ? [...new Set(itemsOf(all.data).flatMap((i) => (i.owner ? [i.owner] : [])))].sort((a, b) => a.localeCompare(b, 'sv'))
    : [];
  const shown = owner === '' ? all : filtered;
  const icsHref = `${API_BASE}/calendar.ics${query({ year, owner: owner === '' ? undefined : owner })}`;
  return (
    <div className="stack">
      <PageHeading title="Årshjul">Årshjul</PageHeading>
      <Paragraph>
        Återkommande åtaganden enligt samverkansavtalet: avstämningar, indexuppräkningar, uppföljningar, fakturering och sista dag för
        uppsägning. Ladda ner kalenderfilen för att få in datumen i din egen kalender.
      </Paragraph>
      <div className="row no-print">
        <Textfield
          className="short-field"
          id="cal-year"
          label="År"
          inputMode="numeric"
          value={yearText}
          error={yearValid ? undefined : 'Skriv ett år med fyra siffror från 2026, till exempel 2027.'}
          onChange={(e) => {
            setYearText(e.target.value);
          }}
        />
        <Field>
          <Label htmlFor="cal-owner">Ansvarig</Label>
          <Select
            id="cal-owner"
            value={owner}
            onChange={(e) => {
              setOwner(e.target.value);
            }}
          >
            <Select.Option value="">Alla</Select.Option>
            {owners.map((name) => (
              <Select.Option key={name} value={name}>
                {name}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <Link href={icsHref} download={`arshjul-${String(year)}.ics`} className="ics-link">
          Ladda ner årshjulet {year} som kalenderfil (.ics)
        </Link>
      </div>
      <QueryView query={shown} label="årshjulet">
        {(data) => {
          const items = itemsOf(data);
          return (
            <div className="calendar-layout">
              <div className="calendar-wheel">
                <Wheel
                  year={year}
                  items={items.map((i) => ({ id: i.id, title: i.title, due: i.date }))}
                  {...(year === thisYear ? { currentMonth: Number(today.slice(5, 7)) } : {})}
                />
              </div>
              <div className="calendar-list">
                <Heading level={2} data-size="sm">
                  Åtaganden {year}
                  {owner === '' ? '' : ` – ${owner}`}
                </Heading>
                {items.length === 0 ? <Paragraph>Inga åtaganden för det valet. Välj ”Alla” eller ett annat år.</Paragraph> : null}
                {MONTHS_SV.map((m, i) => {
                  const inMonth = items.filter((it) => positionInYear(it.date)?.month === i + 1);
                  if (inMonth.length === 0) return null;
                  return (
                    <section key={m} aria-labelledby={`month-${String(i)}`}>
                      <Heading level={3} data-size="xs" id={`month-${String(i)}`} className="month-heading">
                        {m[0]?.toUpperCase()}
                        {m.slice(1)}
                      </Heading>
                      <ul className="obligation-list">
                        {inMonth.map((it: CalendarItem) => {
                          const timing = timingOf(it.date, today);
                          return (
                            <li key={`${it.id}-${it.date}`} className={`timing-${timing.kind}`} data-timing={timing.kind}>
                              <time dateTime={it.date}>{it.date}</time> {it.title}{' '}
                              {timing.kind === 'later' ? null : (
                                <Tag
                                  data-color={timing.kind === 'past' ? 'neutral' : timing.kind === 'today' ? 'danger' : 'warning'}
                                  data-size="sm"
                                  className="timing-tag"
                                >
                                  {timing.kind === 'past'
                                    ? 'Passerat'
                                    : timing.kind === 'today'
                                      ? 'I dag'
                                      : timing.days === 1
                                        ? 'I morgon'
                                        : `Om ${String(timing.days)} dagar`}
                                </Tag>
                              )}
                              {it.dateNote === undefined ? null : (
                                <>
                                  <br />
                                  <span className="muted date-note">Obs: {it.dateNote}.</span>
                                </>
                              )}
                              <br />
                              <span className="muted">
                                {it.owner ? `Ansvarig: ${it.owner}. ` : ''}
                                {it.clauses.length > 0 ? 'Källa: ' : ''}
                              </span>
                              {it.clauses.map((c) => (
                                <Tag key={c} data-color="neutral" data-size="sm">
                                  {c}
                                </Tag>
                              ))}
                            </li>
                          );
                        })}
                      </ul>
                    </section>
                  );
                })}
              </div>
            </div>
          );
        }}
      </QueryView>
    </div>
  );
}
