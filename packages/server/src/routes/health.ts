/** `GET /healthz` (the process answers) and `GET /readyz` (database reachable, agreement loaded). */
import Type from 'typebox';
import type { RegisterRoutes } from '../app/app-context.js';

/** Register the health routes. */
export const registerHealth: RegisterRoutes = (app, ctx) => {
  app.get(
    '/healthz',
    { schema: { tags: ['drift'], summary: 'Lever processen?', response: { 200: Type.Object({ status: Type.Literal('ok') }) } } },
    () => ({
      status: 'ok' as const,
    }),
  );
  app.get(
    '/readyz',
    {
      schema: {
        tags: ['drift'],
        summary: 'Redo att ta emot trafik? (databas nåbar, avtal laddat)',
        response: {
          200: Type.Object({ status: Type.Literal('ready'), database: Type.String(), agreement: Type.String() }),
          503: Type.Object({ status: Type.Literal('not-ready'), reason: Type.String() }),
        },
      },
    },
    async (request, reply) => {
      try {
        await ctx.store.ping();
      } catch (e) {
        request.log.warn({ err: e }, 'databasen svarar inte');
        return reply.status(503).send({ status: 'not-ready' as const, reason: 'Databasen svarar inte.' });
      }
      return { status: 'ready' as const, database: ctx.store.kind, agreement: `${ctx.agreement.meta.id} ${ctx.agreement.meta.version}` };
    },
  );
};
