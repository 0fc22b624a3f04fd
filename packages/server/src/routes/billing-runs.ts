/**
 * Billing runs: `POST /api/v1/billing-runs { flow, period, allocationKey?, scope? }` bills what is
 * billable and not yet billed for the flow and period (month `2026-03`, half-year `2026-H1`, year
 * `2026`) as the next numbered run (Körning 1, Tilläggskörning 2, …), one draft basis per
 * seller–buyer pair (201); with nothing new it answers 200 with the latest run, `created: false`
 * and a note — two simultaneous requests give one run. A municipality economist's run is scoped
 * to their municipality; others may name a `scope`. `GET /api/v1/billing-runs` lists runs with
 * the number of bases the caller may see; `GET /api/v1/billing-runs/unbilled?flow=&period=` what
 * is not billed yet, per period.
 */
import Type from 'typebox';
import type { RegisterRoutes } from '../app/app-context.js';
import { authorize } from '../app/request-user.js';
import { createResponses, readResponses } from '../app/schemas.js';
import { billingFlows } from '../billing/periods.js';
import { listRuns, requireFlow, startBillingRun } from '../billing/run-store.js';
import { unbilled } from '../billing/unbilled.js';
import { withRunNames, withStartedRunNames } from '../billing/view-names.js';

const Flow = Type.String({ minLength: 1, maxLength: 40, description: `Flöde: ${billingFlows.join(', ')}` });
const Period = Type.String({
  pattern: '^\\d{4}(-(0[1-9]|1[0-2])|-H[12])?$',
  description: 'ÅÅÅÅ-MM (månad), ÅÅÅÅ-H1/H2 (halvår) eller ÅÅÅÅ (år)',
});

const Body = Type.Object(
  {
    flow: Flow,
    period: Period,
    allocationKey: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 100,
        description: 'Fördelningsnyckel (namn) för tilläggsbelopp och utvecklingsmedel; standard: den enda som gäller året',
      }),
    ),
    scope: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 40,
        description:
          'Begränsa körningen till en kommun (kod eller namn): bara underlag där kommunen är säljare eller köpare. En kommunekonoms körning gäller alltid den egna kommunen.',
      }),
    ),
  },
  { additionalProperties: false },
);
const ListQuery = Type.Object({ flow: Type.Optional(Flow), period: Type.Optional(Period) }, { additionalProperties: false });
const UnbilledQuery = Type.Object({ flow: Flow, period: Type.Optional(Period) }, { additionalProperties: false });

const UnbilledRecord = Type.Object({
  id: Type.String({ description: 'Postens id (import_rows)' }),
  line: Type.Integer({ description: 'Rad i den importerade filen' }),
  filename: Type.String(),
  date: Type.Union([Type.String(), Type.Null()]),
  summary: Type.String({ description: 'Vad posten skulle faktureras som' }),
});
const UnbilledPeriod = Type.Object({
  period: Type.String(),
  unbilledRecords: Type.Integer({
    minimum: 0,
    description: 'Ej fakturerade poster (postflöden), parter (fördelningsflöden) eller tvister (kostnadsreglering)',
  }),
  records: Type.Optional(Type.Array(UnbilledRecord, { description: 'De första 100 posterna, när en period efterfrågas' })),
  problem: Type.Optional(Type.String({ description: 'Varför perioden inte kunde beräknas (t.ex. saknat indexvärde)' })),
});
const UnbilledResponse = Type.Object({
  flow: Type.String(),
  counts: Type.Union([Type.Literal('records'), Type.Literal('pairs'), Type.Literal('disputes')]),
  periods: Type.Array(UnbilledPeriod),
});

/** Register the billing-run routes. */
export const registerBillingRuns: RegisterRoutes = (app, ctx) => {
  const tags = ['fakturering'];
  app.post(
    '/api/v1/billing-runs',
    {
      schema: {
        tags,
        summary: 'Starta nästa faktureringskörning (körning 1, tilläggskörning 2 …) för ett flöde och en period',
        body: Body,
        response: {
          ...createResponses,
          200: Type.Unknown({ description: 'Inget nytt att fakturera: den senaste körningen, created: false och en förklaring (note)' }),
          422: createResponses[400],
        },
      },
    },
    async (request, reply) => {
      const user = authorize(request, 'billing:run');
      const b = request.body;
      const started = await startBillingRun(ctx.store, ctx.agreement, user, {
        flow: b.flow,
        period: b.period,
        scope: b.scope,
        options: b.allocationKey === undefined ? {} : { allocationKey: b.allocationKey },
      });
      return reply.status(started.created ? 201 : 200).send(await withStartedRunNames(ctx.store.db, started));
    },
  );
  app.get(
    '/api/v1/billing-runs',
    { schema: { tags, summary: 'Faktureringskörningar', querystring: ListQuery, response: readResponses } },
    async (request) => {
      const user = authorize(request, 'records:read');
      return { billingRuns: await withRunNames(ctx.store.db, await listRuns(ctx.store.db, ctx.agreement, user, request.query)) };
    },
  );
  app.get(
    '/api/v1/billing-runs/unbilled',
    {
      schema: {
        tags,
        summary: 'Det som ännu inte är fakturerat, per period (kommunekonomer: där den egna kommunen är part)',
        querystring: UnbilledQuery,
        response: { ...readResponses, 200: UnbilledResponse },
      },
    },
    async (request) => {
      const user = authorize(request, 'records:read');
      const view = await unbilled(ctx.store.db, ctx.agreement, user, requireFlow(request.query.flow), request.query.period);
      return {
        flow: view.flow,
        counts: view.counts,
        periods: view.periods.map((p) => ({
          period: p.period,
          unbilledRecords: p.unbilledRecords,
          ...(p.records === undefined ? {} : { records: p.records.map((r) => ({ ...r })) }),
          ...(p.problem === undefined ? {} : { problem: p.problem }),
        })),
      };
    },
  );
};
