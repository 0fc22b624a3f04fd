/**
 * The agreement's registers as read-only lists: `GET /api/v1/decisions`, `/forums`,
 * `/interpretations` (I1–I15 with their options) and `/municipalities`.
 */
import type { RegisterRoutes } from '../app/app-context.js';

/** Register the four register routes. */
export const registerAgreementRegister: RegisterRoutes = (app, ctx) => {
  const a = ctx.agreement;
  app.get('/api/v1/decisions', { schema: { tags: ['avtal'], summary: 'Beslutshistorik' } }, () => ({ decisions: a.decisions }));
  app.get('/api/v1/forums', { schema: { tags: ['avtal'], summary: 'Samverkansstrukturens forum' } }, () => ({ forums: a.forums }));
  app.get(
    '/api/v1/interpretations',
    { schema: { tags: ['avtal'], summary: 'Tolkningar (I1–I15) med standardval och alternativ' } },
    () => ({
      interpretations: [...a.interpretations.values()],
    }),
  );
  app.get('/api/v1/municipalities', { schema: { tags: ['avtal'], summary: 'Avtalets kommuner och regionen' } }, () => ({
    region: a.meta.region,
    municipalities: a.municipalities,
  }));
};
