/**
 * `GET /api/v1/agreements?on=DATE&terminated=DOC=DATE`: each document's validity period, notice
 * deadline, renewal and status on a date, given the terminations stored (POST
 * /api/v1/terminations) merged with any given as `terminated=`. Same core function and same JSON
 * as `samverkan agreements --json` (pinned by a test against the CLI).
 */
import Type from 'typebox';
import { agreementLifecycle, parseDate, parseTermination, todayInStockholm } from '@samverkan/core';
import type { RegisterRoutes } from '../app/app-context.js';
import { IsoDateSchema, readResponses } from '../app/schemas.js';
import { storedTerminations } from '../terminations/termination-store.js';

const Query = Type.Object(
  {
    on: Type.Optional(IsoDateSchema),
    terminated: Type.Optional(
      Type.Array(Type.String({ minLength: 1, maxLength: 40 }), {
        maxItems: 20,
        description: 'Registrerad uppsägning DOK=DATUM (ALL för hela avtalet); kan upprepas',
      }),
    ),
  },
  { additionalProperties: false },
);

/** Register the agreements route. */
export const registerAgreements: RegisterRoutes = (app, ctx) => {
  app.get(
    '/api/v1/agreements',
    {
      schema: {
        tags: ['kalender'],
        summary: 'Dokumentens giltighet, uppsägningsdag och status ett visst datum',
        querystring: Query,
        response: readResponses,
      },
    },
    async (request) => {
      const on = request.query.on === undefined ? todayInStockholm() : parseDate(request.query.on, 'on');
      const ids = ctx.agreement.documents.map((d) => d.id);
      const given = (request.query.terminated ?? []).map((t) => parseTermination(t, 'terminated', ids));
      const terminations = [...(await storedTerminations(ctx.store.db)), ...given];
      const rows = agreementLifecycle(ctx.agreement, on, terminations);
      return {
        on: on.toString(),
        agreements: rows.map((r) => ({
          id: r.id,
          title: r.title,
          part: r.part,
          periodStart: r.periodStart,
          periodEnd: r.periodEnd,
          noticeDeadline: r.noticeDeadline,
          autoRenews: r.autoRenews,
          status: r.status,
        })),
      };
    },
  );
};
