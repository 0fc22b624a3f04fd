/**
 * `POST /api/v1/calculations/tillaggsbelopp` `{ year, connected, policy?, indexStart?,
 * allocationKey?, interpretations?, index? }`: the yearly reconciliation of the tilläggsbelopp
 * (TILL.avstamning) and its split by an allocation key: a stored key by name, or (default) the
 * agreement's shipped EXAMPLE key, exactly as `samverkan tillaggsbelopp --json`. `index` holds
 * scenario index values that replace the stored ones for this calculation only.
 */
import Type from 'typebox';
import { reconcileTillaggsbelopp, SamverkanError, type AllocationKey } from '@samverkan/core';
import type { RegisterRoutes } from '../../app/app-context.js';
import { authorize } from '../../app/request-user.js';
import { readResponses } from '../../app/schemas.js';
import { tillaggsbeloppJson } from '../../calculations/result-json.js';
import { readExampleAllocationKey } from '../../files/example-allocation-key.js';
import { allocationKeyOn, toAllocationKey } from '../../reference/allocation-keys.js';
import { calculationInputs, InterpretationsSchema, parseChoices } from './calculation-inputs.js';
import { ScenarioIndexSchema, withScenarioIndex } from './scenario-index.js';

const Body = Type.Object(
  {
    year: Type.Integer({ minimum: 2000, maximum: 2200, description: 'Året som avstäms (I4)' }),
    connected: Type.Integer({ minimum: 0, maximum: 100_000, description: 'Anslutna personer under året (I13)' }),
    policy: Type.Optional(Type.String({ pattern: '^[a-z-]+$', description: 'I3: beyond-bound (standard) eller from-reference' })),
    indexStart: Type.Optional(Type.String({ pattern: '^[a-z0-9-]+$', description: 'I5: full-chain (standard) eller from-2026' })),
    allocationKey: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 100,
        description: 'Id (name) för en lagrad fördelningsnyckel; standard: avtalets EXEMPELnyckel',
      }),
    ),
    interpretations: InterpretationsSchema,
    index: ScenarioIndexSchema,
  },
  { additionalProperties: false },
);

/** Register the tilläggsbelopp reconciliation. */
export const registerCalcTillaggsbelopp: RegisterRoutes = (app, ctx) => {
  app.post(
    '/api/v1/calculations/tillaggsbelopp',
    { schema: { tags: ['ekonomi'], summary: 'Avstämning och fördelning av tilläggsbeloppet', body: Body, response: readResponses } },
    async (request) => {
      authorize(request, 'calculations:run');
      const inputs = await calculationInputs(ctx);
      const agreement = inputs.agreement;
      const b = request.body;
      const index = withScenarioIndex(inputs.index, b.index);
      let key: AllocationKey;
      if (b.allocationKey === undefined) key = readExampleAllocationKey(agreement);
      else {
        const stored = await allocationKeyOn(ctx.store.db, b.allocationKey, `${String(b.year)}-01-01`);
        if (!stored)
          throw new SamverkanError(
            'SAMV_ERR_NOT_FOUND',
            `allocationKey: fördelningsnyckeln "${b.allocationKey}" finns inte för ${String(b.year)} (se GET /api/v1/allocation-keys).`,
            { field: 'allocationKey', value: b.allocationKey },
          );
        key = toAllocationKey(stored);
      }
      const given = {
        ...(b.interpretations ?? {}),
        ...(b.policy === undefined ? {} : { I3: b.policy }),
        ...(b.indexStart === undefined ? {} : { I5: b.indexStart }),
      };
      const r = reconcileTillaggsbelopp(agreement, {
        year: b.year,
        connected: b.connected,
        index,
        key,
        choices: parseChoices(agreement, given),
      });
      return tillaggsbeloppJson(r, agreement);
    },
  );
};
