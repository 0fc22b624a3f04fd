/**
 * `GET /api/v1/index-values[?series=&history=true]` (signed in), `POST /api/v1/index-values`
 * (administrator): a new version of one series–year value, audited, and
 * `GET /api/v1/index-values/:series/:year/bases` (signed in): the invoice bases computed with each
 * version, from their traces (reference/index-value-bases.ts; scoped like the bases).
 */
import Type from 'typebox';
import type { RegisterRoutes } from '../app/app-context.js';
import { authorize } from '../app/request-user.js';
import { actorOf } from '../auth/session-user.js';
import { createResponses, DecimalText, IsoDateSchema, readResponses } from '../app/schemas.js';
import { listIndexValues, recordIndexValue } from '../reference/index-values.js';
import { indexValueBases } from '../reference/index-value-bases.js';

const Series = Type.Union([Type.Literal('VPI'), Type.Literal('OPI'), Type.Literal('LPIK')]);

const Body = Type.Object(
  {
    series: Series,
    year: Type.Integer({ minimum: 1990, maximum: 2200 }),
    percent: DecimalText,
    kind: Type.Optional(Type.Union([Type.Literal('outcome'), Type.Literal('forecast')], { description: 'utfall eller prognos' })),
    publishedOn: Type.Optional(IsoDateSchema),
    source: Type.String({ minLength: 1, maxLength: 500, description: 'Källa, t.ex. "SKR cirkulär 25:12"' }),
    decisionRef: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'Beslutsreferens' })),
  },
  { additionalProperties: false },
);

const Query = Type.Object({ series: Type.Optional(Series), history: Type.Optional(Type.Boolean()) }, { additionalProperties: false });
const BasesParams = Type.Object({ series: Series, year: Type.Integer({ minimum: 1990, maximum: 2200 }) });

/** Register the index-value routes. */
export const registerIndexValues: RegisterRoutes = (app, ctx) => {
  app.get(
    '/api/v1/index-values',
    {
      schema: {
        tags: ['referensdata'],
        summary: 'Indexvärden (gällande version, eller alla med history=true)',
        querystring: Query,
        response: readResponses,
      },
    },
    async (request) => {
      authorize(request, 'reference:read');
      return { indexValues: await listIndexValues(ctx.store.db, request.query) };
    },
  );
  app.get(
    '/api/v1/index-values/:series/:year/bases',
    {
      schema: {
        tags: ['referensdata'],
        summary: 'Fakturaunderlag beräknade med varje version av ett indexvärde (ur underlagens spårbarhet)',
        params: BasesParams,
        response: readResponses,
      },
    },
    async (request) => {
      const user = authorize(request, 'reference:read');
      authorize(request, 'records:read');
      return indexValueBases(ctx.store.db, ctx.agreement, user, request.params.series, request.params.year);
    },
  );
  app.post(
    '/api/v1/index-values',
    {
      schema: {
        tags: ['referensdata'],
        summary: 'Registrera ett indexvärde (ny version; granskningsloggas)',
        body: Body,
        response: createResponses,
      },
    },
    async (request, reply) => {
      const user = authorize(request, 'reference:change');
      const saved = await recordIndexValue(ctx.store, request.body, actorOf(user));
      return reply.status(201).send({ indexValue: saved });
    },
  );
};
