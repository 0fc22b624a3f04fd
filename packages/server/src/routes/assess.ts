/**
 * `POST /api/v1/assess[?explain=true]`: the Ansvarsguide. No sign-in: the input holds no
 * personal data (a personnummer anywhere is refused, SAMV_ERR_PERSONNUMMER). The body is the
 * core's situation schema; the answer is built by the same `assessInput` as
 * `samverkan assess --json [--explain]`, so both return the same document.
 */
import Type from 'typebox';
import { assessInput, SituationInputSchema } from '@samverkan/core';
import type { RegisterRoutes } from '../app/app-context.js';
import { ErrorBody, readResponses } from '../app/schemas.js';
import { calculationReference, currentCalculationReference, type CalculationReference } from '../reference/reference-cache.js';
import type { FastifyReply } from 'fastify';
import { cachedAnswer } from './assess-answer-cache.js';
import { stockholmToday } from '../calculations/stockholm-day.js';
import { rulesFor } from './responsibility-rules-cache.js';

const Query = Type.Object(
  { explain: Type.Optional(Type.Boolean({ description: 'Lägg till en svensk förklaring att läsa upp' })) },
  { additionalProperties: false },
);

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
    (request, reply) => {
      const answer = (reference: CalculationReference): FastifyReply => {
        const today = stockholmToday();
        const explain = request.query.explain === true;
        const bytes = cachedAnswer(reference, `${today}|${String(explain)}|${JSON.stringify(request.body)}`, () =>
          assessInput(ctx.agreement, rules, request.body, {
            today,
            explain,
            rates: { parameters: reference.agreement.parameters, index: reference.index },
          }),
        );
        return reply.type('application/json; charset=utf-8').send(bytes);
      };
      // Rates in the price level of the date asked (the recorded index values and parameter
      // decisions); nothing recorded since they were last confirmed: answered without a promise.
      const known = currentCalculationReference(ctx.store.db, ctx.agreement);
      if (known !== undefined) {
        answer(known);
        return;
      }
      return calculationReference(ctx.store.db, ctx.agreement).then(answer);
    },
  );
};
