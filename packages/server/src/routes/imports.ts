/**
 * Imports: `POST /api/v1/imports/:kind?filename=…` with the raw file as the body (text/csv,
 * application/octet-stream or the xlsx type; streamed to a temporary file, never buffered in
 * memory), `GET /api/v1/imports` (the history), `GET /api/v1/import-kinds` (kinds and columns with
 * unit and allowed forms), `GET /api/v1/imports/templates/{kind}.csv|.xlsx` (an empty template).
 * All or nothing: a file with a bad row writes nothing and answers 422 SAMV_ERR_IMPORT_REJECTED
 * with every bad row in `details` (`{ line, field, reason, value?, message }`). A repeated file or
 * repeated records add nothing (200 with `alreadyImported`); a file with new records answers 201.
 * A file beyond the stated limits (decision 0110) is refused the same way: 413 SAMV_ERR_TOO_LARGE
 * for the upload size, 422 SAMV_ERR_FILE_LIMIT for a limit inside the file; the spool file is
 * removed on every path.
 */
import type { Readable } from 'node:stream';
import Type from 'typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { SamverkanError } from '@samverkan/core';
import type { RegisterRoutes } from '../app/app-context.js';
import { authorize, requireUser } from '../app/request-user.js';
import { changeResponses, readResponses } from '../app/schemas.js';
import { requireAction } from '../auth/roles.js';
import { municipalityScope } from '../auth/scope.js';
import { actorOf } from '../auth/session-user.js';
import { effectiveAgreement } from '../reference/effective-agreement.js';
import { importKinds, findImportKind } from '../imports/kinds/index.js';
import { runImport, type ImportReport } from '../imports/run-import.js';
import { uploadTooLarge } from '../imports/file-limits.js';
import { listImports } from '../imports/import-store.js';
import { csvTemplate, xlsxTemplate } from '../imports/templates.js';

/** Content types the import route streams as raw bytes. */
export const IMPORT_CONTENT_TYPES = [
  'text/csv',
  'text/plain',
  'application/csv',
  'application/octet-stream',
  'application/vnd.ms-excel',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
];

const KindParams = Type.Object({ kind: Type.String({ minLength: 1, maxLength: 64 }) });
const TemplateParams = Type.Object({
  file: Type.String({
    minLength: 5,
    maxLength: 70,
    pattern: '^[a-z-]+\\.(csv|xlsx)$',
    description: 'Importtypen och formatet, t.ex. daytime-assignments.csv',
  }),
});
const ImportQuery = Type.Object(
  {
    filename: Type.Optional(
      Type.String({ minLength: 1, maxLength: 255, description: 'Filens namn (visas i historiken och granskningsloggen)' }),
    ),
  },
  { additionalProperties: false },
);
const ListQuery = Type.Object(
  {
    kind: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 100 })),
  },
  { additionalProperties: false },
);

function isStream(body: unknown): body is Readable {
  return typeof body === 'object' && body !== null && 'pipe' in body && typeof body.pipe === 'function';
}

/** Register the import routes (in their own scope, where file bodies are streamed). */
export const registerImports: RegisterRoutes = (app, ctx) => {
  const tags = ['importer'];
  app.get(
    '/api/v1/import-kinds',
    { schema: { tags, summary: 'Importtyper med kolumner (svenska och engelska namn)', response: readResponses } },
    (request) => {
      requireUser(request);
      return {
        kinds: importKinds.map((k) => ({
          kind: k.kind,
          title: k.title,
          description: k.description,
          action: k.action,
          countyWide: k.countyWide,
          columns: k.columns.map((c) => ({
            name: c.sv,
            english: c.key,
            aliases: c.aliases ?? [],
            required: c.required,
            description: c.description,
            unit: c.format.unit,
            forms: c.format.forms,
            example: c.format.example,
          })),
          templates: { csv: `/api/v1/imports/templates/${k.kind}.csv`, xlsx: `/api/v1/imports/templates/${k.kind}.xlsx` },
        })),
      };
    },
  );
  app.get(
    '/api/v1/imports/templates/:file',
    {
      schema: {
        tags,
        summary: 'Mall för en importtyp: {typ}.csv (UTF-8 med BOM, semikolon) eller {typ}.xlsx (med ett blad som beskriver kolumnerna)',
        params: TemplateParams,
        response: readResponses,
      },
    },
    async (request, reply) => {
      requireUser(request);
      const m = /^(.+)\.(csv|xlsx)$/.exec(request.params.file);
      const kind = m?.[1] === undefined ? undefined : findImportKind(m[1]);
      if (!m || !kind) {
        throw new SamverkanError(
          'SAMV_ERR_INVALID_INPUT',
          `mall: okänd mall "${request.params.file}". Välj {typ}.csv eller {typ}.xlsx med en av: ${importKinds.map((k) => k.kind).join(', ')}.`,
          { field: 'file', value: request.params.file },
        );
      }
      const tctx = { agreement: await effectiveAgreement(ctx.store.db, ctx.agreement), filename: request.params.file };
      const csv = m[2] === 'csv';
      const body = csv ? csvTemplate(kind, tctx) : await xlsxTemplate(kind, tctx);
      return reply
        .header('content-type', csv ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="mall-${kind.kind}.${csv ? 'csv' : 'xlsx'}"`)
        .send(body);
    },
  );
  app.get(
    '/api/v1/imports',
    {
      schema: { tags, summary: 'Importerade filer (kommunekonomer: den egna kommunens)', querystring: ListQuery, response: readResponses },
    },
    async (request) => {
      const user = authorize(request, 'records:read');
      return { imports: await listImports(ctx.store.db, user, { kind: request.query.kind, limit: request.query.limit ?? 100 }) };
    },
  );
  void app.register((scope, _opts, done) => {
    // Only here are these types read as a stream; elsewhere they stay unsupported (JSON only).
    scope.addContentTypeParser(IMPORT_CONTENT_TYPES, (_request, payload, parsed) => {
      parsed(null, payload);
    });
    scope.withTypeProvider<TypeBoxTypeProvider>().post(
      '/api/v1/imports/:kind',
      {
        schema: {
          tags,
          summary: 'Importera en fil (CSV eller Excel) — allt eller inget, idempotent',
          params: KindParams,
          querystring: ImportQuery,
          response: { ...changeResponses, 201: Type.Unknown({ description: 'Importerad' }), 422: changeResponses[400] },
        },
      },
      async (request, reply) => {
        const user = requireUser(request);
        const kind = findImportKind(request.params.kind);
        if (!kind) {
          throw new SamverkanError(
            'SAMV_ERR_INVALID_INPUT',
            `kind: okänd importtyp "${request.params.kind}". Välj en av: ${importKinds.map((k) => k.kind).join(', ')}.`,
            { field: 'kind', value: request.params.kind },
          );
        }
        requireAction(user.role, kind.action);
        const own = municipalityScope(user);
        if (own !== undefined && kind.countyWide) {
          throw new SamverkanError(
            'SAMV_ERR_FORBIDDEN',
            `${kind.title} gäller hela länet; som kommunekonom kan du bara importera underlag där den egna kommunen är part.`,
            { field: 'kind', value: kind.kind },
          );
        }
        const body: unknown = request.body;
        if (!isStream(body)) {
          throw new SamverkanError(
            'SAMV_ERR_INVALID_INPUT',
            `Skicka filen som begärans kropp med innehållstypen text/csv, application/octet-stream eller ${IMPORT_CONTENT_TYPES[5] ?? ''}.`,
            { field: 'content-type' },
          );
        }
        const { spool, limits } = ctx.imports;
        // A refusal while the body is still arriving (too large, .xls, aborted) closes the connection:
        // the rest of the body is never read, so the socket cannot carry another request.
        const refuse = (e: unknown): never => {
          void reply.header('connection', 'close');
          throw e;
        };
        // A declared size beyond the maximum is refused before a byte is read.
        const declared = Number(request.headers['content-length'] ?? '0');
        if (declared > limits.maxUploadBytes) refuse(uploadTooLarge(limits.maxUploadBytes));
        const file = await spool.receive(body, limits.maxUploadBytes).catch(refuse);
        let report: ImportReport;
        try {
          const agreement = await effectiveAgreement(ctx.store.db, ctx.agreement);
          report = await runImport(ctx.store, agreement, {
            kind,
            file,
            filename: request.query.filename ?? `uppladdad.${file.format}`,
            actor: actorOf(user),
            municipality: own,
            limits,
          });
        } finally {
          // Removed before the answer is sent, so no spool file outlives its request.
          await file.remove();
        }
        return reply.status(report.alreadyImported ? 200 : 201).send(report);
      },
    );
    done();
  });
};
