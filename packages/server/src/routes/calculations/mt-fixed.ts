/**
 * `POST /api/v1/calculations/mt-fixed` `{ year, half, inventory: [{ municipality, devices }],
 * inventoryDate?, interpretations? }`: MT's half-year fixed-part invoice and its split by device
 * share (MT.bilaga-1-fast-del). Same core function and JSON as `samverkan mt-fixed --json`.
 */
import Type from 'typebox';
import { findMunicipality, mtFixedInvoice } from '@samverkan/core';
import type { RegisterRoutes } from '../../app/app-context.js';
import { authorize } from '../../app/request-user.js';
import { IsoDateSchema, readResponses } from '../../app/schemas.js';
import { calculationInputs, InterpretationsSchema, parseChoices } from './calculation-inputs.js';
import { mtFixedJson } from '../../calculations/result-json.js';

const Body = Type.Object(
  {
    year: Type.Integer({ minimum: 2000, maximum: 2200 }),
    half: Type.Union([Type.Literal(1), Type.Literal(2)], { description: '1 = januari–juni, 2 = juli–december' }),
    inventory: Type.Array(
      Type.Object(
        {
          municipality: Type.String({ minLength: 1, maxLength: 100, description: 'Kommunkod eller namn' }),
          devices: Type.Integer({ minimum: 0, maximum: 10_000_000 }),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 50 },
    ),
    inventoryDate: Type.Optional(IsoDateSchema),
    interpretations: InterpretationsSchema,
  },
  { additionalProperties: false },
);

/** Register the MT fixed-part calculation. */
export const registerCalcMtFixed: RegisterRoutes = (app, ctx) => {
  app.post(
    '/api/v1/calculations/mt-fixed',
    { schema: { tags: ['ekonomi'], summary: 'MT fast del: halvårsfaktura och fördelning', body: Body, response: readResponses } },
    async (request) => {
      authorize(request, 'calculations:run');
      const { agreement, index } = await calculationInputs(ctx);
      const b = request.body;
      const counts = b.inventory.map((row, i) => ({
        municipality: findMunicipality(agreement.municipalities, row.municipality, { field: `inventory[${String(i)}].municipality` }).code,
        devices: row.devices,
      }));
      const r = mtFixedInvoice(agreement, {
        year: b.year,
        half: b.half === 1 ? 1 : 2,
        inventory: { counts, ...(b.inventoryDate === undefined ? {} : { snapshotDate: b.inventoryDate }) },
        index,
        choices: parseChoices(agreement, b.interpretations),
        ...(b.inventoryDate === undefined ? {} : { chosenSnapshotDate: b.inventoryDate }),
      });
      return mtFixedJson(r, agreement);
    },
  );
};
