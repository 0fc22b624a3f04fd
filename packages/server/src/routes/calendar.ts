/**
 * `GET /api/v1/calendar?year=Y&owner=&terminated=` (JSON, same as `samverkan calendar --json`)
 * and `GET /api/v1/calendar.ics?year=Y&owner=` (iCalendar, same file as `--ics`). Stored
 * terminations are merged with `terminated=`: a terminated document's notice deadlines disappear.
 */
import Type from 'typebox';
import { calendarForYear, calendarYearRange, invalidInput, parseTermination, type CalendarEvent } from '@samverkan/core';
import type { RegisterRoutes } from '../app/app-context.js';
import { readResponses } from '../app/schemas.js';
import { calendarToIcs } from '../calendar/ics.js';
import { storedTerminations } from '../terminations/termination-store.js';

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
  const events = async (q: { year: number; owner?: string | undefined; terminated?: string[] | undefined }): Promise<CalendarEvent[]> => {
    const range = calendarYearRange(ctx.agreement);
    if (q.year < range.min || q.year > range.max)
      throw invalidInput(
        'year',
        `year: ${String(q.year)} ligger utanför tillåtet intervall ${String(range.min)}–${String(range.max)}.`,
        q.year,
      );
    const ids = ctx.agreement.documents.map((d) => d.id);
    const given = (q.terminated ?? []).map((t) => parseTermination(t, 'terminated', ids));
    const all = calendarForYear(ctx.agreement, q.year, [...(await storedTerminations(ctx.store.db)), ...given]);
    const owner = q.owner;
    return owner === undefined ? all : all.filter((e) => ownedBy(e, owner));
  };

  app.get(
    '/api/v1/calendar',
    { schema: { tags: ['kalender'], summary: 'Årshjulet för ett år', querystring: Query, response: readResponses } },
    async (request) => ({
      year: request.query.year,
      events: (await events(request.query)).map((e) => ({
        date: e.date,
        id: e.id,
        title: e.title,
        owner: e.owner,
        frequency: e.frequency,
        clauses: e.clauses,
        documents: e.documents,
        ...(e.dateNote === undefined ? {} : { dateNote: e.dateNote }),
      })),
    }),
  );

  app.get(
    '/api/v1/calendar.ics',
    { schema: { tags: ['kalender'], summary: 'Årshjulet som iCalendar (.ics)', querystring: Query } },
    async (request, reply) =>
      reply
        .type('text/calendar; charset=utf-8')
        .header('content-disposition', `attachment; filename="samverkan-arshjul-${String(request.query.year)}.ics"`)
        .send(calendarToIcs(ctx.agreement, request.query.year, await events(request.query))),
  );
};
