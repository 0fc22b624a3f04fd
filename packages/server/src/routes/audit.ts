/**
 * The audit trail (administrator only): `GET /api/v1/audit` (newest first, paged with
 * `beforeSeq`; each entry's `actor` id with its `actorName`) and `GET /api/v1/audit/verify` (walks the hash chain; same result as
 * `samverkan audit verify --json`).
 */
import Type from 'typebox';
import type { RegisterRoutes } from '../app/app-context.js';
import { authorize } from '../app/request-user.js';
import { readResponses } from '../app/schemas.js';
import { listAudit } from '../audit/list-audit.js';
import { verifyAudit } from '../audit/verify-audit.js';
import { actorNames } from '../auth/actor-names.js';

const Query = Type.Object(
  {
    entity: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    entityId: Type.Optional(Type.String({ minLength: 1, maxLength: 300 })),
    beforeSeq: Type.Optional(Type.Integer({ minimum: 1 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 100 })),
  },
  { additionalProperties: false },
);

/** Register the audit routes. */
export const registerAudit: RegisterRoutes = (app, ctx) => {
  app.get('/api/v1/audit', { schema: { tags: ['administration'], summary: 'Granskningsloggen', querystring: Query, response: readResponses } }, async (request) => {
    authorize(request, 'audit:read');
    const entries = await listAudit(ctx.store.db, { ...request.query, limit: request.query.limit ?? 100 });
    // The stored actor id stays as written (it is hashed into the chain); the name is read now.
    const name = await actorNames(ctx.store.db, entries.map((e) => e.actor));
    return { entries: entries.map((e) => ({ ...e, actorName: name(e.actor) })) };
  });
  app.get('/api/v1/audit/verify', { schema: { tags: ['administration'], summary: 'Kontrollera granskningsloggens hashkedja', response: readResponses } }, async (request) => {
    authorize(request, 'audit:read');
    return verifyAudit(ctx.store.db);
  });
};
