/** `GET /api/v1/allocation-keys` (signed in) and `POST /api/v1/allocation-keys` (administrator, audited). */
import Type from 'typebox';
import type { RegisterRoutes } from '../app/app-context.js';
import { authorize } from '../app/request-user.js';
import { actorOf } from '../auth/session-user.js';
import { createResponses, DecimalText, IsoDateSchema, readResponses } from '../app/schemas.js';
import { listAllocationKeys, recordAllocationKey } from '../reference/allocation-keys.js';

const Factor = Type.Object(
  {
    id: Type.String({ minLength: 1, maxLength: 100 }),
    name: Type.String({ minLength: 1, maxLength: 200 }),
    weight: DecimalText,
    measure: Type.String({ minLength: 1, maxLength: 300, description: 'Vad som mäts, t.ex. "Invånare 80 år och äldre"' }),
    source: Type.String({ minLength: 1, maxLength: 500 }),
    decision: Type.Optional(Type.String({ minLength: 1, maxLength: 300 })),
    values: Type.Record(Type.String({ pattern: '^\\d{4}$' }), DecimalText, { description: 'Kommunkod → mått' }),
  },
  { additionalProperties: false },
);

const Body = Type.Object(
  {
    name: Type.String({
      minLength: 1,
      maxLength: 100,
      pattern: '^[a-z0-9][a-z0-9._-]*$',
      description: 'Nyckelns id; nya versioner har samma id',
    }),
    title: Type.String({ minLength: 1, maxLength: 300 }),
    note: Type.Optional(Type.String({ minLength: 1, maxLength: 1000 })),
    validFrom: IsoDateSchema,
    validTo: Type.Optional(IsoDateSchema),
    factors: Type.Array(Factor, { minItems: 1, maxItems: 20 }),
    source: Type.String({ minLength: 1, maxLength: 500 }),
    decisionRef: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  },
  { additionalProperties: false },
);

/** Register the allocation-key routes. */
export const registerAllocationKeys: RegisterRoutes = (app, ctx) => {
  app.get(
    '/api/v1/allocation-keys',
    {
      schema: {
        tags: ['referensdata'],
        summary: 'Fördelningsnycklar',
        querystring: Type.Object({ history: Type.Optional(Type.Boolean()) }, { additionalProperties: false }),
        response: readResponses,
      },
    },
    async (request) => {
      authorize(request, 'reference:read');
      return { allocationKeys: await listAllocationKeys(ctx.store.db, request.query.history === true) };
    },
  );
  app.post(
    '/api/v1/allocation-keys',
    {
      schema: {
        tags: ['referensdata'],
        summary: 'Registrera en fördelningsnyckel (ny version; granskningsloggas)',
        body: Body,
        response: createResponses,
      },
    },
    async (request, reply) => {
      const user = authorize(request, 'reference:change');
      const saved = await recordAllocationKey(ctx.store, ctx.agreement, request.body, actorOf(user));
      return reply.status(201).send({ allocationKey: saved });
    },
  );
};
