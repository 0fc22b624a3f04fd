/** `POST /api/v1/auth/logout`: ends the session (CSRF token required like every unsafe call). */
import type { RegisterRoutes } from '../app/app-context.js';
import { requireUser } from '../app/request-user.js';
import { deleteSession } from '../auth/sessions.js';
import { clearSessionCookie } from '../auth/session-cookie.js';

/** Register the sign-out route. */
export const registerAuthLogout: RegisterRoutes = (app, ctx) => {
  app.post(
    '/api/v1/auth/logout',
    { schema: { tags: ['inloggning'], summary: 'Logga ut (204 utan innehåll; 401 utan session)' } },
    async (request, reply) => {
      const user = requireUser(request);
      if (request.sessionId !== null) await deleteSession(ctx.store.db, request.sessionId);
      clearSessionCookie(reply);
      request.log.info({ username: user.username }, 'utloggad');
      return reply.status(204).send();
    },
  );
};
