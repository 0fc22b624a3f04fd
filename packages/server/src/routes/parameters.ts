/**
 * `GET /api/v1/parameters` (signed in): every parameter of the agreement with its shipped values,
 * the recorded values, and the effective values calculations use. `POST /api/v1/parameters`
 * (administrator): a new value version with validity, source and decision reference, audited.
 */
import Type from 'typebox';
import type { RegisterRoutes } from '../app/app-context.js';
import { authorize } from '../app/request-user.js';
import { actorOf } from '../auth/session-user.js';
import { createResponses, IsoDateSchema, readResponses } from '../app/schemas.js';
import { listParameterValues, recordParameterValue } from '../reference/parameter-values.js';
import { mergeParameterValues } from '../reference/effective-agreement.js';

const Body = Type.Object(
  {
    parameterId: Type.String({ minLength: 1, maxLength: 200 }),
    validFrom: IsoDateSchema,
    validTo: Type.Optional(IsoDateSchema),
    value: Type.Union([Type.Integer(), Type.String({ pattern: '^-?\\d+([.,]\\d+)?$' })], {
      description: 'Heltal (öre, minuter, antal) eller exakt decimaltal som text',
    }),
    baseYear: Type.Optional(Type.Integer({ minimum: 1990, maximum: 2200 })),
    source: Type.String({ minLength: 1, maxLength: 500 }),
    decisionRef: Type.String({ minLength: 1, maxLength: 200, description: 'Beslutsreferens (krävs)' }),
  },
  { additionalProperties: false },
);

/** Register the parameter routes. */
export const registerParameters: RegisterRoutes = (app, ctx) => {
  app.get(
    '/api/v1/parameters',
    {
      schema: {
        tags: ['referensdata'],
        summary: 'Parametrar: avtalets värden, beslutade värden och gällande värden',
        querystring: Type.Object({ history: Type.Optional(Type.Boolean()) }, { additionalProperties: false }),
        response: readResponses,
      },
    },
    async (request) => {
      authorize(request, 'reference:read');
      const recorded = await listParameterValues(ctx.store.db, request.query.history === true);
      const effective = mergeParameterValues(
        ctx.agreement,
        request.query.history === true ? await listParameterValues(ctx.store.db) : recorded,
      );
      return {
        parameters: [...ctx.agreement.parameters.values()].map((p) => ({
          id: p.id,
          title: p.title,
          unit: p.unit,
          clause: p.clause,
          interpretations: p.interpretations ?? [],
          indexation: p.indexation ?? null,
          agreementValues: p.values,
          recordedValues: recorded.filter((r) => r.parameterId === p.id),
          effectiveValues: effective.parameters.get(p.id)?.values ?? p.values,
        })),
      };
    },
  );
  app.post(
    '/api/v1/parameters',
    {
      schema: {
        tags: ['referensdata'],
        summary: 'Registrera ett beslutat parametervärde (ny version; granskningsloggas)',
        body: Body,
        response: createResponses,
      },
    },
    async (request, reply) => {
      const user = authorize(request, 'reference:change');
      const saved = await recordParameterValue(ctx.store, ctx.agreement, request.body, actorOf(user));
      return reply.status(201).send({ parameterValue: saved });
    },
  );
};
