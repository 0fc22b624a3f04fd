/**
 * Invoice bases: `GET /api/v1/invoice-bases[?status=&flow=&period=&billingRunId=]`,
 * `GET /api/v1/invoice-bases/:id[?linesOffset=&linesLimit=]` (a window of the lines, 500 by default,
 * with their calculation steps; `lineCount`; trace, inputs),
 * `PATCH /api/v1/invoice-bases/:id { buyerReference?, note? }` (drafts only),
 * `POST /api/v1/invoice-bases/:id/{approve,send,credit}` (approve takes `{ confirmProvisional }`
 * naming every provenance warning of a basis on example or forecast values). Views name the
 * approver (`approvedByName`) and what the user may do (`allowedActions`, `deniedActions` with the
 * reason; billing/basis-permissions.ts). Parties read (a municipality economist only bases where their
 * municipality is seller or buyer); the seller's economists and the administrator decide. An
 * approved basis is locked: changing it answers 409.
 */
import Type from 'typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { RegisterRoutes } from '../app/app-context.js';
import { authorize } from '../app/request-user.js';
import { changeResponses, IdParams, readResponses } from '../app/schemas.js';
import { listBases, creditNotesOf, DEFAULT_LINE_WINDOW, MAX_LINE_WINDOW } from '../billing/basis-store.js';
import { basisView } from '../billing/basis-view.js';
import { approveBasis, creditBasis, getBasis, sendBasis, updateDraft } from '../billing/basis-actions.js';
import { withBasisName, withBasisNames, type NamedBasisView } from '../billing/view-names.js';
import { withBasisPermissions, type BasisPermissions } from '../billing/basis-permissions.js';

const ListQuery = Type.Object(
  {
    status: Type.Optional(Type.Union([Type.Literal('draft'), Type.Literal('approved'), Type.Literal('sent'), Type.Literal('credited')])),
    flow: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
    period: Type.Optional(Type.String({ minLength: 4, maxLength: 10 })),
    billingRunId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  },
  { additionalProperties: false },
);
const LinesQuery = Type.Object(
  {
    linesOffset: Type.Optional(
      Type.Integer({ minimum: 0, maximum: 10_000_000, description: 'Första raden som visas, räknat från 0 (standard 0)' }),
    ),
    linesLimit: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: MAX_LINE_WINDOW,
        description: `Hur många rader som visas (standard ${String(DEFAULT_LINE_WINDOW.limit)}, högst ${String(MAX_LINE_WINDOW)}); lineCount säger hur många underlaget har`,
      }),
    ),
  },
  { additionalProperties: false },
);

const PatchBody = Type.Object(
  {
    buyerReference: Type.Optional(
      Type.Union([Type.String({ maxLength: 200 }), Type.Null()], { description: 'Köparens referens (utan personuppgifter)' }),
    ),
    note: Type.Optional(Type.Union([Type.String({ maxLength: 2000 }), Type.Null()])),
  },
  { additionalProperties: false },
);

const ApproveBody = Type.Object(
  {
    confirmProvisional: Type.Optional(
      Type.Array(Type.String({ minLength: 1, maxLength: 200 }), {
        maxItems: 200,
        description:
          'Id för varje varning i underlagets provenance (exempel- eller prognosvärden) som godkännaren bekräftar, t.ex. example-index:VPI:2026',
      }),
    ),
  },
  { additionalProperties: false },
);

/** A POST without a body is the empty confirmation (a basis on final values needs none). */
const noBodyIsEmpty = (request: FastifyRequest, _reply: FastifyReply, done: () => void): void => {
  request.body ??= {};
  done();
};

const CreditBody = Type.Object(
  {
    reason: Type.String({
      minLength: 3,
      maxLength: 500,
      description: 'Skälet till krediteringen (3–500 tecken); sparas på underlaget, kreditnotan och i granskningsloggen',
    }),
  },
  { additionalProperties: false },
);

/** Register the invoice-basis routes. */
export const registerInvoiceBases: RegisterRoutes = (app, ctx) => {
  const tags = ['fakturering'];
  app.get(
    '/api/v1/invoice-bases',
    { schema: { tags, summary: 'Fakturaunderlag där du får se parterna', querystring: ListQuery, response: readResponses } },
    async (request) => {
      const user = authorize(request, 'records:read');
      const rows = await listBases(ctx.store.db, user, request.query);
      const credited = await creditNotesOf(
        ctx.store.db,
        rows.map((r) => r.id),
      );
      const views = await withBasisNames(
        ctx.store.db,
        rows.map((r) => basisView(ctx.agreement, r, credited.get(r.id) ?? null)),
      );
      return { invoiceBases: views.map((v) => withBasisPermissions(ctx.agreement, user, v)) };
    },
  );
  app.get(
    '/api/v1/invoice-bases/:id',
    {
      schema: {
        tags,
        summary: `Ett fakturaunderlag med rader (de första ${String(DEFAULT_LINE_WINDOW.limit)} om inget annat anges), beräkningssteg och spårbarhet`,
        params: IdParams,
        querystring: LinesQuery,
        response: readResponses,
      },
    },
    async (request) => {
      const user = authorize(request, 'records:read');
      const window = {
        offset: request.query.linesOffset ?? DEFAULT_LINE_WINDOW.offset,
        limit: request.query.linesLimit ?? DEFAULT_LINE_WINDOW.limit,
      };
      return {
        invoiceBasis: withBasisPermissions(
          ctx.agreement,
          user,
          await withBasisName(ctx.store.db, await getBasis(ctx.store, ctx.agreement, user, request.params.id, window)),
        ),
      };
    },
  );
  app.patch(
    '/api/v1/invoice-bases/:id',
    {
      schema: {
        tags,
        summary: 'Ändra köparens referens eller anteckning (bara utkast)',
        params: IdParams,
        body: PatchBody,
        response: changeResponses,
      },
    },
    async (request) => {
      const user = authorize(request, 'invoices:decide');
      return {
        invoiceBasis: withBasisPermissions(
          ctx.agreement,
          user,
          await withBasisName(ctx.store.db, await updateDraft(ctx.store, ctx.agreement, user, request.params.id, request.body)),
        ),
      };
    },
  );
  app.post(
    '/api/v1/invoice-bases/:id/approve',
    {
      schema: {
        tags,
        summary: 'Godkänn (låser underlaget); ett underlag på exempel- eller prognosvärden kräver confirmProvisional',
        params: IdParams,
        body: ApproveBody,
        response: changeResponses,
      },
      preValidation: noBodyIsEmpty,
    },
    async (request) => {
      const user = authorize(request, 'invoices:decide');
      return {
        invoiceBasis: withBasisPermissions(
          ctx.agreement,
          user,
          await withBasisName(ctx.store.db, await approveBasis(ctx.store, ctx.agreement, user, request.params.id, request.body)),
        ),
      };
    },
  );
  app.post(
    '/api/v1/invoice-bases/:id/send',
    { schema: { tags, summary: 'Markera som skickat', params: IdParams, response: changeResponses } },
    async (request) => {
      const user = authorize(request, 'invoices:decide');
      return {
        invoiceBasis: withBasisPermissions(
          ctx.agreement,
          user,
          await withBasisName(ctx.store.db, await sendBasis(ctx.store, ctx.agreement, user, request.params.id)),
        ),
      };
    },
  );
  app.post(
    '/api/v1/invoice-bases/:id/credit',
    {
      schema: {
        tags,
        summary: 'Kreditera med skäl: underlaget blir krediterat, kreditnota plus nytt utkast beräknat på nytt',
        params: IdParams,
        body: CreditBody,
        response: { ...changeResponses, 201: Type.Unknown({ description: 'Krediterat' }) },
      },
    },
    async (request, reply) => {
      const user = authorize(request, 'invoices:decide');
      const r = await creditBasis(ctx.store, ctx.agreement, user, request.params.id, { reason: request.body.reason });
      const [credited, creditNote, replacement] = await withBasisNames(ctx.store.db, [
        r.credited,
        r.creditNote,
        ...(r.replacement === null ? [] : [r.replacement]),
      ]);
      const allowed = (v: NamedBasisView | undefined): (NamedBasisView & BasisPermissions) | null =>
        v === undefined ? null : withBasisPermissions(ctx.agreement, user, v);
      return reply
        .status(201)
        .send({ ...r, credited: allowed(credited), creditNote: allowed(creditNote), replacement: allowed(replacement) });
    },
  );
};
