/**
 * `GET /api/v1/terminations` (public, like the agreement status it changes) and
 * `POST /api/v1/terminations` `{ document, noticeDate, reference, dialogueHeld }`: record a
 * termination of one document or of the whole agreement (`ALL`), PRINC.giltighet. Only the
 * administrator records (action `terminations:record`).
 */
import Type from 'typebox';
import type { RegisterRoutes } from '../app/app-context.js';
import { authorize } from '../app/request-user.js';
import { createResponses, IsoDateSchema, readResponses } from '../app/schemas.js';
import { listTerminations, recordTermination } from '../terminations/termination-store.js';

const Body = Type.Object(
  {
    document: Type.String({
      minLength: 1,
      maxLength: 20,
      description: 'Dokumentets id (ORD, SABO, …) eller ALL för hela samverkansavtalet',
    }),
    noticeDate: IsoDateSchema,
    reference: Type.String({ minLength: 1, maxLength: 200, description: 'Beslutets paragraf eller diarienummer, t.ex. SVOM § 12' }),
    dialogueHeld: Type.Boolean({ description: 'Dialog har förts i länsövergripande politisk samverkansarena före uppsägningen' }),
  },
  { additionalProperties: false },
);

/** Register the termination routes. */
export const registerTerminations: RegisterRoutes = (app, ctx) => {
  const tags = ['kalender'];
  app.get('/api/v1/terminations', { schema: { tags, summary: 'Registrerade uppsägningar', response: readResponses } }, async (request) => {
    const list = await listTerminations(ctx.store.db, ctx.agreement);
    // Who recorded a decision is shown to signed-in users only; the decisions themselves are public.
    return {
      terminations:
        request.user === null ? list.map((v) => Object.fromEntries(Object.entries(v).filter(([k]) => k !== 'recordedBy'))) : list,
    };
  });
  app.post(
    '/api/v1/terminations',
    {
      schema: { tags, summary: 'Registrera en uppsägning av en överenskommelse eller hela avtalet', body: Body, response: createResponses },
    },
    async (request, reply) => {
      const user = authorize(request, 'terminations:record');
      return reply.status(201).send(await recordTermination(ctx.store, ctx.agreement, user, request.body));
    },
  );
};
