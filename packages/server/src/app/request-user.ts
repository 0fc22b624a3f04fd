/**
 * The signed-in user on each request (set by the session hook) and the two guards routes use:
 * `requireUser` (401 when not signed in) and `authorize` (403 unless the role's policy allows
 * the action).
 */
import type { FastifyRequest } from 'fastify';
import { SamverkanError } from '@samverkan/core';
import type { SessionUser } from '../auth/session-user.js';
import { requireAction, type Action } from '../auth/roles.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in user, or null. */
    user: SessionUser | null;
    /** The raw session id from the cookie when the session is valid (for the CSRF token). */
    sessionId: string | null;
    /** The session may only change the password (an administrator chose it). */
    mustChangePassword: boolean;
  }
}

/** The signed-in user, or SAMV_ERR_UNAUTHENTICATED. */
export function requireUser(request: FastifyRequest): SessionUser {
  if (request.user === null) {
    throw new SamverkanError('SAMV_ERR_UNAUTHENTICATED', 'Du är inte inloggad (eller sessionen har gått ut). Logga in och försök igen.');
  }
  return request.user;
}

/** The signed-in user if their role may perform `action`; otherwise 401 or 403. */
export function authorize(request: FastifyRequest, action: Action): SessionUser {
  const user = requireUser(request);
  requireAction(user.role, action);
  return user;
}
