/**
 * Exports: `GET /api/v1/invoice-bases/:id/export?format=peppol|pdf|xlsx|sie` — one approved
 * (sent, credited) basis or credit note as a file named by its invoice number
 * (`faktura-RJH-2026-000017.xml`); `GET /api/v1/billing-runs/:id/export` — every approved and
 * credited document of the run the caller may see, in all formats, as one ZIP. Drafts answer 409,
 * a real basis whose party still has placeholder values 409, a format not available yet 501.
 * Everyone who may read a basis may export it; every export is audited with the file's SHA-256.
 */
import Type from 'typebox';
import type { FastifyReply } from 'fastify';
import type { RegisterRoutes } from '../app/app-context.js';
import { authorize } from '../app/request-user.js';
import { ErrorBody, errorResponses, IdParams } from '../app/schemas.js';
import { exportBasis, exportRun, type ExportedFile } from '../exports/export-service.js';
import { exportFormatIds } from '../exports/export-formats.js';

const FormatQuery = Type.Object(
  {
    format: Type.Union(
      exportFormatIds.map((f) => Type.Literal(f)),
      { description: 'peppol (UBL 2.1 XML), pdf, xlsx eller sie (SIE 4I)' },
    ),
  },
  { additionalProperties: false },
);

const fileResponses = { 200: Type.Unknown({ description: 'Filen' }), ...errorResponses, 409: ErrorBody, 501: ErrorBody } as const;

function send(reply: FastifyReply, file: ExportedFile): FastifyReply {
  return reply
    .header('content-type', file.contentType)
    .header('content-disposition', `attachment; filename="${file.fileName}"`)
    .header('x-content-sha256', file.sha256)
    .send(file.bytes);
}

/** Register the export routes. */
export const registerExports: RegisterRoutes = (app, ctx) => {
  const tags = ['fakturering'];
  app.get(
    '/api/v1/invoice-bases/:id/export',
    {
      schema: {
        tags,
        summary: 'Exportera ett godkänt fakturaunderlag eller en kreditnota (Peppol BIS 3, PDF, Excel eller SIE 4I); granskningsloggas',
        params: IdParams,
        querystring: FormatQuery,
        response: fileResponses,
      },
    },
    async (request, reply) => {
      const user = authorize(request, 'records:read');
      return send(reply, await exportBasis(ctx.store, ctx.agreement, user, request.params.id, request.query.format));
    },
  );
  app.get(
    '/api/v1/billing-runs/:id/export',
    {
      schema: {
        tags,
        summary: 'Alla godkända och krediterade dokument i en körning i alla format, som en ZIP-fil; granskningsloggas',
        params: IdParams,
        response: fileResponses,
      },
    },
    async (request, reply) => {
      const user = authorize(request, 'records:read');
      return send(reply, await exportRun(ctx.store, ctx.agreement, user, request.params.id));
    },
  );
};
