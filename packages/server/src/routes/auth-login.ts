/**
 * `POST /api/v1/auth/login` → `{ user, csrfToken, mustChangePassword }` and the session cookie.
 * Failed attempts are limited per source address and per user name (auth/sign-in-limits.ts); the
 * session the browser had before ends.
 */
import Type from 'typebox';
import { isSamverkanError } from '@samverkan/core';
import type { RegisterRoutes } from '../app/app-context.js';
import { ErrorBody, SessionUserSchema } from '../app/schemas.js';
import { checkCredentials } from '../auth/login.js';
import { startSession } from '../auth/session-cookie.js';
import { deleteExpiredSessions } from '../auth/sessions.js';
import { SignInLimiter } from '../auth/sign-in-limits.js';

const LoginBody = Type.Object(
  { username: Type.String({ minLength: 1, maxLength: 200 }), password: Type.String({ minLength: 1, maxLength: 1000 }) },
  { additionalProperties: false },
);

/** What sign-in, who-am-I and a password change answer. */
export const SessionResponse = Type.Object({
  user: SessionUserSchema,
  csrfToken: Type.String(),
  mustChangePassword: Type.Boolean({
    description: 'Sant när lösenordet valdes av en administratör: sessionen får bara byta lösenord (POST /api/v1/auth/password)',
  }),
});

/** Register the sign-in route. */
export const registerAuthLogin: RegisterRoutes = (app, ctx) => {
  const limiter = new SignInLimiter();
  app.post(
    '/api/v1/auth/login',
    {
      schema: {
        tags: ['inloggning'],
        summary: 'Logga in med användarnamn och lösenord (högst 10 misslyckade försök per användarnamn och 30 per adress och minut)',
        body: LoginBody,
        response: { 200: SessionResponse, 400: ErrorBody, 401: ErrorBody, 429: ErrorBody },
      },
    },
    async (request, reply) => {
      const { username, password } = request.body;
      // request.ip is the socket address unless the connection came from a trusted proxy.
      limiter.check(request.ip, username);
      let session;
      try {
        session = await checkCredentials(ctx.store.db, username, password);
      } catch (e) {
        if (isSamverkanError(e) && e.code === 'SAMV_ERR_UNAUTHENTICATED') limiter.fail(request.ip, username);
        throw e;
      }
      await deleteExpiredSessions(ctx.store.db);
      const csrfToken = await startSession(ctx.store.db, request, reply, session.user, ctx.config);
      request.log.info(
        { username: session.user.username, role: session.user.role, mustChangePassword: session.mustChangePassword },
        'inloggad',
      );
      return { user: session.user, csrfToken, mustChangePassword: session.mustChangePassword };
    },
  );
};
