/**
 * The two PDFs beside the invoices: `GET /api/v1/billing-runs/:id/settlement.pdf` — the
 * tilläggsbelopp settlement (TILL.avstamning) of a run from its approved bases (409 for another
 * flow or a run without an approved basis the caller may see); `GET
 * /api/v1/agreements/status-report.pdf?on=ÅÅÅÅ-MM-DD` — each document's period and notice
 * deadline, the next 90 days' obligations and the open disputes the caller may see (default day:
 * today in Stockholm). Both are audited like exports, with the file's SHA-256.
 */
import Type from 'typebox';
import type { FastifyReply } from 'fastify';
import { todayInStockholm } from '@samverkan/core';
import type { RegisterRoutes } from '../app/app-context.js';
import { authorize } from '../app/request-user.js';
import { ErrorBody, errorResponses, IdParams, IsoDateSchema } from '../app/schemas.js';
import type { ExportedFile } from '../exports/export-service.js';
import { exportSettlement, exportStatusReport } from '../exports/report-service.js';

const pdfResponses = { 200: Type.Unknown({ description: 'PDF-filen' }), ...errorResponses, 409: ErrorBody } as const;

function send(reply: FastifyReply, file: ExportedFile): FastifyReply {
  return reply
    .header('content-type', file.contentType)
    .header('content-disposition', `attachment; filename="${file.fileName}"`)
    .header('x-content-sha256', file.sha256)
    .send(file.bytes);
}

/** Register the settlement and status-report routes. */
export const registerReportExports: RegisterRoutes = (app, ctx) => {
  app.get(
    '/api/v1/billing-runs/:id/settlement.pdf',
    {
      schema: {
        tags: ['fakturering'],
        summary:
          'Avstämning av tilläggsbeloppet för en körning av flödet tillaggsbelopp (PDF, från de godkända underlagen); granskningsloggas',
        params: IdParams,
        response: pdfResponses,
      },
    },
    async (request, reply) => {
      const user = authorize(request, 'records:read');
      return send(reply, await exportSettlement(ctx.store, ctx.agreement, user, request.params.id));
    },
  );
  app.get(
    '/api/v1/agreements/status-report.pdf',
    {
      schema: {
        tags: ['kalender'],
        summary:
          'Avtalsläget en dag (PDF): perioder, uppsägningstider, åtaganden de närmaste 90 dagarna och öppna tvister du får se; granskningsloggas',
        querystring: Type.Object({ on: Type.Optional(IsoDateSchema) }, { additionalProperties: false }),
        response: pdfResponses,
      },
    },
    async (request, reply) => {
      const user = authorize(request, 'disputes:read');
      return send(reply, await exportStatusReport(ctx.store, ctx.agreement, user, request.query.on ?? todayInStockholm().toString()));
    },
  );
};
