/** `POST /api/v1/auth/login` → `{ user, csrfToken }` and the session cookie. Rate-limited. */
import Type from 'typebox';
import type { RegisterRoutes } from '../app/app-context.js';
import { ErrorBody, SessionUserSchema } from '../app/schemas.js';
import { checkCredentials } from '../auth/login.js';
import { startSession } from '../auth/session-cookie.js';
import { deleteExpiredSessions } from '../auth/sessions.js';
import { LOGIN_RATE_LIMIT } from '../app/security.js';

const LoginBody = Type.Object(
  { username: Type.String({ minLength: 1, maxLength: 200 }), password: Type.String({ minLength: 1, maxLength: 1000 }) },
  { additionalProperties: false },
);

/** Register the sign-in route. */
export const registerAuthLogin: RegisterRoutes = (app, ctx) => {
  app.post(
    '/api/v1/auth/login',
    {
      schema: {
        tags: ['inloggning'],
        summary: 'Logga in med användarnamn och lösenord',
        body: LoginBody,
        response: { 200: Type.Object({ user: SessionUserSchema, csrfToken: Type.String() }), 400: ErrorBody, 401: ErrorBody, 429: ErrorBody },
      },
      config: {
        rateLimit: {
          ...LOGIN_RATE_LIMIT,
          // After body parsing, so the key is address + user name: one user's attempts cannot
          // lock out everyone behind the same address, and guessing one account is throttled.
          hook: 'preHandler',
          keyGenerator: (request) => {
            const body = request.body as { username?: unknown } | undefined;
            const name = typeof body?.username === 'string' ? body.username.trim().toLowerCase() : '';
            return `${request.ip}|${name}`;
          },
        },
      },
    },
    async (request, reply) => {
      const user = await checkCredentials(ctx.store.db, request.body.username, request.body.password);
      await deleteExpiredSessions(ctx.store.db);
      const csrfToken = await startSession(ctx.store.db, request, reply, user, ctx.config);
      request.log.info({ username: user.username, role: user.role }, 'inloggad');
      return { user, csrfToken };
    },
  );
};
