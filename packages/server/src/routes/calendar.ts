/**
 * `GET /api/v1/calendar?year=Y&owner=&terminated=` (JSON, same as `samverkan calendar --json`)
 * and `GET /api/v1/calendar.ics?year=Y&owner=` (iCalendar, same file as `--ics`).
 */
import Type from 'typebox';
import { calendarForYear, calendarYearRange, invalidInput, parseTermination, type CalendarEvent } from '@samverkan/core';
import type { RegisterRoutes } from '../app/app-context.js';
import { readResponses } from '../app/schemas.js';
import { calendarToIcs } from '../calendar/ics.js';

const Query = Type.Object(
  {
    year: Type.Integer({ description: 'Året, t.ex. 2026' }),
    owner: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'Bara åtaganden vars ansvarige innehåller texten' })),
    terminated: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 40 }), { maxItems: 20 })),
  },
  { additionalProperties: false },
);

function ownedBy(e: CalendarEvent, text: string): boolean {
  const needle = text.trim().toLocaleLowerCase('sv-SE');
  return [e.owner, e.ownerId].some((s) => s?.toLocaleLowerCase('sv-SE').includes(needle) === true);
}

/** Register the two calendar routes. */
export const registerCalendar: RegisterRoutes = (app, ctx) => {
  const events = (q: { year: number; owner?: string | undefined; terminated?: string[] | undefined }): CalendarEvent[] => {
    const range = calendarYearRange(ctx.agreement);
    if (q.year < range.min || q.year > range.max) throw invalidInput('year', `year: ${String(q.year)} ligger utanför tillåtet intervall ${String(range.min)}–${String(range.max)}.`, q.year);
    const ids = ctx.agreement.documents.map((d) => d.id);
    const all = calendarForYear(ctx.agreement, q.year, (q.terminated ?? []).map((t) => parseTermination(t, 'terminated', ids)));
    const owner = q.owner;
    return owner === undefined ? all : all.filter((e) => ownedBy(e, owner));
  };

  app.get('/api/v1/calendar', { schema: { tags: ['kalender'], summary: 'Årshjulet för ett år', querystring: Query, response: readResponses } }, (request) => ({
    year: request.query.year,
    events: events(request.query).map((e) => ({ date: e.date, id: e.id, title: e.title, owner: e.owner, frequency: e.frequency, clauses: e.clauses, documents: e.documents })),
  }));

  app.get('/api/v1/calendar.ics', { schema: { tags: ['kalender'], summary: 'Årshjulet som iCalendar (.ics)', querystring: Query } }, (request, reply) =>
    reply
      .type('text/calendar; charset=utf-8')
      .header('content-disposition', `attachment; filename="samverkan-arshjul-${String(request.query.year)}.ics"`)
      .send(calendarToIcs(ctx.agreement, request.query.year, events(request.query))),
  );
};
