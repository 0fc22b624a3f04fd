/**
 * `POST /api/v1/assess[?explain=true]`: the Ansvarsguide. No sign-in: the input holds no
 * personal data (a personnummer anywhere is refused, SAMV_ERR_PERSONNUMMER). The body is the
 * core's situation schema; the answer is built by the same `assessInput` as
 * `samverkan assess --json [--explain]`, so both return the same document.
 */
import Type from 'typebox';
import { assessInput, SituationInputSchema, todayInStockholm } from '@samverkan/core';
import type { RegisterRoutes } from '../app/app-context.js';
import { ErrorBody, readResponses } from '../app/schemas.js';
import { calculationInputs } from './calculations/calculation-inputs.js';
import { rulesFor } from './responsibility-rules-cache.js';

const Query = Type.Object({ explain: Type.Optional(Type.Boolean({ description: 'Lägg till en svensk förklaring att läsa upp' })) }, { additionalProperties: false });

/** Register the assessment route. */
export const registerAssess: RegisterRoutes = (app, ctx) => {
  const rules = rulesFor(ctx.agreement);
  app.post(
    '/api/v1/assess',
    {
      schema: {
        tags: ['ansvar'],
        summary: 'Vem har hälso- och sjukvårdsansvaret, vem tillhandahåller och vem betalar – med regel och klausul',
        querystring: Query,
        body: SituationInputSchema,
        response: { ...readResponses, 422: ErrorBody },
      },
    },
    async (request) => {
      // Rates in the price level of the date asked (the recorded index values and parameter decisions).
      const { agreement, index } = await calculationInputs(ctx);
      return assessInput(ctx.agreement, rules, request.body, { today: todayInStockholm().toString(), explain: request.query.explain === true, rates: { parameters: agreement.parameters, index } });
    },
  );
};
