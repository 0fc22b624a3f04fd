/**
 * The OpenAPI 3.1 document, generated from the TypeBox route schemas, at `/api/openapi.json`, and
 * the browsable Swagger UI at `/api/docs` (served with its own strict CSP for its inline parts).
 */
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { App } from './app-context.js';

/** Register the generator and the UI; call before any route is added. */
export async function registerOpenApi(app: App, version: string): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Samverkan API',
        version,
        description:
          'Samverkansavtalet för hälso- och sjukvård i Jämtlands län, körbart. Fel svarar med `{ error: { code, message, location, details } }`; ' +
          'ändrande anrop med session kräver huvudet `x-csrf-token`.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'samverkan_session' },
          csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
        },
      },
      tags: [
        { name: 'drift', description: 'Hälsa och beredskap' },
        { name: 'inloggning', description: 'Inloggning, sessioner och OpenID Connect' },
        { name: 'avtal', description: 'Avtalet som data: dokument, klausuler, beslut, forum' },
        { name: 'kalender', description: 'Årshjul och giltighet' },
        { name: 'ansvar', description: 'Ansvarsguide (ingen inloggning, inga personuppgifter)' },
        { name: 'ekonomi', description: 'Beräkningar för varje penningflöde' },
        { name: 'referensdata', description: 'Parametrar, indexvärden och fördelningsnycklar (versionerade)' },
        { name: 'tvister', description: 'Tvister och eskalering' },
        { name: 'administration', description: 'Användare och granskningslogg' },
      ],
    },
  });
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    staticCSP: true,
    // Its default CSP upgrades requests to https, which breaks plain-http installations.
    transformStaticCSP: (header) => header.replace(/upgrade-insecure-requests;?/, '').trim(),
    uiConfig: { docExpansion: 'list', deepLinking: true },
  });
}

/** `GET /api/openapi.json`. */
export function registerOpenApiDocument(app: App): void {
  app.get('/api/openapi.json', { schema: { hide: true } }, () => app.swagger());
}
