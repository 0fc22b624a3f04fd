/**
 * `GET /api/v1/auth/oidc/login` (redirect to the identity provider) and
 * `GET /api/v1/auth/oidc/callback` (back from it: session cookie, then redirect to `/`).
 * Without OIDC_* configuration both answer 501 SAMV_ERR_NOT_CONFIGURED in Swedish.
 */
import Type from 'typebox';
import { SamverkanError } from '@samverkan/core';
import type { RegisterRoutes } from '../app/app-context.js';
import { ErrorBody } from '../app/schemas.js';
import { OidcClient, type OidcPending } from '../auth/oidc-client.js';
import { userForOidcIdentity } from '../auth/oidc-user.js';
import { startSession } from '../auth/session-cookie.js';

const PENDING_COOKIE = 'samverkan_oidc';
const PENDING_PATH = '/api/v1/auth/oidc';

function notConfigured(): SamverkanError {
  return new SamverkanError(
    'SAMV_ERR_NOT_CONFIGURED',
    'Inloggning med OpenID Connect är inte konfigurerad här. Sätt OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET och OIDC_REDIRECT_URI (se README), eller logga in med lösenord.',
  );
}

function parsePending(text: string | null): OidcPending | undefined {
  if (text === null) return undefined;
  try {
    const v = JSON.parse(text) as Partial<OidcPending>;
    return typeof v.verifier === 'string' && typeof v.state === 'string' && typeof v.nonce === 'string'
      ? { verifier: v.verifier, state: v.state, nonce: v.nonce }
      : undefined;
  } catch {
    return undefined;
  }
}

/** Register the two OIDC routes. */
export const registerAuthOidc: RegisterRoutes = (app, ctx) => {
  const oidc = ctx.config.oidc ? new OidcClient(ctx.config.oidc) : undefined;
  const responses = { 302: Type.Null({ description: 'Omdirigering' }), 401: ErrorBody, 403: ErrorBody, 501: ErrorBody };

  app.get(
    '/api/v1/auth/oidc/login',
    { schema: { tags: ['inloggning'], summary: 'Logga in via regionens identitetsleverantör', response: responses } },
    async (request, reply) => {
      if (!oidc) throw notConfigured();
      const { url, pending } = await oidc.start();
      reply.setCookie(PENDING_COOKIE, JSON.stringify(pending), {
        httpOnly: true,
        sameSite: 'lax',
        secure: request.protocol === 'https',
        path: PENDING_PATH,
        maxAge: 600,
        signed: true,
      });
      return reply.redirect(url.href, 302);
    },
  );

  app.get(
    '/api/v1/auth/oidc/callback',
    {
      schema: {
        tags: ['inloggning'],
        summary: 'Återkomst från identitetsleverantören',
        querystring: Type.Object(
          { code: Type.Optional(Type.String()), state: Type.Optional(Type.String()), error: Type.Optional(Type.String()) },
          { additionalProperties: true },
        ),
        response: responses,
      },
    },
    async (request, reply) => {
      if (!oidc) throw notConfigured();
      const raw = request.cookies[PENDING_COOKIE];
      const unsigned = raw === undefined ? undefined : request.unsignCookie(raw);
      const pending = unsigned?.valid ? parsePending(unsigned.value) : undefined;
      reply.clearCookie(PENDING_COOKIE, { path: PENDING_PATH });
      if (!pending)
        throw new SamverkanError(
          'SAMV_ERR_UNAUTHENTICATED',
          'Inloggningen har gått ut eller startades inte här. Börja om från inloggningssidan.',
          { field: PENDING_COOKIE },
        );
      if (request.query.error !== undefined)
        throw new SamverkanError('SAMV_ERR_UNAUTHENTICATED', `Identitetsleverantören avbröt inloggningen (${request.query.error}).`, {
          field: 'error',
        });
      const identity = await oidc.finish(request.url.split('?')[1] ?? '', pending);
      const user = await userForOidcIdentity(ctx.store, identity, oidc.settings.matchEmail);
      await startSession(ctx.store.db, request, reply, user, ctx.config);
      request.log.info({ username: user.username, role: user.role }, 'inloggad via OIDC');
      return reply.redirect('/', 302);
    },
  );
};
