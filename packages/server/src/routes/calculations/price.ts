/**
 * `POST /api/v1/calculations/price` `{ flow, year, minutes, interpretations? }`: the price of one
 * piece of work at the year's indexed rate (ORD.uppdrag-dagtid, SYNHOR.ekonomisk-ersattning,
 * MT.bilaga-1-rorlig-del). Same core function and JSON as `samverkan price <flow> --json`, with
 * the index values from the store instead of a file.
 */
import Type from 'typebox';
import { priceQuote, type PricedFlow } from '@samverkan/core';
import type { RegisterRoutes } from '../../app/app-context.js';
import { authorize } from '../../app/request-user.js';
import { readResponses } from '../../app/schemas.js';
import { calculationInputs, InterpretationsSchema, parseChoices } from './calculation-inputs.js';
import { priceJson } from '../../calculations/result-json.js';
import { priceAnswers } from '../../calculations/recent-answers.js';
import { currentCalculationReference, type CalculationReference } from '../../reference/reference-cache.js';
import type { FastifyReply } from 'fastify';

const Body = Type.Object(
  {
    flow: Type.Union([Type.Literal('dagtid'), Type.Literal('synhorsel'), Type.Literal('mt')], { description: 'dagtid | synhorsel | mt' }),
    year: Type.Integer({ minimum: 2000, maximum: 2200 }),
    minutes: Type.Integer({ minimum: 0, maximum: 1_000_000, description: 'Debiterbar tid i minuter' }),
    interpretations: InterpretationsSchema,
  },
  { additionalProperties: false },
);

/** Register the price calculation. */
export const registerCalcPrice: RegisterRoutes = (app, ctx) => {
  app.post(
    '/api/v1/calculations/price',
    {
      schema: {
        tags: ['ekonomi'],
        summary: 'Pris för ett uppdrag (dagtid, syn/hörsel, MT rörlig del)',
        body: Body,
        response: readResponses,
      },
    },
    (request, reply) => {
      authorize(request, 'calculations:run');
      const b = request.body;
      const answer = (reference: CalculationReference): FastifyReply => {
        // The same body under the same reference data gets the same answer (recent-answers.ts).
        const bytes = priceAnswers.bytes(reference, JSON.stringify(b), () => {
          const { agreement, index } = reference;
          const q = priceQuote(
            agreement,
            b.flow satisfies PricedFlow,
            b.year,
            b.minutes,
            index,
            parseChoices(agreement, b.interpretations),
          );
          return priceJson(q, agreement);
        });
        return reply.type('application/json; charset=utf-8').send(bytes);
      };
      // Nothing recorded since the reference data was last confirmed: answered without a promise.
      const known = currentCalculationReference(ctx.store.db, ctx.agreement);
      if (known !== undefined) {
        answer(known);
        return;
      }
      return calculationInputs(ctx).then(answer);
    },
  );
};
