/**
 * `POST /api/v1/auth/password` with `{ currentPassword, newPassword }`: a local account changes its
 * own password (argon2id, at least 12 characters). Every session of the account ends and this
 * browser gets a fresh one: the answer is `{ user, csrfToken, mustChangePassword: false }` with a
 * new cookie. Wrong current passwords count against the sign-in limit of the user name.
 */
import Type from 'typebox';
import { isSamverkanError } from '@samverkan/core';
import type { RegisterRoutes } from '../app/app-context.js';
import { requireUser } from '../app/request-user.js';
import { ErrorBody } from '../app/schemas.js';
import { actorOf } from '../auth/session-user.js';
import { startSession } from '../auth/session-cookie.js';
import { SignInLimiter } from '../auth/sign-in-limits.js';
import { changeOwnPassword } from '../auth/users.js';
import { SessionResponse } from './auth-login.js';

const PasswordBody = Type.Object(
  {
    currentPassword: Type.String({ minLength: 1, maxLength: 1000, description: 'Det nuvarande lösenordet' }),
    newPassword: Type.String({ minLength: 1, maxLength: 1000, description: 'Det nya lösenordet, minst 12 tecken' }),
  },
  { additionalProperties: false },
);

/** Register the password change route. */
export const registerAuthPassword: RegisterRoutes = (app, ctx) => {
  const limiter = new SignInLimiter();
  app.post(
    '/api/v1/auth/password',
    {
      schema: {
        tags: ['inloggning'],
        summary: 'Byt det egna lösenordet (lokala konton; alla sessioner avslutas och en ny startas)',
        body: PasswordBody,
        response: { 200: SessionResponse, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 409: ErrorBody, 429: ErrorBody },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      limiter.check(request.ip, user.username);
      try {
        await changeOwnPassword(ctx.store, user.id, request.body.currentPassword, request.body.newPassword, actorOf(user));
      } catch (e) {
        if (isSamverkanError(e) && e.location.field === 'currentPassword' && e.code === 'SAMV_ERR_INVALID_INPUT')
          limiter.fail(request.ip, user.username);
        throw e;
      }
      const csrfToken = await startSession(ctx.store.db, request, reply, user, ctx.config);
      request.log.info({ username: user.username }, 'lösenord bytt');
      return { user, csrfToken, mustChangePassword: false };
    },
  );
};
