/**
 * Disputes: `GET/POST /api/v1/disputes`, `GET /api/v1/disputes/:id`, and
 * `POST /api/v1/disputes/:id/{escalate,decide,close}`. Everyone signed in reads (a municipality
 * economist only their municipality's disputes); economists and the administrator change.
 */
import Type from 'typebox';
import type { RegisterRoutes } from '../app/app-context.js';
import { authorize } from '../app/request-user.js';
import { changeResponses, createResponses, IdParams, IsoDateSchema, readResponses } from '../app/schemas.js';
import { changeDispute, getDispute, listDisputes, openDispute } from '../disputes/dispute-store.js';

const Level = Type.Union([Type.Literal('individ'), Type.Literal('organisation'), Type.Literal('storlek-fordelning'), Type.Literal('utforande')]);
const Party = Type.String({ pattern: '^(\\d{4}|[a-z][a-z0-9-]*)$', description: 'Kommunkod eller "region"' });

const OpenBody = Type.Object(
  {
    document: Type.String({ pattern: '^[A-Z]+$' }),
    level: Level,
    subject: Type.String({ minLength: 1, maxLength: 2000, description: 'Vad tvisten gäller (inga personuppgifter)' }),
    parties: Type.Array(Party, { minItems: 2, maxItems: 2 }),
    openedOn: Type.Optional(IsoDateSchema),
    note: Type.Optional(Type.String({ minLength: 1, maxLength: 2000 })),
  },
  { additionalProperties: false },
);
const NoteBody = Type.Object({ note: Type.Optional(Type.String({ minLength: 1, maxLength: 2000 })) }, { additionalProperties: false });
const DecideBody = Type.Object(
  {
    outcome: Type.String({ minLength: 1, maxLength: 2000 }),
    costRegulationOre: Type.Optional(Type.Integer({ minimum: 1, description: 'Kostnadsreglering i öre (> 0); blir en fakturarad i flödet cost-regulation för beslutsmånaden' })),
    costRegulationPayer: Type.Optional(Type.String({ minLength: 1, maxLength: 40, description: 'Part som betalar kostnadsregleringen ("region" eller kommunkod); krävs med costRegulationOre' })),
    costRegulationPayee: Type.Optional(Type.String({ minLength: 1, maxLength: 40, description: 'Part som får kostnadsregleringen; standard: den andra parten' })),
  },
  { additionalProperties: false },
);

/** Register the dispute routes. */
export const registerDisputes: RegisterRoutes = (app, ctx) => {
  const tags = ['tvister'];
  app.get('/api/v1/disputes', { schema: { tags, summary: 'Tvister där du får se parterna', response: readResponses } }, async (request) => {
    const user = authorize(request, 'disputes:read');
    return { disputes: await listDisputes(ctx.store, ctx.agreement, user) };
  });
  app.get('/api/v1/disputes/:id', { schema: { tags, summary: 'En tvist med eskaleringsväg och historik', params: IdParams, response: readResponses } }, async (request) => {
    const user = authorize(request, 'disputes:read');
    return { dispute: await getDispute(ctx.store, ctx.agreement, user, request.params.id) };
  });
  app.post('/api/v1/disputes', { schema: { tags, summary: 'Registrera en tvist (första steget i avtalets tvistordning)', body: OpenBody, response: createResponses } }, async (request, reply) => {
    const user = authorize(request, 'disputes:change');
    return reply.status(201).send({ dispute: await openDispute(ctx.store, ctx.agreement, user, request.body) });
  });
  app.post('/api/v1/disputes/:id/escalate', { schema: { tags, summary: 'Eskalera till nästa forum', params: IdParams, body: NoteBody, response: changeResponses } }, async (request) => {
    const user = authorize(request, 'disputes:change');
    return { dispute: await changeDispute(ctx.store, ctx.agreement, user, request.params.id, { kind: 'escalate', note: request.body.note }) };
  });
  app.post('/api/v1/disputes/:id/decide', { schema: { tags, summary: 'Registrera beslut i nuvarande steg', params: IdParams, body: DecideBody, response: changeResponses } }, async (request) => {
    const user = authorize(request, 'disputes:change');
    return { dispute: await changeDispute(ctx.store, ctx.agreement, user, request.params.id, { kind: 'decide', ...request.body }) };
  });
  app.post('/api/v1/disputes/:id/close', { schema: { tags, summary: 'Avsluta tvisten', params: IdParams, body: NoteBody, response: changeResponses } }, async (request) => {
    const user = authorize(request, 'disputes:change');
    return { dispute: await changeDispute(ctx.store, ctx.agreement, user, request.params.id, { kind: 'close', note: request.body.note }) };
  });
};
