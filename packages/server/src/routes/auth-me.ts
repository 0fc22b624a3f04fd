/** `GET /api/v1/auth/me` → `{ user, csrfToken, mustChangePassword }`; 401 when not signed in. */
import type { RegisterRoutes } from '../app/app-context.js';
import { requireUser } from '../app/request-user.js';
import { ErrorBody } from '../app/schemas.js';
import { csrfTokenFor } from '../auth/sessions.js';
import { SessionResponse } from './auth-login.js';

/** Register the who-am-I route. */
export const registerAuthMe: RegisterRoutes = (app, ctx) => {
  app.get(
    '/api/v1/auth/me',
    {
      schema: {
        tags: ['inloggning'],
        summary: 'Inloggad användare, CSRF-token och om lösenordet måste bytas',
        response: { 200: SessionResponse, 401: ErrorBody },
      },
    },
    (request) => {
      const user = requireUser(request);
      return {
        user,
        csrfToken: csrfTokenFor(ctx.config.sessionSecret, request.sessionId ?? ''),
        mustChangePassword: request.mustChangePassword,
      };
    },
  );
};
