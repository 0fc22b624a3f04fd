/**
 * The audit trail (administrator only): `GET /api/v1/audit` (newest first, paged with
 * `beforeSeq`, filtered by who (`actor`), what (`action`, `entity`, `entityId`) and when (`from`,
 * `to`, days in Europe/Stockholm); each entry with `actorName`, the Swedish `actionLabel` and
 * `entityLabel`, and the thing's `entityName`), `GET /api/v1/audit/export.csv` (the same
 * filters, at most 10 000 rows, as CSV for Excel; each export is itself an audit entry: who, when,
 * which filter, how many rows and the file's SHA-256), `GET /api/v1/audit/facets` (the actors,
 * actions and entities the log holds, for the filter lists) and `GET /api/v1/audit/verify`
 * (walks the hash chain; same result as `samverkan audit verify --json`).
 */
import { createHash } from 'node:crypto';
import Type from 'typebox';
import type { RegisterRoutes } from '../app/app-context.js';
import { authorize } from '../app/request-user.js';
import { errorResponses, IsoDateSchema, readResponses } from '../app/schemas.js';
import { listAudit } from '../audit/list-audit.js';
import { verifyAudit } from '../audit/verify-audit.js';
import { actorNames } from '../auth/actor-names.js';
import { nameAuditEntries } from '../audit/named-audit.js';
import { auditCsv } from '../audit/audit-csv.js';
import { appendAudit } from '../audit/append-audit.js';
import { actorOf } from '../auth/session-user.js';
import { auditActionLabel, auditEntityLabel } from '../audit/audit-labels.js';

const filters = {
  actor: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'Vem: lagrat aktörs-id, t.ex. user:ekonom.region' })),
  action: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'Vad: lagrad åtgärd, t.ex. approve' })),
  entity: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'Vad: lagrad tabell, t.ex. invoice_bases' })),
  entityId: Type.Optional(Type.String({ minLength: 1, maxLength: 300 })),
  from: Type.Optional({ ...IsoDateSchema, description: 'Från och med dag (ÅÅÅÅ-MM-DD, svensk tid)' }),
  to: Type.Optional({ ...IsoDateSchema, description: 'Till och med dag (ÅÅÅÅ-MM-DD, svensk tid)' }),
  beforeSeq: Type.Optional(Type.Integer({ minimum: 1 })),
};

const Query = Type.Object(
  { ...filters, limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 100 })) },
  { additionalProperties: false },
);
const CsvQuery = Type.Object(
  { ...filters, limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000, default: 10_000 })) },
  { additionalProperties: false },
);

const CSV_FILE = 'granskningslogg.csv';

/** Register the audit routes. */
export const registerAudit: RegisterRoutes = (app, ctx) => {
  const tags = ['administration'];
  app.get(
    '/api/v1/audit',
    { schema: { tags, summary: 'Granskningsloggen (filtrera på vem, vad och när)', querystring: Query, response: readResponses } },
    async (request) => {
      authorize(request, 'audit:read');
      const entries = await listAudit(ctx.store.db, { ...request.query, limit: request.query.limit ?? 100 });
      // The stored ids and words stay as written (they are hashed into the chain); names are read now.
      return { entries: await nameAuditEntries(ctx.store.db, ctx.agreement, entries) };
    },
  );
  app.get(
    '/api/v1/audit/export.csv',
    {
      schema: {
        tags,
        summary: 'Granskningsloggen som CSV (semikolon, UTF-8 med BOM, svenska rubriker)',
        querystring: CsvQuery,
        response: { 200: Type.Unknown({ description: 'CSV-filen' }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const user = authorize(request, 'audit:read');
      const filter = { ...request.query, limit: request.query.limit ?? 10_000 };
      const entries = await nameAuditEntries(ctx.store.db, ctx.agreement, await listAudit(ctx.store.db, filter));
      const csv = auditCsv(entries);
      // Reading the whole trail out of the service is itself something to account for (issue 12).
      await ctx.store.transaction((trx) =>
        appendAudit(trx, {
          actor: actorOf(user),
          action: 'export',
          entity: 'audit_log',
          entityId: CSV_FILE,
          before: null,
          after: {
            format: 'csv',
            fileName: CSV_FILE,
            filter,
            rows: entries.length,
            seqRange: entries.length === 0 ? null : [entries.at(-1)?.seq, entries[0]?.seq],
            sha256: createHash('sha256').update(csv).digest('hex'),
          },
        }),
      );
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${CSV_FILE}"`)
        .send(csv);
    },
  );
  app.get(
    '/api/v1/audit/facets',
    { schema: { tags, summary: 'Aktörer, åtgärder och objekttyper i granskningsloggen (för filtren)', response: readResponses } },
    async (request) => {
      authorize(request, 'audit:read');
      const distinct = async (column: 'actor' | 'action' | 'entity'): Promise<string[]> =>
        (await ctx.store.db.selectFrom('audit_log').select(column).distinct().orderBy(column).execute()).map((r) => r[column]);
      const [actors, actionIds, entities] = [await distinct('actor'), await distinct('action'), await distinct('entity')];
      const name = await actorNames(ctx.store.db, actors);
      const sv = 'sv';
      return {
        actors: actors.map((id) => ({ id, name: name(id) })).sort((a, b) => a.name.localeCompare(b.name, sv)),
        actions: actionIds.map((id) => ({ id, label: auditActionLabel(id) })).sort((a, b) => a.label.localeCompare(b.label, sv)),
        entities: entities.map((id) => ({ id, label: auditEntityLabel(id) })).sort((a, b) => a.label.localeCompare(b.label, sv)),
      };
    },
  );
  app.get(
    '/api/v1/audit/verify',
    { schema: { tags, summary: 'Kontrollera granskningsloggens hashkedja', response: readResponses } },
    async (request) => {
      authorize(request, 'audit:read');
      return verifyAudit(ctx.store.db);
    },
  );
};
