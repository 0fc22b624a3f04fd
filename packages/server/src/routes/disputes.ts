/**
 * Disputes: `GET/POST /api/v1/disputes`, `GET /api/v1/disputes/:id`,
 * `POST /api/v1/disputes/:id/{escalate,close}`, and decisions (decision 0071):
 * `POST /api/v1/disputes/:id/proposals` (one party's economist proposes),
 * `POST /api/v1/disputes/:id/proposals/:proposalId/confirm` (the other party's economist confirms)
 * and `POST /api/v1/disputes/:id/decide` (the forum's decision from its minutes, by a user with
 * `disputes:record-decision`). Everyone signed in reads (a municipality economist only their
 * municipality's disputes). Every view carries `allowedActions` and, for a role that only reads,
 * `readOnlyReason` (disputes/dispute-permissions.ts).
 */
import Type from 'typebox';
import type { RegisterRoutes } from '../app/app-context.js';
import { authorize } from '../app/request-user.js';
import { changeResponses, createResponses, IdParams, IsoDateSchema, readResponses } from '../app/schemas.js';
import { changeDispute, getDispute, listDisputes, openDispute } from '../disputes/dispute-store.js';
import { confirmDecision, proposeDecision, recordForumDecision } from '../disputes/dispute-decisions.js';
import { withDisputeName, withDisputeNames } from '../disputes/dispute-names.js';
import { withDisputePermissions } from '../disputes/dispute-permissions.js';

const Level = Type.Union([
  Type.Literal('individ'),
  Type.Literal('organisation'),
  Type.Literal('storlek-fordelning'),
  Type.Literal('utforande'),
]);
const Party = Type.String({ pattern: '^(\\d{4}|[a-z][a-z0-9-]*)$', description: 'Kommunkod eller "region"' });

const OpenBody = Type.Object(
  {
    document: Type.String({ pattern: '^[A-Z]+$' }),
    level: Level,
    subject: Type.String({ minLength: 1, maxLength: 2000, description: 'Vad tvisten gäller (inga personuppgifter)' }),
    parties: Type.Array(Party, { minItems: 2, maxItems: 2 }),
    openedOn: Type.Optional(IsoDateSchema),
    note: Type.Optional(Type.String({ minLength: 1, maxLength: 2000 })),
  },
  { additionalProperties: false },
);
const NoteBody = Type.Object({ note: Type.Optional(Type.String({ minLength: 1, maxLength: 2000 })) }, { additionalProperties: false });
const decisionFields = {
  outcome: Type.String({ minLength: 1, maxLength: 2000 }),
  costRegulationOre: Type.Optional(
    Type.Integer({
      minimum: 1,
      description:
        'Kostnadsreglering i öre (> 0, högst parametern tvist.kostnadsreglering.max, standard 1 000 000 000 öre = 10 000 000 kr); blir en fakturarad i flödet cost-regulation för beslutsmånaden när beslutet står fast',
    }),
  ),
  costRegulationPayer: Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 40,
      description: 'Part som betalar kostnadsregleringen ("region" eller kommunkod); krävs med costRegulationOre',
    }),
  ),
  costRegulationPayee: Type.Optional(
    Type.String({ minLength: 1, maxLength: 40, description: 'Part som får kostnadsregleringen; standard: den andra parten' }),
  ),
};
const ProposeBody = Type.Object(decisionFields, { additionalProperties: false });
const DecideBody = Type.Object(
  {
    ...decisionFields,
    forumMinutes: Type.String({
      minLength: 3,
      maxLength: 500,
      description: 'Hänvisning till forumets protokoll där beslutet fattades, t.ex. "Lokal samverkansarena Östersund 2026-03-04 § 5"',
    }),
  },
  { additionalProperties: false },
);
const ProposalParams = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 64 }),
  proposalId: Type.String({ minLength: 1, maxLength: 64 }),
});

/** Register the dispute routes. */
export const registerDisputes: RegisterRoutes = (app, ctx) => {
  const tags = ['tvister'];
  app.get('/api/v1/disputes', { schema: { tags, summary: 'Tvister där du får se parterna', response: readResponses } }, async (request) => {
    const user = authorize(request, 'disputes:read');
    return {
      disputes: (await withDisputeNames(ctx.store.db, await listDisputes(ctx.store, ctx.agreement, user))).map((d) =>
        withDisputePermissions(ctx.agreement, user, d),
      ),
    };
  });
  app.get(
    '/api/v1/disputes/:id',
    { schema: { tags, summary: 'En tvist med eskaleringsväg och historik', params: IdParams, response: readResponses } },
    async (request) => {
      const user = authorize(request, 'disputes:read');
      return {
        dispute: withDisputePermissions(
          ctx.agreement,
          user,
          await withDisputeName(ctx.store.db, await getDispute(ctx.store, ctx.agreement, user, request.params.id)),
        ),
      };
    },
  );
  app.post(
    '/api/v1/disputes',
    { schema: { tags, summary: 'Registrera en tvist (första steget i avtalets tvistordning)', body: OpenBody, response: createResponses } },
    async (request, reply) => {
      const user = authorize(request, 'disputes:change');
      return reply.status(201).send({
        dispute: withDisputePermissions(
          ctx.agreement,
          user,
          await withDisputeName(ctx.store.db, await openDispute(ctx.store, ctx.agreement, user, request.body)),
        ),
      });
    },
  );
  app.post(
    '/api/v1/disputes/:id/escalate',
    { schema: { tags, summary: 'Eskalera till nästa forum', params: IdParams, body: NoteBody, response: changeResponses } },
    async (request) => {
      const user = authorize(request, 'disputes:change');
      return {
        dispute: withDisputePermissions(
          ctx.agreement,
          user,
          await withDisputeName(
            ctx.store.db,
            await changeDispute(ctx.store, ctx.agreement, user, request.params.id, { kind: 'escalate', note: request.body.note }),
          ),
        ),
      };
    },
  );
  app.post(
    '/api/v1/disputes/:id/proposals',
    {
      schema: {
        tags,
        summary: 'Föreslå beslut i nuvarande steg (ekonom hos en part; den andra partens ekonom bekräftar)',
        params: IdParams,
        body: ProposeBody,
        response: createResponses,
      },
    },
    async (request, reply) => {
      const user = authorize(request, 'disputes:change');
      return reply.status(201).send({
        dispute: withDisputePermissions(
          ctx.agreement,
          user,
          await withDisputeName(ctx.store.db, await proposeDecision(ctx.store, ctx.agreement, user, request.params.id, request.body)),
        ),
      });
    },
  );
  app.post(
    '/api/v1/disputes/:id/proposals/:proposalId/confirm',
    {
      schema: {
        tags,
        summary: 'Bekräfta den andra partens förslag: beslutet fattas av nuvarande stegs forum',
        params: ProposalParams,
        response: changeResponses,
      },
    },
    async (request) => {
      const user = authorize(request, 'disputes:change');
      return {
        dispute: withDisputePermissions(
          ctx.agreement,
          user,
          await withDisputeName(
            ctx.store.db,
            await confirmDecision(ctx.store, ctx.agreement, user, request.params.id, request.params.proposalId),
          ),
        ),
      };
    },
  );
  app.post(
    '/api/v1/disputes/:id/decide',
    {
      schema: {
        tags,
        summary: 'Registrera beslutet som nuvarande stegs forum fattat, enligt protokoll (administratören)',
        params: IdParams,
        body: DecideBody,
        response: changeResponses,
      },
    },
    async (request) => {
      const user = authorize(request, 'disputes:record-decision');
      return {
        dispute: withDisputePermissions(
          ctx.agreement,
          user,
          await withDisputeName(ctx.store.db, await recordForumDecision(ctx.store, ctx.agreement, user, request.params.id, request.body)),
        ),
      };
    },
  );
  app.post(
    '/api/v1/disputes/:id/close',
    { schema: { tags, summary: 'Avsluta tvisten', params: IdParams, body: NoteBody, response: changeResponses } },
    async (request) => {
      const user = authorize(request, 'disputes:change');
      return {
        dispute: withDisputePermissions(
          ctx.agreement,
          user,
          await withDisputeName(
            ctx.store.db,
            await changeDispute(ctx.store, ctx.agreement, user, request.params.id, { kind: 'close', note: request.body.note }),
          ),
        ),
      };
    },
  );
};
