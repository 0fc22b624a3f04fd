/**
 * `POST /api/v1/calculations/normal-variation` `{ counts: [{ year, count }], interpretations? }`:
 * a proposed normal variation of connected persons (TILL.grundforutsattningar, I12). Same core
 * function and JSON as `samverkan normal-variation --json`.
 */
import Type from 'typebox';
import { normalVariation } from '@samverkan/core';
import type { RegisterRoutes } from '../../app/app-context.js';
import { authorize } from '../../app/request-user.js';
import { readResponses } from '../../app/schemas.js';
import { calculationInputs, InterpretationsSchema, parseChoices } from './calculation-inputs.js';
import { normalVariationJson } from '../../calculations/result-json.js';

const Body = Type.Object(
  {
    counts: Type.Array(
      Type.Object(
        { year: Type.Integer({ minimum: 1990, maximum: 2200 }), count: Type.Integer({ minimum: 0, maximum: 100_000 }) },
        { additionalProperties: false },
      ),
      {
        minItems: 1,
        maxItems: 100,
      },
    ),
    interpretations: InterpretationsSchema,
  },
  { additionalProperties: false },
);

/** Register the normal-variation calculation. */
export const registerCalcNormalVariation: RegisterRoutes = (app, ctx) => {
  app.post(
    '/api/v1/calculations/normal-variation',
    { schema: { tags: ['ekonomi'], summary: 'Förslag till normalvariation av anslutna personer', body: Body, response: readResponses } },
    async (request) => {
      authorize(request, 'calculations:run');
      const { agreement } = await calculationInputs(ctx);
      const r = normalVariation(
        agreement,
        request.body.counts.map((c, i) => ({ year: c.year, count: c.count, line: i + 1, file: 'counts' })),
        parseChoices(agreement, request.body.interpretations),
      );
      return normalVariationJson(r, agreement);
    },
  );
};
