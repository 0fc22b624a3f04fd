/** `GET /api/v1/auth/me` → `{ user, csrfToken }`; 401 when not signed in. */
import Type from 'typebox';
import type { RegisterRoutes } from '../app/app-context.js';
import { requireUser } from '../app/request-user.js';
import { ErrorBody, SessionUserSchema } from '../app/schemas.js';
import { csrfTokenFor } from '../auth/sessions.js';

/** Register the who-am-I route. */
export const registerAuthMe: RegisterRoutes = (app, ctx) => {
  app.get(
    '/api/v1/auth/me',
    { schema: { tags: ['inloggning'], summary: 'Inloggad användare och CSRF-token', response: { 200: Type.Object({ user: SessionUserSchema, csrfToken: Type.String() }), 401: ErrorBody } } },
    (request) => {
      const user = requireUser(request);
      return { user, csrfToken: csrfTokenFor(ctx.config.sessionSecret, request.sessionId ?? '') };
    },
  );
};
