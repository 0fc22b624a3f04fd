/** `GET /api/v1/responsibility/cfs`: the Clinical Frailty Scale levels 1–9 with Swedish descriptions (ORD, Bilaga 1). */
import type { RegisterRoutes } from '../app/app-context.js';
import { readResponses } from '../app/schemas.js';
import { rulesFor } from './responsibility-rules-cache.js';

/** Register the CFS route. */
export const registerResponsibilityCfs: RegisterRoutes = (app, ctx) => {
  const rules = rulesFor(ctx.agreement);
  app.get(
    '/api/v1/responsibility/cfs',
    { schema: { tags: ['ansvar'], summary: 'Clinical Frailty Scale (CFS) 1–9 med svenska beskrivningar', response: readResponses } },
    () => rules.cfs,
  );
};
