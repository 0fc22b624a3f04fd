/**
 * Billing runs: `POST /api/v1/billing-runs { flow, period, allocationKey? }` computes one draft
 * invoice basis per seller–buyer pair for the flow and period (month `2026-03`, half-year
 * `2026-H1`, year `2026`), or returns the existing run (200) — two simultaneous requests give one
 * run. `GET /api/v1/billing-runs` lists runs with the number of bases the caller may see.
 */
import Type from 'typebox';
import type { RegisterRoutes } from '../app/app-context.js';
import { authorize } from '../app/request-user.js';
import { createResponses, readResponses } from '../app/schemas.js';
import { billingFlows } from '../billing/periods.js';
import { listRuns, startBillingRun } from '../billing/run-store.js';

const Flow = Type.String({ minLength: 1, maxLength: 40, description: `Flöde: ${billingFlows.join(', ')}` });
const Period = Type.String({ pattern: '^\\d{4}(-(0[1-9]|1[0-2])|-H[12])?$', description: 'ÅÅÅÅ-MM (månad), ÅÅÅÅ-H1/H2 (halvår) eller ÅÅÅÅ (år)' });

const Body = Type.Object(
  {
    flow: Flow,
    period: Period,
    allocationKey: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'Fördelningsnyckel (namn) för tilläggsbelopp och utvecklingsmedel; standard: den enda som gäller året' })),
  },
  { additionalProperties: false },
);
const ListQuery = Type.Object({ flow: Type.Optional(Flow), period: Type.Optional(Period) }, { additionalProperties: false });

/** Register the billing-run routes. */
export const registerBillingRuns: RegisterRoutes = (app, ctx) => {
  const tags = ['fakturering'];
  app.post('/api/v1/billing-runs', { schema: { tags, summary: 'Starta (eller hämta) faktureringskörningen för ett flöde och en period', body: Body, response: { ...createResponses, 200: Type.Unknown({ description: 'Körningen fanns redan' }), 422: createResponses[400] } } }, async (request, reply) => {
    const user = authorize(request, 'billing:run');
    const b = request.body;
    const started = await startBillingRun(ctx.store, ctx.agreement, user, { flow: b.flow, period: b.period, options: b.allocationKey === undefined ? {} : { allocationKey: b.allocationKey } });
    return reply.status(started.created ? 201 : 200).send(started);
  });
  app.get('/api/v1/billing-runs', { schema: { tags, summary: 'Faktureringskörningar', querystring: ListQuery, response: readResponses } }, async (request) => {
    const user = authorize(request, 'records:read');
    return { billingRuns: await listRuns(ctx.store.db, user, request.query) };
  });
};
