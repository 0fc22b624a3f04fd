/** `GET /api/v1/documents`: the agreement's parts and documents (validity and renewal terms). */
import type { RegisterRoutes } from '../app/app-context.js';

/** Register the documents route. */
export const registerDocuments: RegisterRoutes = (app, ctx) => {
  app.get('/api/v1/documents', { schema: { tags: ['avtal'], summary: 'Avtalets delar och dokument' } }, () => ({
    agreement: { id: ctx.agreement.meta.id, version: ctx.agreement.meta.version, title: ctx.agreement.meta.title },
    parts: ctx.agreement.parts,
    documents: ctx.agreement.documents,
  }));
};
