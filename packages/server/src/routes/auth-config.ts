/** `GET /api/v1/auth/config` → `{ oidc }`: which sign-in methods the login page offers (public). */
import Type from 'typebox';
import type { RegisterRoutes } from '../app/app-context.js';

/** Register the sign-in configuration route. */
export const registerAuthConfig: RegisterRoutes = (app, ctx) => {
  app.get(
    '/api/v1/auth/config',
    {
      schema: {
        tags: ['inloggning'],
        summary: 'Vilka inloggningssätt som finns',
        response: {
          200: Type.Object({
            oidc: Type.Boolean({ description: 'Inloggning via regionens identitetsleverantör (OpenID Connect) är konfigurerad' }),
          }),
        },
      },
    },
    () => ({ oidc: ctx.config.oidc !== undefined }),
  );
};
