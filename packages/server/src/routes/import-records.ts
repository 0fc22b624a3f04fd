/**
 * `GET /api/v1/records?kind=&period=&importId=&limit=&offset=`: the imported records (assignments,
 * tasks, work orders, costs, counts, budgets) the user may see — for a municipality economist
 * only records where their municipality is a party, enforced in the query.
 */
import Type from 'typebox';
import type { RegisterRoutes } from '../app/app-context.js';
import { authorize } from '../app/request-user.js';
import { readResponses } from '../app/schemas.js';
import { listRecords } from '../imports/import-store.js';

const Query = Type.Object(
  {
    kind: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    period: Type.Optional(
      Type.String({ pattern: '^\\d{4}(-\\d{2}(-\\d{2})?|-H[12])?$', description: 'ÅÅÅÅ, ÅÅÅÅ-MM, ÅÅÅÅ-MM-DD eller ÅÅÅÅ-H1/H2' }),
    ),
    importId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 100 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
  },
  { additionalProperties: false },
);

/** Register the records listing. */
export const registerImportRecords: RegisterRoutes = (app, ctx) => {
  app.get(
    '/api/v1/records',
    {
      schema: {
        tags: ['importer'],
        summary: 'Importerade underlag (kommunekonomer: där den egna kommunen är part)',
        querystring: Query,
        response: readResponses,
      },
    },
    async (request) => {
      const user = authorize(request, 'records:read');
      const q = request.query;
      return {
        records: await listRecords(ctx.store.db, user, {
          kind: q.kind,
          period: q.period,
          importId: q.importId,
          limit: q.limit ?? 100,
          offset: q.offset ?? 0,
        }),
      };
    },
  );
};
